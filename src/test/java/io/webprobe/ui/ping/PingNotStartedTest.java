package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.export.CsvExporter;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Ping test that could not start, without the JavaFX toolkit (as PingViewModelTest). */
class PingNotStartedTest {
    @TempDir
    Path tempDir;

    private final FakeFxThread fx = new FakeFxThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final PingViewModel vm = new PingViewModel((plan, listener) -> {
        throw new AssertionError("no job: the certificate file is not one");
    }, fx, timer, background, new CsvExporter(), new FakeDialogs(), "t", Duration.ofMillis(20));

    @AfterEach
    void tearDown() throws Exception {
        fx.on(vm::close);
        timer.shutdownNow();
        background.shutdownNow();
        fx.close();
    }

    /**
     * The bug: a Trust certificate file that is no certificate said "Ping not started", and
     * the table beside it read "https://127.0.0.1:1/ 0 0 – – – 0.0" and the histogram "No
     * response from this URL to draw", as if the URL had been pinged and had not answered.
     */
    @Test
    void aTestThatCouldNotStartLeavesNoRows() throws Exception {
        Path notPem = Files.writeString(tempDir.resolve("index.html"), "<html></html>");
        fx.on(() -> {
            vm.targetsProperty().set("https://127.0.0.1:1/");
            vm.certificateFileProperty().set(notPem.toString());
            assertThat(vm.start()).isTrue();
        });

        await().atMost(Duration.ofSeconds(20))
                .until(() -> fx.on(() -> !vm.runningProperty().get()));
        assertThat(fx.on(() -> vm.statusProperty().get())).contains("is not a PEM certificate");
        assertThat(fx.on(() -> List.of(vm.rows().size(), vm.exportableProperty().get(),
                String.valueOf(vm.selectedUrlProperty().get()))))
                .containsExactly(0, false, "null");
    }
}
