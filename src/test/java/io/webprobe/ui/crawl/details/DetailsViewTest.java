package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: with no URL selected the details pane showed "Select a URL to see its details."
 * above an Outlinks tab saying "No links on this URL." or a Page tab of empty labels. Only the
 * sentence shows now.
 */
@ExtendWith(ApplicationExtension.class)
class DetailsViewTest {
    private DetailsView view;

    @Start
    void start(Stage stage) {
        view = new DetailsView(new DetailsModel());
        stage.setScene(new Scene((javafx.scene.Parent) view.root(), 600, 300));
        stage.show();
    }

    @Test
    void withNoUrlSelectedOnlyTheSentenceShows() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        boolean[] seen = WaitForAsyncUtils.asyncFx(() -> new boolean[] {
            view.root().lookup(".tab-pane") instanceof TabPane t && t.isVisible(),
            view.root().lookup("#detailsHeading") instanceof Label l && l.isVisible()
                    && l.getText().equals("Select a URL to see its details.")})
                .get(10, TimeUnit.SECONDS);
        assertThat(seen[0]).as("the tabs").isFalse();
        assertThat(seen[1]).as("the sentence").isTrue();
    }

    /**
     * The Outlinks tab's Status column sorted as text: "1000" before "404", "99" after "500".
     * It sorts by the code now, as the Broken links view does, the answers without a code last.
     */
    @Test
    void theOutlinksStatusColumnSortsByTheCodeAsANumber() throws Exception {
        java.util.List<String> shown = WaitForAsyncUtils.asyncFx(() -> {
            var table = view.outlinksTable();
            table.getItems().setAll(java.util.stream.Stream.of("1000", "404 Not Found",
                    "Connection refused", "99", "500 Internal Server Error",
                    "301 Moved Permanently → 404 Not Found").map(s -> new io.webprobe.store
                            .UrlDetails.Outlink(1, "http://127.0.0.1/" + s.length(), s, false,
                                    "", "a", false)).toList());
            var col = table.getColumns().get(1);
            assertThat(col.getText()).isEqualTo("Status");
            col.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(java.util.List.of(col));
            return table.getItems().stream().map(o -> o.status()).toList();
        }).get(10, TimeUnit.SECONDS);
        assertThat(shown).containsExactly("99", "301 Moved Permanently → 404 Not Found",
                "404 Not Found", "500 Internal Server Error", "1000", "Connection refused");
    }
}
