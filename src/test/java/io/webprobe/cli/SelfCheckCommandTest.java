package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code selfcheck}: a crawl, its CSV files and a ping of a site it serves on loopback. */
class SelfCheckCommandTest {

    @Test
    void theSelfCheckCrawlsPingsAndSaysSoInOneLine() {
        CliRun r = run("selfcheck");

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).matches("Webprobe \\S+ works here: crawled \\d+ URLs of a test site, "
                + "wrote its CSV files and pinged it 50 times, in [0-9.]+ s\\.\\n");
    }
}
