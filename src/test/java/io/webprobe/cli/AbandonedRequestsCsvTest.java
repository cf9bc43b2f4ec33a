package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.opencsv.CSVReader;
import io.webprobe.testsupport.LocalHttpServer;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ping --requests-csv} stopped (SIGTERM, as Ctrl-C) while requests are in flight: the
 * file has a line for each of them too, so its lines add up to the requests the summary says
 * were put on the wire (sent and abandoned). The server answers 5 requests, then holds one on
 * each of the 3 connections until the test ends.
 */
class AbandonedRequestsCsvTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch held = new CountDownLatch(3);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger arrivals = new AtomicInteger();
    private ChildCli child;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.kill();
        }
        release.countDown();
        server.close();
    }

    @Test
    void aStoppedPingWritesALineForEachRequestAbandonedInFlight() throws Exception {
        server.route("/", ex -> {
            if (arrivals.incrementAndGet() > 5) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            LocalHttpServer.send(ex, 200, "text/plain", "ok");
        });
        String url = server.url("/");
        child = ChildCli.start(dir, "ping", "ping", url, "-d", "5m", "-c", "3", "--timeout",
                "60s", "--quiet", "--requests-csv", "requests.csv");
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
        child.process().destroy(); // SIGTERM
        assertEquals(143, child.exitCode(), child.log());

        assertThat(child.log()).contains("Stopped after 5 requests")
                .contains("; 3 requests abandoned in flight at the stop.");
        List<String[]> rows;
        try (Reader in = Files.newBufferedReader(dir.resolve("requests.csv"),
                StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            rows = csv.readAll();
        }
        List<String[]> lines = rows.subList(1, rows.size());
        assertThat(lines).hasSize(8).hasSize(arrivals.get());
        assertThat(lines).extracting(r -> r[0]).doesNotHaveDuplicates();
        assertThat(lines.subList(0, 5)).allSatisfy(r -> {
            assertThat(r[4]).isEqualTo("200");
            assertThat(r[8]).isEmpty();
        });
        // the last three: URL, send time and intended start; no status, times or bytes
        assertThat(lines.subList(5, 8)).allSatisfy(r -> {
            assertThat(r[1]).isEqualTo(url);
            assertThat(Long.parseLong(r[2])).isPositive();
            assertThat(Double.parseDouble(r[3])).isNotNegative();
            assertThat(List.of(r).subList(4, 10)).containsExactly("", "", "", "", "ABANDONED",
                    "Still in flight when the run was stopped; its answer was not waited for");
        });
    }
}
