package io.webprobe.store;

import io.webprobe.FileErrors;
import io.webprobe.UserDirs;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.Urls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Where the desktop app keeps its crawl files, and how it names them: a {@code crawls} folder
 * in the user's data directory ({@link UserDirs#data()}: {@code $XDG_DATA_HOME/webprobe}, else
 * {@code ~/.local/share/webprobe} on Linux; {@code ~/Library/Application Support/Webprobe} on
 * macOS; {@code %LOCALAPPDATA%\Webprobe} on Windows), one file per crawl named after the host
 * and the start time: {@code example.com-2026-12-02-143005.webprobe}.
 */
public final class CrawlFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

    private CrawlFiles() {}

    /** The crawls folder for this user, from the environment and system properties given. */
    public static Path defaultFolder(Map<String, String> env, String osName, String userHome) {
        return new UserDirs(env, osName, userHome).data().resolve("crawls");
    }

    /**
     * The crawls folder of the user running this process; the system property
     * {@code webprobe.crawlsDir} replaces it (the tests use one of their own).
     */
    public static Path defaultFolder() {
        String chosen = System.getProperty("webprobe.crawlsDir");
        if (chosen != null && !chosen.isBlank()) {
            return Path.of(chosen);
        }
        return UserDirs.current().data().resolve("crawls");
    }

    /**
     * A crawl file for a new crawl in {@code folder} (made if missing), or, when the folder
     * cannot take one (it cannot be made, a file is in its way, it cannot be written), one in
     * the temporary folder, deleted when closed, with the sentence saying so: the folder is
     * the app's choice, not the user's, so the crawl runs anyway, as the command line's does
     * without --db, and is said not to be kept (docs/decisions/0027). A file the user names
     * (--db) that cannot be written is refused instead, before any work.
     *
     * @throws StoreException when the temporary file cannot be made either
     */
    public static NewCrawlFile createNew(Path folder, CrawlPlan plan, Instant now, ZoneId zone)
            throws StoreException {
        return createNew(folder, plan, now, zone,
                Path.of(System.getProperty("java.io.tmpdir")));
    }

    static NewCrawlFile createNew(Path folder, CrawlPlan plan, Instant now, ZoneId zone,
            Path tempFolder) throws StoreException {
        String why;
        try {
            Files.createDirectories(folder);
            return NewCrawlFile.kept(CrawlStore.create(newFile(folder, plan, now, zone),
                    plan));
        } catch (IOException e) {
            why = FileErrors.why(e);
        } catch (StoreException e) {
            why = e.reason() != null ? e.reason() : "its crawl file could not be made";
        }
        String cannot = "Crawls cannot be saved in " + folder + ": " + why + ".";
        CrawlStore temporary;
        try {
            temporary = CrawlStore.createTemporary(plan, tempFolder);
        } catch (StoreException e) {
            throw new StoreException(cannot + " " + e.getMessage(), e);
        }
        return new NewCrawlFile(temporary, cannot + " " + NOT_KEPT);
    }

    /** What the app says of a crawl in a temporary file, after why (see {@link #createNew}). */
    public static final String NOT_KEPT = "This crawl is kept in a temporary file until you "
            + "close it or start another; Export CSV keeps its results.";

    /**
     * A new file name in {@code folder} for a crawl of {@code plan} begun at {@code now}
     * (local time): its start URL's host ({@code example.com-2026-12-02-143005.webprobe}), or
     * for a list check its size and its first URL's host ({@code
     * list-25-urls-example.com-2026-12-02-143005.webprobe}), so that a list is not taken for a
     * crawl of that site; "-2", "-3"… is added when a crawl of the same second exists.
     */
    public static Path newFile(Path folder, CrawlPlan plan, Instant now, ZoneId zone) {
        String host = Urls.hostAndPort(plan.startUrl()).replace(':', '_');
        if (host.isEmpty()) {
            host = "crawl";
        }
        String what = plan.isList() ? String.format(Locale.ROOT, "list-%d-%s-%s",
                plan.list().size(), plan.list().size() == 1 ? "url" : "urls", host) : host;
        String stem = what + "-" + STAMP.format(now.atZone(zone));
        Path p = folder.resolve(stem + CrawlStore.EXTENSION);
        for (int n = 2; Files.exists(p); n++) {
            p = folder.resolve(stem + "-" + n + CrawlStore.EXTENSION);
        }
        return p;
    }
}
