package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The URL table over a million ids (no crawl file: the rows stay unread): a change of order
 * keeps the selection on the same URL id and the top row at the top, appended rows move
 * nothing.
 */
@ExtendWith(ApplicationExtension.class)
class UrlTableViewTest {
    private UrlTableModel model;
    private UrlTableView view;

    @Start
    void start(Stage stage) {
        model = new UrlTableModel(Runnable::run);
        view = new UrlTableView(model, UiState.inMemory(), "test.columns");
        stage.setScene(new Scene(view.table(), 800, 600));
        stage.show();
    }

    private static long[] range(long from, int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = from + i;
        }
        return a;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(20, TimeUnit.SECONDS);
    }

    private void show(long[] ids) throws Exception {
        fx(() -> {
            model.setIds(ids, false);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long topId() throws Exception {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) view.table().lookup(".virtual-flow");
            IndexedCell<?> c = flow.getFirstVisibleCell();
            return c == null ? -1 : model.items().idAt(c.getIndex());
        });
    }

    private long selectedId() throws Exception {
        return fx(() -> {
            int i = view.table().getSelectionModel().getSelectedIndex();
            return i < 0 ? -1 : model.items().idAt(i);
        });
    }

    @Test
    void selectionAndTopRowFollowTheirIdsWhenAMillionRowsChangeOrder() throws Exception {
        long[] million = range(1, 1_000_000);
        show(million);
        fx(() -> {
            view.table().scrollTo(500_000);
            view.table().getSelectionModel().select(500_005);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedIds()).containsExactly(500_006L);
        long top = topId();

        // rows appended: nothing moves
        long[] more = range(1, 1_001_000);
        show(more);
        assertThat(topId()).isEqualTo(top);
        assertThat(selectedId()).isEqualTo(500_006L);

        // reversed: the selection and the top row move with their ids
        long[] reversed = new long[more.length];
        for (int i = 0; i < more.length; i++) {
            reversed[i] = more[more.length - 1 - i];
        }
        for (long[] order : new long[][] {reversed, more, reversed}) {
            long t0 = System.nanoTime();
            show(order);
            System.out.println("new order shown in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms");
            assertThat(selectedId()).isEqualTo(500_006L);
            assertThat(model.selectedIds()).containsExactly(500_006L);
            assertThat(topId()).isEqualTo(top);
        }

        // filtered out: no longer selected
        show(range(1, 1000));
        assertThat(model.selectedIds()).isEmpty();
    }
}
