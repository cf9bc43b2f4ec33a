package io.webprobe;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one place Webprobe's per-user folders are derived: the crawls' data folder, the config
 * folder (remembered window and settings), the cache and the log folder.
 *
 * <p>The home folder is {@code $HOME} on Linux and macOS when it is set (to an absolute path),
 * else Java's {@code user.home}. Java reads {@code user.home} from the password database, not
 * from {@code $HOME}: {@code HOME=/tmp/x webprobe} wrote to the account's real home. Windows
 * keeps {@code user.home} ({@code HOME} there is often a Unix shell's). Under the home folder:
 *
 * <ul>
 *   <li>data: {@code $XDG_DATA_HOME/webprobe}, else {@code ~/.local/share/webprobe} on Linux;
 *       {@code ~/Library/Application Support/Webprobe} on macOS; {@code %LOCALAPPDATA%\Webprobe}
 *       on Windows;
 *   <li>config: {@code $XDG_CONFIG_HOME/webprobe}, else {@code ~/.config/webprobe} on Linux;
 *       {@code ~/Library/Application Support/Webprobe} on macOS; {@code %APPDATA%\Webprobe} on
 *       Windows;
 *   <li>cache: {@code $XDG_CACHE_HOME/webprobe}, else {@code ~/.cache/webprobe} (Linux);
 *   <li>log: {@code $WEBPROBE_LOG_DIR}, else {@code $XDG_STATE_HOME/webprobe}, else
 *       {@code ~/.local/state/webprobe} on Linux (logs are state, by the XDG spec);
 *       {@code ~/Library/Logs/Webprobe} on macOS; {@code %LOCALAPPDATA%\Webprobe\logs} on
 *       Windows. (Before, {@code ~/.webprobe} everywhere.)
 * </ul>
 *
 * A relative {@code XDG_*} folder is ignored, as the XDG Base Directory spec says.
 *
 * @param env the environment ({@code System.getenv()})
 * @param osName the {@code os.name} system property
 * @param userHome the {@code user.home} system property
 */
public record UserDirs(Map<String, String> env, String osName, String userHome) {
    /** This process's folders. */
    public static UserDirs current() {
        return of(System.getenv());
    }

    /** The folders for this environment, with this process's system properties. */
    public static UserDirs of(Map<String, String> env) {
        return new UserDirs(env, System.getProperty("os.name", ""),
                System.getProperty("user.home", "."));
    }

    /** The user's home folder: {@code $HOME} (not on Windows) when set, else user.home. */
    public Path home() {
        String home = env.get("HOME");
        if (!windows() && isAbsolute(home)) {
            return Path.of(home);
        }
        return Path.of(userHome);
    }

    /** Where the app keeps its data (the crawls folder is in it). */
    public Path data() {
        if (windows()) {
            String local = env.get("LOCALAPPDATA");
            return isSet(local) ? Path.of(local, "Webprobe")
                    : Path.of(userHome, "AppData", "Local", "Webprobe");
        }
        if (mac()) {
            return macSupport();
        }
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    /** Where the app keeps what it remembers (window, settings). */
    public Path config() {
        if (windows()) {
            String appData = env.get("APPDATA");
            return isSet(appData) ? Path.of(appData, "Webprobe")
                    : Path.of(userHome, "AppData", "Roaming", "Webprobe");
        }
        if (mac()) {
            return macSupport();
        }
        return xdg("XDG_CONFIG_HOME", ".config");
    }

    /** Where the app keeps copies it can make again (Linux). */
    public Path cache() {
        return xdg("XDG_CACHE_HOME", ".cache");
    }

    /** The folder of {@code webprobe.log}. */
    public Path logs() {
        String dir = env.get("WEBPROBE_LOG_DIR");
        if (isSet(dir)) {
            return Path.of(dir);
        }
        if (windows()) {
            return data().resolve("logs");
        }
        if (mac()) {
            return home().resolve("Library").resolve("Logs").resolve("Webprobe");
        }
        return xdg("XDG_STATE_HOME", ".local/state");
    }

    /** Webprobe's log, {@code webprobe.log} in {@link #logs()}. */
    public Path logFile() {
        return logs().resolve("webprobe.log");
    }

    private Path macSupport() {
        return home().resolve("Library").resolve("Application Support").resolve("Webprobe");
    }

    /** {@code $VAR/webprobe} when VAR is an absolute path, else {@code ~/fallback/webprobe}. */
    private Path xdg(String variable, String fallback) {
        String dir = env.get(variable);
        return (isAbsolute(dir) ? Path.of(dir) : home().resolve(fallback)).resolve("webprobe");
    }

    private boolean windows() {
        return osName.toLowerCase(Locale.ROOT).contains("win");
    }

    private boolean mac() {
        return osName.toLowerCase(Locale.ROOT).contains("mac");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean isAbsolute(String path) {
        try {
            return isSet(path) && Path.of(path).isAbsolute();
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
