package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.export.CsvExporter;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchResponse;
import io.webprobe.ping.LatencyPoint;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingMode;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FxStages;
import io.webprobe.testsupport.StubProbe;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The latency chart's time axis while a run of a set duration goes, and after. */
@ExtendWith(ApplicationExtension.class)
class PingRunningChartTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PingViewModel vm;

    @Start
    void start(Stage stage) {
        // every request refused at once, without a network: the run goes on, and no point
        // of its own reaches the chart
        StubProbe refused = new StubProbe(r -> FetchResponse.failed(r.uri(), ErrorKind.REFUSED,
                "Connection refused", 0));
        vm = new PingViewModel((plan, listener) -> new PingJob(plan, PingJob.Engine.WORKERS,
                refused, listener), Platform::runLater, timer, background, new CsvExporter(),
                new FakeDialogs(), "t", Duration.ofMillis(50));
        FxStages.show(stage, new Scene(new StackPane(new PingCharts(vm).node()), 1000, 300));
    }

    @AfterEach
    void tearDown() {
        Platform.runLater(vm::close);
        timer.shutdownNow();
        background.shutdownNow();
    }

    /**
     * The bug: a 60 s run's axis read 0 to 60 s until its first point, then 0 to 2 s, and grew
     * a second at a time, its lines redrawn wider every second. While it runs it spans the
     * duration set; stopped, as long as the run went on.
     */
    @Test
    void aRunsTimeAxisSpansItsDurationWhileItRuns(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> line = robot.lookup("#pingChart").queryAs(LineChart.class);
        NumberAxis x = (NumberAxis) line.getXAxis();
        robot.interact(() -> {
            vm.targetsProperty().set("http://127.0.0.1:1/");
            vm.modeProperty().set(PingMode.DURATION);
            vm.durationSecondsProperty().set(60);
            assertThat(vm.start()).isTrue();
        });
        await().atMost(Duration.ofSeconds(20))
                .until(() -> onFx(() -> vm.runningProperty().get()));

        robot.interact(() -> vm.series().setAll(List.of(new LatencyPoint(1, 4, 6, 10))));
        robot.interact(() -> assertThat(List.of(x.getLowerBound(), x.getUpperBound()))
                .containsExactly(0.0, 60.0));

        robot.interact(vm::stop);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !onFx(() -> vm.runningProperty().get()));
        robot.interact(() -> assertThat(x.getUpperBound())
                .isEqualTo(Math.max(1, Math.ceil(vm.runSecondsProperty().get()))));
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
    }
}
