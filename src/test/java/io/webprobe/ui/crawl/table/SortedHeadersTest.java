package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the URL table sorted by Time (ms) at its default width read "Time (…" under the
 * sort arrow. Every column's header says its words whole, sorted or not, at its default width.
 */
@ExtendWith(ApplicationExtension.class)
class SortedHeadersTest {
    private UrlTableView view;

    @Start
    void start(Stage stage) {
        view = new UrlTableView(new UrlTableModel(Runnable::run), UiState.inMemory(),
                "test.columns");
        view.table().getColumns().forEach(c -> c.setVisible(true));
        FxStages.show(stage, new Scene(view.table(), 1200, 400));
    }

    @Test
    void eachHeaderSaysItsWordsWholeWhenSortedByIt() throws Exception {
        int n = WaitForAsyncUtils.asyncFx(() -> view.table().getColumns().size())
                .get(10, TimeUnit.SECONDS);
        List<String> cut = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int at = i;
            TableColumn<UrlItem, ?> col = WaitForAsyncUtils.asyncFx(() -> {
                TableColumn<UrlItem, ?> c = view.table().getColumns().get(at);
                if (c.isSortable()) {
                    view.table().getSortOrder().setAll(List.of(c));
                }
                return c;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            String shown = WaitForAsyncUtils.asyncFx(() -> {
                for (Node h : view.table().lookupAll(".column-header")) {
                    if (h instanceof TableColumnHeader header && header.getTableColumn() == col
                            && header.lookup(".label") instanceof Label l) {
                        return ((Text) l.lookup(".text")).getText();
                    }
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
            if (!col.getText().equals(shown)) {
                cut.add(col.getText() + " shown as " + shown);
            }
        }
        assertThat(cut).as("headers cut, each sorted at its default width").isEmpty();
    }
}
