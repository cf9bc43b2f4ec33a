package io.webprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the per-user folders are: $HOME first on Linux and macOS, then XDG, then user.home. */
class UserDirsTest {
    @Test
    void onLinuxHomeWinsOverTheAccountsHomeJavaReads() {
        UserDirs d = new UserDirs(Map.of("HOME", "/tmp/x"), "Linux", "/root");
        assertThat(d.home()).isEqualTo(Path.of("/tmp/x"));
        assertThat(d.data()).isEqualTo(Path.of("/tmp/x/.local/share/webprobe"));
        assertThat(d.config()).isEqualTo(Path.of("/tmp/x/.config/webprobe"));
        assertThat(d.cache()).isEqualTo(Path.of("/tmp/x/.cache/webprobe"));
        assertThat(d.logs()).isEqualTo(Path.of("/tmp/x/.local/state/webprobe"));
        assertThat(d.logFile()).isEqualTo(Path.of("/tmp/x/.local/state/webprobe/webprobe.log"));
    }

    @Test
    void xdgFoldersAndTheLogFolderWinOverHome() {
        UserDirs d = new UserDirs(Map.of("HOME", "/tmp/x", "XDG_DATA_HOME", "/data",
                "XDG_CONFIG_HOME", "/cfg", "XDG_CACHE_HOME", "/cache", "WEBPROBE_LOG_DIR",
                "/var/log/wp"), "Linux", "/root");
        assertThat(d.data()).isEqualTo(Path.of("/data/webprobe"));
        assertThat(d.config()).isEqualTo(Path.of("/cfg/webprobe"));
        assertThat(d.cache()).isEqualTo(Path.of("/cache/webprobe"));
        assertThat(d.logs()).isEqualTo(Path.of("/var/log/wp"));
        // the log folder: WEBPROBE_LOG_DIR, else the XDG state folder (logs are state)
        assertThat(new UserDirs(Map.of("HOME", "/tmp/x", "XDG_STATE_HOME", "/state"), "Linux",
                "/root").logs()).isEqualTo(Path.of("/state/webprobe"));
        assertThat(new UserDirs(Map.of("XDG_STATE_HOME", "/state", "WEBPROBE_LOG_DIR",
                "/var/log/wp"), "Linux", "/root").logs()).isEqualTo(Path.of("/var/log/wp"));
    }

    @Test
    void aHomeOrXdgFolderThatIsBlankOrRelativeIsIgnored() {
        for (String bad : new String[] {"", "  ", "relative/home"}) {
            UserDirs d = new UserDirs(Map.of("HOME", bad, "XDG_DATA_HOME", bad,
                    "XDG_CONFIG_HOME", bad, "XDG_STATE_HOME", bad, "WEBPROBE_LOG_DIR", ""),
                    "Linux", "/home/ann");
            assertThat(d.home()).as(bad).isEqualTo(Path.of("/home/ann"));
            assertThat(d.data()).as(bad).isEqualTo(Path.of("/home/ann/.local/share/webprobe"));
            assertThat(d.config()).as(bad).isEqualTo(Path.of("/home/ann/.config/webprobe"));
            assertThat(d.logs()).as(bad).isEqualTo(Path.of("/home/ann/.local/state/webprobe"));
        }
        assertThat(new UserDirs(Map.of(), "Linux", "/home/ann").data())
                .isEqualTo(Path.of("/home/ann/.local/share/webprobe"));
    }

    @Test
    void onMacOsHomeIsFollowedAndOnWindowsTheProfileIsKept() {
        UserDirs mac = new UserDirs(Map.of("HOME", "/Users/x"), "Mac OS X", "/Users/ann");
        assertThat(mac.data()).isEqualTo(Path.of("/Users/x/Library/Application Support/Webprobe"));
        assertThat(mac.config()).isEqualTo(mac.data());
        assertThat(mac.logs()).isEqualTo(Path.of("/Users/x/Library/Logs/Webprobe"));
        assertThat(new UserDirs(Map.of("HOME", "/Users/x", "XDG_STATE_HOME", "/s"), "Mac OS X",
                "/Users/ann").logs()).isEqualTo(Path.of("/Users/x/Library/Logs/Webprobe"));

        // HOME on Windows is usually a Unix shell's (Git Bash, Cygwin)
        UserDirs win = new UserDirs(Map.of("HOME", "/home/ann"), "Windows 11", "C:\\Users\\ann");
        assertThat(win.home()).isEqualTo(Path.of("C:\\Users\\ann"));
        assertThat(new UserDirs(Map.of("LOCALAPPDATA", "/c/AppData/Local", "APPDATA",
                "/c/AppData/Roaming"), "Windows 11", "/c/Users/ann").config())
                .isEqualTo(Path.of("/c/AppData/Roaming/Webprobe"));
        assertThat(new UserDirs(Map.of("LOCALAPPDATA", "/c/AppData/Local"), "Windows 11",
                "/c/Users/ann").logs()).isEqualTo(Path.of("/c/AppData/Local/Webprobe/logs"));
        assertThat(new UserDirs(Map.of(), "Windows 11", "/c/Users/ann").logs())
                .isEqualTo(Path.of("/c/Users/ann/AppData/Local/Webprobe/logs"));
    }

    @Test
    void theCrawlsFolderAndTheUiStateFileFollowHome() {
        Map<String, String> env = Map.of("HOME", "/tmp/x");
        assertThat(io.webprobe.store.CrawlFiles.defaultFolder(env, "Linux", "/root"))
                .isEqualTo(Path.of("/tmp/x/.local/share/webprobe/crawls"));
        assertThat(io.webprobe.ui.common.UiState.defaultFile(env, "Linux", "/root"))
                .isEqualTo(Path.of("/tmp/x/.config/webprobe/ui-state.properties"));
    }
}
