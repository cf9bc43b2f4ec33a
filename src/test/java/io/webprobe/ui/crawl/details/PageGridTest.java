package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.PageInfo;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.store.UrlDetails;
import io.webprobe.store.UrlQuery;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: in the Page tab, beside a long value (a meta description of two lines), the field
 * names shrank to "…": the grid's name column had no minimum width. The names keep their words
 * now, and the values wrap beside them (a canonical URL too, though it has no spaces).
 */
@ExtendWith(ApplicationExtension.class)
class PageGridTest {
    private static final String CANONICAL = "http://127.0.0.1/a-very-long-directory-name/"
            + "another-long-segment-of-the-path/article-with-a-long-slug-number-4.html";
    private DetailsModel model;
    private DetailsView view;

    @Start
    void start(Stage stage) {
        model = new DetailsModel();
        view = new DetailsView(model);
        FxStages.show(stage, new Scene((javafx.scene.Parent) view.root(), 480, 360));
    }

    /** What the label shows of its text (its text, or a part and "…"). */
    private static String shown(Label l) {
        return l.lookup(".text") instanceof Text t ? t.getText() : null;
    }

    @Test
    void namesShowWholeBesideLongValues() throws Exception {
        CrawlResult r = CrawlResult.builder(CANONICAL).status(200).contentType("text/html")
                .title("Long 4").page(new PageInfo(CANONICAL, "A page with a very long path "
                        + "so that the list has to cut it somewhere, and a long description "
                        + "too that goes on and on and on for the Page tab", "", 10, "", ""))
                .build();
        UrlDetails.Details d = new UrlDetails.Details(new UrlQuery.Row(1, 1, r, null, null,
                null), List.of(), 0, List.of(), 0, new RedirectChains.Chain(List.of(),
                RedirectChains.End.ARRIVED, null), "");
        WaitForAsyncUtils.asyncFx(() -> {
            model.apply(d);
            ((TabPane) view.root().lookup(".tab-pane")).getSelectionModel().selectLast();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<Object[]> names = WaitForAsyncUtils.asyncFx(() -> view.root().lookup("#pageGrid")
                .lookupAll(".section-title").stream()
                .map(n -> new Object[] {((Label) n).getText(), shown((Label) n)}).toList())
                .get(10, TimeUnit.SECONDS);
        assertThat(names).hasSize(9);
        for (Object[] n : names) {
            assertThat(n[1]).as("the name %s", n[0]).isEqualTo(n[0]);
        }
        String canonical = WaitForAsyncUtils.asyncFx(() -> shown((Label) view.root()
                .lookup("#page-canonical"))).get(10, TimeUnit.SECONDS);
        assertThat(canonical).as("the canonical, wrapped").isEqualTo(CANONICAL);
    }
}
