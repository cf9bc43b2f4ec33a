package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code ping --connect-timeout}: the crawl's option and rule, one sentence for a value longer
 * than the timeout, naming each as typed (the ping's default timeout, 10s, as its help gives
 * it); the help lists it with its default.
 */
class PingConnectTimeoutOptionTest {
    @Test
    void aConnectTimeoutLongerThanTheTimeoutIsRefusedAsTheCrawlRefusesIt() {
        CliRun.assertPlainError(CliRun.run("ping", "http://127.0.0.1:1/", "--connect-timeout",
                "20", "--timeout", "5"), "--connect-timeout 20 is longer than --timeout 5; "
                        + "give it at most that.");
        CliRun.assertPlainError(CliRun.run("ping", "http://127.0.0.1:1/", "--connect-timeout",
                "20s"), "--connect-timeout 20s is longer than --timeout 10s (its default); give "
                        + "it at most that.");
        CliRun.assertPlainError(CliRun.run("ping", "http://127.0.0.1:1/", "--connect-timeout",
                "0"), "--connect-timeout must be at least 1 ms (0.001 s), not 0.");
    }

    @Test
    void theHelpListsItWithItsDefault() {
        String help = CliRun.run("ping", "--help").out().replaceAll("\\s+", " ");

        assertThat(help).contains("--connect-timeout=TIME Give up connecting after this, "
                + "seconds or with a unit; at most --timeout (default: 10s).");
    }
}
