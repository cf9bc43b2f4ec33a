package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The system opener's commands: which count as a browser opened (POSIX tools as openers). */
@EnabledOnOs({OS.LINUX, OS.MAC})
class BrowserOpenerTest {
    private static final String URL = "http://127.0.0.1:1/page";

    @Test
    void anOpenerThatExitsWithZeroOpenedIt() {
        assertThat(new BrowserOpener.Commands(List.of(List.of("true")), Duration.ofSeconds(10))
                .open(URL)).isTrue();
    }

    @Test
    void noneOpenedWhenEveryOpenerIsMissingOrFails() {
        assertThat(new BrowserOpener.Commands(List.of(List.of("webprobe-no-such-opener"),
                List.of("false")), Duration.ofSeconds(10)).open(URL)).isFalse();
    }

    @Test
    void theNextOpenerIsTriedWhenOneFails() {
        assertThat(new BrowserOpener.Commands(List.of(List.of("webprobe-no-such-opener"),
                List.of("false"), List.of("true")), Duration.ofSeconds(10)).open(URL)).isTrue();
    }

    @Test
    void anOpenerStillRunningAfterItsTimeIsABrowserInTheForeground() {
        // the URL is the shell script's $1, which it ignores; it ends by itself a moment later
        assertThat(new BrowserOpener.Commands(List.of(List.of("sh", "-c", "sleep 2", "sh")),
                Duration.ofMillis(200)).open(URL)).isTrue();
    }
}
