package io.webprobe.crawl;

import io.webprobe.http.HttpProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link CrawlJob} ({@link CrawlJob#builder}); every setting but the plan, probe and
 * sink is optional. The job reads the fields as it is made.
 */
public final class CrawlJobBuilder {
    final CrawlPlan plan;
    final HttpProbe probe;
    final CrawlSink sink;
    CrawlListener listener = CrawlListener.NONE;
    ResumeState resume;
    Clock clock = Clock.systemUTC();
    Ticker ticker = Ticker.SYSTEM;
    List<Duration> robotsRetryDelays = RetryWaits.robots();
    Frontier.Limits frontierLimits = Frontier.Limits.DEFAULT;
    Frontier.StartLog<QueueItem> startLog;
    Duration levelPatience = Frontier.Levels.PATIENCE;
    final List<AutoCloseable> owned = new java.util.ArrayList<>();
    AddressGuard.Resolver resolver = AddressGuard.SYSTEM;
    AddressGuard.Privacy privacy = AddressGuard.STANDARD;

    CrawlJobBuilder(CrawlPlan plan, HttpProbe probe, CrawlSink sink) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Receives events on worker threads (default: none). */
    public CrawlJobBuilder listener(CrawlListener l) {
        listener = Objects.requireNonNull(l);
        return this;
    }

    /** Continues a crawl that stopped, from what its crawl file holds. */
    public CrawlJobBuilder resume(ResumeState state) {
        resume = state;
        return this;
    }

    /** The wall clock (Retry-After dates); default: the system's. */
    public CrawlJobBuilder clock(Clock c) {
        clock = Objects.requireNonNull(c);
        return this;
    }

    /** The monotonic clock of per-host gaps and waits; default: the system's. */
    public CrawlJobBuilder ticker(Ticker t) {
        ticker = Objects.requireNonNull(t);
        return this;
    }

    /** Waits between robots.txt retries after a 5xx (tests use short ones). */
    CrawlJobBuilder robotsRetryDelays(List<Duration> delays) {
        robotsRetryDelays = List.copyOf(delays);
        return this;
    }

    /** How many queued URLs stay in memory. */
    CrawlJobBuilder frontierLimits(Frontier.Limits limits) {
        frontierLimits = limits;
        return this;
    }

    /**
     * How long a shallower page in flight holds deeper ones from taking on their links
     * (default {@link Frontier.Levels#PATIENCE}; tests on a busy machine give more).
     */
    CrawlJobBuilder levelPatience(Duration patience) {
        levelPatience = patience;
        return this;
    }

    /** How host names resolve and which addresses are private (tests give their own). */
    CrawlJobBuilder addresses(AddressGuard.Resolver r, AddressGuard.Privacy p) {
        resolver = r;
        privacy = p;
        return this;
    }

    /**
     * Told of every URL the frontier hands out and the ticker time it used (tests check
     * per-host spacing with it); default: none.
     */
    CrawlJobBuilder startLog(Frontier.StartLog<QueueItem> log) {
        startLog = log;
        return this;
    }

    /** Something the job closes after its workers end (the sink's store, say). */
    public CrawlJobBuilder closing(AutoCloseable resource) {
        owned.add(Objects.requireNonNull(resource));
        return this;
    }

    public CrawlJob build() {
        return new CrawlJob(this);
    }
}
