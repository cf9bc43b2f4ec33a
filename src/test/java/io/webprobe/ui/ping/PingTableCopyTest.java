package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.export.CsvExporter;
import io.webprobe.http.ErrorKind;
import io.webprobe.ping.PingResult;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FxStages;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Copying the Ping table's rows. The bug: the table had no way to copy (Ctrl+C did nothing,
 * a right click showed no menu); its figures could only be exported to a file.
 */
@ExtendWith(ApplicationExtension.class)
class PingTableCopyTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> copied = new CopyOnWriteArrayList<>();
    private PingViewModel vm;
    private TableView<PingRow> table;

    @Start
    void start(Stage stage) {
        vm = new PingViewModel((plan, listener) -> {
            throw new AssertionError("no job in this test");
        }, Platform::runLater, timer, Runnable::run, new CsvExporter(), new FakeDialogs(),
                "t", Duration.ofMillis(50));
        table = new PingTable(vm, copied::add).node();
        FxStages.show(stage, new Scene(new StackPane(table), 1200, 400));
    }

    @AfterEach
    void tearDown() {
        timer.shutdownNow();
    }

    private static PingResult result(String url, long sent, long failed,
            Map<Integer, Long> codes, Map<ErrorKind, Long> errors, double p50, double rate) {
        return new PingResult(url, sent, sent - failed, failed, new TreeMap<>(codes), errors,
                1, 2, 3, p50, 5, 6, 1234.5678, 1500, 0, 0, rate, 0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void ctrlCAndTheMenuCopyTheSelectedRowsAsTheyAreShown(FxRobot robot) throws Exception {
        robot.interact(() -> {
            PingRow ok = new PingRow("http://127.0.0.1:1/a");
            ok.update(result(ok.url(), 1000, 2, Map.of(200, 998L, 503, 2L), Map.of(), 0.5,
                    2045.25));
            PingRow refused = new PingRow("http://127.0.0.1:2/");
            refused.update(result(refused.url(), 3, 3, Map.of(), Map.of(ErrorKind.REFUSED, 3L),
                    0, 12.5));
            vm.rows().setAll(List.of(ok, refused, new PingRow("http://127.0.0.1:3/")));
            table.getSelectionModel().selectIndices(1, 0);
            table.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.C, false, true,
                    false, false));
        });

        assertThat(copied).containsExactly("""
                URL\tSent\tFailed\tp50 ms\tp99 ms\tMax ms\tReq/s\tCodes\tErrors
                http://127.0.0.1:1/a\t1000\t2\t0.50\t1234.57\t1500.00\t2045.3\t200×998 503×2\t
                http://127.0.0.1:2/\t3\t3\t\t\t\t12.5\t\t3 Connection refused
                """);
        assertThat(onFx(() -> vm.statusProperty().get())).isEqualTo("Copied 2 rows.");

        robot.interact(() -> {
            table.getContextMenu().getOnShowing().handle(null);
            List<MenuItem> items = table.getContextMenu().getItems();
            assertThat(items).extracting(MenuItem::getText)
                    .containsExactly("Copy 2 rows", "Copy 2 URLs");
            items.get(1).fire();
        });
        assertThat(copied).last().isEqualTo("http://127.0.0.1:1/a\nhttp://127.0.0.1:2/");
        assertThat(onFx(() -> vm.statusProperty().get())).isEqualTo("Copied 2 URLs.");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(c).get();
    }
}
