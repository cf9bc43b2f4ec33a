package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.export.CsvExporter;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the status bar says of the list, without the JavaFX toolkit (as PingViewModelTest). */
class PingListStatusTest {
    private final FakeFxThread fx = new FakeFxThread();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final PingViewModel vm = new PingViewModel((plan, listener) -> {
        throw new AssertionError("no run in this test");
    }, fx, timer, Runnable::run, new CsvExporter(), new FakeDialogs(), "t",
            Duration.ofMillis(20));

    @AfterEach
    void tearDown() throws Exception {
        fx.on(vm::close);
        timer.shutdownNow();
        fx.close();
    }

    /**
     * The bug: "The list now holds 3 URLs from the crawl; press Start to ping them." stayed in
     * the status bar after the list was replaced by one typed in its place.
     */
    @Test
    void anEditOfTheListTakesBackWhatWasSaidOfIt() throws Exception {
        List<String> crawl = List.of("http://127.0.0.1:1/a", "http://127.0.0.1:1/b",
                "http://127.0.0.1:1/c");
        fx.on(() -> {
            vm.setTargets(crawl);
        });
        assertThat(fx.on(() -> vm.statusProperty().get()))
                .isEqualTo("The list now holds 3 URLs from the crawl; press Start to ping them.");

        fx.on(() -> {
            vm.targetsProperty().set("http://127.0.0.1:2/\n");
        });
        assertThat(fx.on(() -> vm.statusProperty().get())).isEqualTo(PingViewModel.IDLE);
    }
}
