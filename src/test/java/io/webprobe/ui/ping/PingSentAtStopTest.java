package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static org.awaitility.Awaitility.await;

import io.webprobe.export.CsvExporter;
import io.webprobe.http.Http1Probe;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingResult;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Ping tab's Sent (the row's and the status line's) counts the requests put on the wire:
 * while the run lasts those in flight are in it, and Stop, which abandons them, takes none of
 * them back. It fell from 5 to 2 at the stop (the answered ones), as if 3 requests had never
 * gone out; and the exported per-request file has a line for each of them. {@link
 * PingViewModel} with a fake FX thread and a real job against a loopback server that answers 2
 * requests and holds the next 3.
 */
class PingSentAtStopTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final LocalHttpServer server = new LocalHttpServer();
    private final FakeFxThread fx = new FakeFxThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-ui-timer");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "test-ui-io");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch held = new CountDownLatch(3);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger arrivals = new AtomicInteger();
    private final FakeDialogs dialogs = new FakeDialogs();

    @TempDir
    Path dir;
    private final PingViewModel vm = new PingViewModel(
            (plan, listener) -> new PingJob(plan, new Http1Probe("t", Duration.ofSeconds(2)),
                    listener),
            fx, timer, background, new CsvExporter(), dialogs, "Webprobe/test",
            Duration.ofMillis(20));

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        fx.on(() -> {
            vm.close();
            return null;
        });
        timer.shutdownNow();
        background.shutdown();
        background.awaitTermination(10, TimeUnit.SECONDS);
        fx.close();
        server.close();
    }

    private static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private String status() throws Exception {
        return fx.on(() -> vm.statusProperty().get());
    }

    private List<PingResult> results() throws Exception {
        return fx.on(() -> vm.rows().stream().map(PingRow::result).toList());
    }

    /** Starts 100 requests on 3 connections; returns once 2 are answered and 3 held. */
    private String startAndHoldThree() throws Exception {
        server.route("/", ex -> {
            if (arrivals.incrementAndGet() > 2) {
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
        fx.on(() -> {
            vm.countProperty().set(100);
            vm.concurrencyProperty().set(3);
            vm.timeoutSecondsProperty().set(60);
            vm.targetsProperty().set(url);
            return vm.start();
        });
        assertThat(held.await(30, TimeUnit.SECONDS)).as("3 requests held").isTrue();
        return url;
    }

    @Test
    void stopTakesNoRequestOutOfSent() throws Exception {
        startAndHoldThree();
        waiting().untilAsserted(() -> {
            assertThat(status()).startsWith("5 sent · 0 failed · ");
            assertThat(results()).singleElement()
                    .satisfies(r -> assertThat(r.requestsSent()).isEqualTo(5));
        });

        fx.on(vm::stop);
        waiting().until(() -> !fx.on(() -> vm.runningProperty().get()));

        assertThat(results()).singleElement().satisfies(r -> {
            assertThat(r.requestsSent()).as("Sent").isEqualTo(5);
            assertThat(r.ok()).isEqualTo(2);
            assertThat(r.failed()).isZero();
            assertThat(r.abandoned()).isEqualTo(3);
        });
        assertThat(status()).startsWith("Stopped: 5 sent · 0 failed · 3 abandoned in "
                + "flight at the stop · ");
    }

    /**
     * The export's per-request file has a line for each request abandoned at the stop too: 5
     * lines for the 5 sent, 3 of them ABANDONED with no status.
     */
    @Test
    void theExportedRequestsHaveALineForEachRequestAbandoned() throws Exception {
        String url = startAndHoldThree();
        waiting().untilAsserted(() -> assertThat(status()).startsWith("5 sent · "));
        fx.on(vm::stop);
        waiting().until(() -> !fx.on(() -> vm.runningProperty().get()));
        dialogs.saveAnswer = Optional.of(dir.resolve("results"));

        fx.on(() -> vm.exportCsv()).get(10, TimeUnit.SECONDS);

        List<String[]> lines = readCsv(dir.resolve("results-requests.csv"));
        assertThat(lines.subList(1, lines.size())).hasSize(5)
                .allSatisfy(l -> assertThat(l[1]).isEqualTo(url))
                .filteredOn(l -> l[8].equals("ABANDONED")).hasSize(3)
                .allSatisfy(l -> assertThat(l[4]).isEmpty());
        List<String[]> summary = readCsv(dir.resolve("results.csv"));
        assertThat(summary.get(1)).startsWith(url, "2", "2", "0");
        assertThat(summary.get(1)[summary.get(1).length - 1]).isEqualTo("3");
    }
}
