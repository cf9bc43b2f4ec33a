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
        show(r);
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

    /** The value beside a name, and whether it is shown as absent. */
    private List<Object> value(String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label l = (Label) view.root().lookup("#page-" + id);
            return List.<Object>of(l.getText(), l.getStyleClass().contains("absent"));
        }).get(10, TimeUnit.SECONDS);
    }

    /**
     * Seen on a generated site of 3,000 pages: the Page tab of a page without an H1 showed
     * "H1" beside nothing, as it did Meta description, Canonical and Meta robots, while the
     * overview counted the page under "Missing H1". An empty field says so now, in grey:
     * "Missing" for a title, description or H1, "Not set" for a canonical or robots
     * directive (not "None", which is a robots directive).
     */
    @Test
    void aPageWithoutAFieldSaysItIsMissingOrNotSet() throws Exception {
        show(CrawlResult.builder("http://127.0.0.1/a.html").status(200)
                .contentType("text/html").title("Page A").build());
        assertThat(value("title")).containsExactly("Page A", false);
        assertThat(value("meta-description")).containsExactly("Missing", true);
        assertThat(value("h1")).containsExactly("Missing", true);
        assertThat(value("canonical")).containsExactly("Not set", true);
        assertThat(value("meta-robots")).containsExactly("Not set", true);
        assertThat(value("words")).containsExactly("0", false);

        show(CrawlResult.builder("http://127.0.0.1/b.html").status(200)
                .contentType("text/html").title("")
                .page(new PageInfo(CANONICAL, "About B", "B", 10, "noindex", "")).build());
        assertThat(value("title")).containsExactly("Missing", true);
        assertThat(value("meta-description")).containsExactly("About B", false);
        assertThat(value("h1")).containsExactly("B", false);
        assertThat(value("canonical")).containsExactly(CANONICAL, false);
        assertThat(value("meta-robots")).containsExactly("noindex", false);
    }

    private void show(CrawlResult r) throws Exception {
        UrlDetails.Details d = new UrlDetails.Details(new UrlQuery.Row(1, 1, r, null, null,
                null), List.of(), 0, List.of(), 0, new RedirectChains.Chain(List.of(),
                RedirectChains.End.ARRIVED, null), "");
        WaitForAsyncUtils.asyncFx(() -> {
            model.apply(d);
            ((TabPane) view.root().lookup(".tab-pane")).getSelectionModel().selectLast();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The names shown, and the note's text when it shows ("" when not). */
    private List<String> shownNames() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.root().lookup("#pageGrid")
                .lookupAll(".section-title").stream().filter(javafx.scene.Node::isVisible)
                .map(n -> ((Label) n).getText()).toList()).get(10, TimeUnit.SECONDS);
    }

    /** What the Outlinks tab says while it has no rows. */
    private String noOutlinks() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((Label) view.outlinksTable().getPlaceholder())
                .getText()).get(10, TimeUnit.SECONDS);
    }

    private String note() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label note = (Label) view.root().lookup("#pageNote");
            return note.isVisible() ? note.getText() : "";
        }).get(10, TimeUnit.SECONDS);
    }

    /**
     * Seen on a crawl of a documentation site: a stylesheet's Page tab showed Title, Meta
     * description, H1, Canonical and Meta robots empty, "Words 0", and a search result
     * preview. It says there is no HTML page instead, and shows what there is; the Outlinks
     * and Response headers tabs of a URL not read say so too (they were empty boxes).
     */
    @Test
    void aUrlWithNoHtmlPageSaysSoInsteadOfEmptyFields() throws Exception {
        show(CrawlResult.builder("http://127.0.0.1/style.css").status(200)
                .contentType("text/css").build());
        assertThat(note()).isEqualTo("Not an HTML page (text/css): it has no title, "
                + "description or headings to read.");
        assertThat(shownNames()).containsExactly("Indexable", "Type", "Size");
        double gap = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node note = view.root().lookup("#pageNote");
            javafx.scene.Node indexable = view.root().lookup("#page-indexable");
            return indexable.localToScene(indexable.getLayoutBounds()).getMinY()
                    - note.localToScene(note.getLayoutBounds()).getMaxY();
        }).get(10, TimeUnit.SECONDS);
        assertThat(gap).as("no room left by the fields hidden").isLessThan(16);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.root().lookup("#snippetTitle")
                .getParent().isVisible()).get(10, TimeUnit.SECONDS)).isFalse();

        show(CrawlResult.builder("http://127.0.0.1/private/a.html")
                .skipped(io.webprobe.crawl.SkipReason.ROBOTS).build());
        assertThat(note()).isEqualTo("Not fetched (Blocked by robots.txt): there is no page "
                + "to read.");
        // its links are not known either: not "No links on this URL."
        assertThat(noOutlinks()).isEqualTo(note());
        assertThat(WaitForAsyncUtils.asyncFx(() -> model.headersProperty().get())
                .get(10, TimeUnit.SECONDS)).isEqualTo("No response headers. " + note());

        show(CrawlResult.builder("http://127.0.0.1/gone.css").status(404)
                .contentType("text/html").build()); // an error page: not read
        assertThat(note()).isEqualTo("Answered 404, not 2xx: its page was not read.");

        show(CrawlResult.builder("http://127.0.0.1/").status(200).contentType("text/html")
                .title("Home").build());
        assertThat(note()).isEmpty();
        assertThat(noOutlinks()).isEqualTo(DetailsView.NO_LINKS);
        assertThat(shownNames()).hasSize(9);
        assertThat(WaitForAsyncUtils.asyncFx(() -> view.root().lookup("#snippetTitle")
                .getParent().isVisible()).get(10, TimeUnit.SECONDS)).isTrue();
    }
}
