package io.webprobe.ui.crawl.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.RowSelectionModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Copy row" of the broken links and details tables gives what the table shows: its visible
 * columns under their titles (it gave four of the broken links' six columns under names such
 * as link_url, and the status without its phrase).
 */
@ExtendWith(ApplicationExtension.class)
class TableSelectionTest {
    record Link(String url, String status, String source) {}

    private static TableColumn<Link, String> col(String title,
            java.util.function.Function<Link, String> f) {
        TableColumn<Link, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    @Test
    void copyRowGivesTheVisibleColumnsUnderTheirTitles() throws Exception {
        String text = WaitForAsyncUtils.asyncFx(() -> {
            TableView<Link> t = new TableView<>(FXCollections.observableArrayList(
                    new Link("http://127.0.0.1/a", "404 Not Found", "http://127.0.0.1/"),
                    new Link("http://127.0.0.1/b", "Redirect loop", "http://127.0.0.1/\tx"),
                    new Link("http://127.0.0.1/c", "500", "http://127.0.0.1/")));
            TableColumn<Link, String> hidden = col("Source page", Link::source);
            t.getColumns().addAll(java.util.List.of(col("Link URL", Link::url),
                    col("Status / error", Link::status), hidden));
            hidden.setVisible(false);
            RowSelectionModel.install(t).selectIndices(0, 1);
            CompletableFuture<String> copied = new CompletableFuture<>();
            new TableSelection<>(t, Link::url, null, null).rowsText(copied::complete);
            return copied.getNow(null);
        }).get(10, TimeUnit.SECONDS);

        assertThat(text).isEqualTo("Link URL\tStatus / error\n"
                + "http://127.0.0.1/a\t404 Not Found\n"
                + "http://127.0.0.1/b\tRedirect loop\n");
    }
}
