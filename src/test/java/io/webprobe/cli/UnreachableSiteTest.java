package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A site that cannot be reached is reported as such, not as a robots.txt block: the start URL's
 * real failure in one plain sentence.
 */
@ExtendWith(ShortRetryWaits.class)
class UnreachableSiteTest {

    @Test
    void aServerThatResetsEveryConnectionIsNamedAsSuch() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        accepted.incrementAndGet();
                        s.setSoLinger(true, 0); // close with a reset
                        s.close();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "resetting-server");
            t.setDaemon(true);
            t.start();
            String url = "http://127.0.0.1:" + server.getLocalPort() + "/";

            CliRun r = run("crawl", url, "--quiet");

            assertEquals(2, r.exitCode());
            assertThat(r.err()).startsWith("webprobe: Could not fetch " + url + ": ");
            // the client sees the reset, or (when it comes first) the connection's end
            assertThat(r.err()).containsAnyOf("the server reset the connection",
                    "the server closed the connection without answering");
            assertThat(r.err()).doesNotContain("robots", "Exception", "\tat ", "parser");
            assertThat(r.err().strip()).doesNotContain("\n");
            assertThat(accepted.get()).isPositive();
        }
    }

    @Test
    void aPortOutOfRangeIsAMalformedAddressBeforeAnythingIsFetched() {
        CliRun r = run("crawl", "http://127.0.0.1:99999/", "--quiet");

        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: ").contains("99999").contains("65535")
                .doesNotContain("robots", "Exception", "illegal");
        assertThat(r.err().strip()).doesNotContain("\n");
    }
}
