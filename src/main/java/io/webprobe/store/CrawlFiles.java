package io.webprobe.store;

import io.webprobe.UserDirs;
import io.webprobe.http.Urls;
import java.net.URI;
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
     * A new file name in {@code folder} for a crawl of {@code start} begun at {@code now}
     * (local time); "-2", "-3"… is added when a crawl of the same second exists.
     */
    public static Path newFile(Path folder, URI start, Instant now, ZoneId zone) {
        String host = Urls.hostAndPort(start).replace(':', '_');
        if (host.isEmpty()) {
            host = "crawl";
        }
        String stem = host + "-" + STAMP.format(now.atZone(zone));
        Path p = folder.resolve(stem + CrawlStore.EXTENSION);
        for (int n = 2; Files.exists(p); n++) {
            p = folder.resolve(stem + "-" + n + CrawlStore.EXTENSION);
        }
        return p;
    }
}
