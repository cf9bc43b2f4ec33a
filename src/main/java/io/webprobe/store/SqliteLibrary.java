package io.webprobe.store;

import io.webprobe.UserDirs;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points sqlite-jdbc at a copy of its native library kept in the user's cache folder. Left to
 * itself, sqlite-jdbc starts a {@code uname} process and writes its 1 MB library to a new
 * temporary file on every start: about 55 ms of each command's start-up, measured. The copy is
 * named after the library's checksum, written whole and then renamed into place, so a new
 * sqlite-jdbc gets a new copy and a half-written one is never used; if anything fails,
 * sqlite-jdbc's own way is used. Linux on x86-64 and ARM64 only (where it was measured).
 */
public final class SqliteLibrary {
    private static final Logger log = LoggerFactory.getLogger(SqliteLibrary.class);
    static final String NAME = "libsqlitejdbc.so";

    private SqliteLibrary() {}

    /** Uses the cached copy for this process, making it first if needed. Never throws. */
    public static void useCachedCopy(Map<String, String> env) {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return; // chosen by whoever started us
        }
        Path folder = prepare(UserDirs.of(env), System.getProperty("os.arch", ""));
        if (folder != null) {
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", NAME);
        }
    }

    /** The folder holding an up-to-date copy of the library, or null to leave it to sqlite-jdbc. */
    static Path prepare(Map<String, String> env, String osName, String osArch, String userHome) {
        return prepare(new UserDirs(env, osName, userHome), osArch);
    }

    /** As above, in these folders ({@link UserDirs#cache()}). */
    static Path prepare(UserDirs dirs, String osArch) {
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> null;
        };
        if (!dirs.osName().equals("Linux") || arch == null
                || dirs.home().toString().isEmpty()) {
            return null;
        }
        try {
            URL url = SqliteLibrary.class.getClassLoader()
                    .getResource("org/sqlite/native/Linux/" + arch + "/" + NAME);
            if (url == null) {
                return null;
            }
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null;
            }
            long size = jar.getJarEntry().getSize();
            long crc = jar.getJarEntry().getCrc();
            if (size <= 0 || crc < 0) {
                return null;
            }
            Path folder = dirs.cache().resolve("sqlite-" + arch + "-" + Long.toHexString(crc));
            Path lib = folder.resolve(NAME);
            if (Files.isRegularFile(lib) && Files.size(lib) == size) {
                return folder;
            }
            Files.createDirectories(folder);
            Path part = Files.createTempFile(folder, NAME, ".part");
            try (InputStream in = jar.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
            return Files.size(lib) == size ? folder : null;
        } catch (IOException | RuntimeException e) {
            log.debug("SQLite's library is loaded the usual way: {}", e.toString());
            return null;
        }
    }
}
