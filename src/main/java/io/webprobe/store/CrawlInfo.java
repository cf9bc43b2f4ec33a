package io.webprobe.store;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlState;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;

/**
 * What a crawl file says about its crawl, read when it is opened.
 *
 * @param file the file
 * @param plan how the crawl was made
 * @param state the state it recorded last
 * @param interrupted whether it says running (or paused) but no running Webprobe has it open:
 *     its process was killed, or the machine lost power
 * @param createdAt when the file was created
 * @param endedAt when the crawl last ended (stopped or finished), or null
 * @param elapsed the crawl's running time so far
 * @param appVersion the Webprobe version that created the file
 * @param readOnly whether the file was opened for reading only
 * @param warnings what the crawl could not read but went on without, one sentence each
 * @param stopReason why the crawl stopped when it was not the user, one sentence (its start
 *     URL could not be connected to), or ""
 */
public record CrawlInfo(Path file, CrawlPlan plan, CrawlState state, boolean interrupted,
        Instant createdAt, Instant endedAt, Duration elapsed, String appVersion,
        boolean readOnly, java.util.List<String> warnings, String stopReason) {

    /** Whether a resume would have something to do (it did not finish). */
    public boolean resumable() {
        return state.resumable() && !readOnly;
    }

    /**
     * Whether its crawl goes on in a running Webprobe: it says running or paused, and was not
     * interrupted (for a file this process does not write: another Webprobe crawls it).
     */
    public boolean goesOn() {
        return !interrupted && (state == CrawlState.RUNNING || state == CrawlState.PAUSED);
    }

    /** "finished", "stopped", "paused", or "interrupted" for a crawl whose process died. */
    public String stateText() {
        return interrupted ? "interrupted" : state.label();
    }

    /**
     * What a file's {@code meta} rows say about its crawl.
     *
     * @throws StoreException when its settings cannot be read back (a damaged file)
     */
    static CrawlInfo read(Path file, Map<String, String> meta, boolean readOnly)
            throws StoreException {
        CrawlPlan plan;
        try {
            plan = PlanCodec.decode(meta);
        } catch (IllegalArgumentException e) {
            throw CrawlFileChecks.damaged(file, e);
        }
        CrawlState state;
        try {
            state = CrawlState.of(meta.getOrDefault("state", "stopped"));
        } catch (IllegalArgumentException e) {
            state = CrawlState.STOPPED;
        }
        // running or paused, and no running Webprobe holds it: this one, or another whose
        // crawl a window follows (CrawlStore.Access.READ_FOLLOWING)
        boolean interrupted = StoreLocks.endedWhileRunning(meta, file, java.time.Instant.now());
        return new CrawlInfo(file, plan, state, interrupted, instant(meta.get("created_at")),
                instant(meta.get("ended_at")),
                Duration.ofMillis(Long.parseLong(meta.getOrDefault("elapsed_ms", "0"))),
                meta.getOrDefault("app_version", "?"), readOnly, warnings(meta),
                meta.getOrDefault(StoreWriter.STOP_REASON, ""));
    }

    private static java.util.List<String> warnings(Map<String, String> meta) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; meta.containsKey("warning." + i); i++) {
            out.add(meta.get("warning." + i));
        }
        return out;
    }

    private static Instant instant(String epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(Long.parseLong(epochMillis));
    }
}
