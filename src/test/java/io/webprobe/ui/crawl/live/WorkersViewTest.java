package io.webprobe.ui.crawl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.ActiveFetch;
import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProgress;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.common.SiteUrls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollBar;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import io.webprobe.testsupport.FxStages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The bug: the Now fetching list (about 230 px wide in a 1200×760 window) showed "#3  0.2 s
 * http://127.0.0.1:1820", the rest of the URL past the pane's edge behind a sideways scroll
 * bar, and nowhere to read it. A line is as wide as the list now, cut in the middle (the end
 * of the path shows), the whole URL in its tooltip. Then the lines started "#3  0.2 s  htt…"
 * (the host, the same on every line, kept and the path cut): a URL on the start URL's site
 * shows its path only now. And the cut took in the worker and its time: a short path read
 * "#3  0.7 s  …age-7.html"; they are never cut now, the URL beside them is. Then a path cut
 * in the middle read "/sectio…21.html" at the window's least width, which page unsaid: it
 * shows its end now, whole segments, as the URL table's ("…/page-121.html").
 */
@ExtendWith(ApplicationExtension.class)
class WorkersViewTest {
    private static final String URL = "http://127.0.0.1:18201/a-very-long-directory-name/"
            + "another-long-segment-of-the-path/article-with-a-long-slug-number-4.html";
    private LiveModel model;
    private WorkersView view;

    @Start
    void start(Stage stage) {
        model = new LiveModel();
        view = new WorkersView(model);
        FxStages.show(stage, new Scene(view.root(), 230, 160));
    }

    @Test
    void aLongPathShowsItsEndAndIsWholeInItsTooltip() throws Exception {
        Object[] seen = shownFor(URL);
        assertThat((String) seen[0]).as("the line shown").startsWith("#3  0.2 s  …")
                .endsWith("-4.html");
        assertThat(seen[1]).as("its tooltip").isEqualTo(URL);
        assertThat(seen[2]).as("a sideways scroll bar").isEqualTo(false);
    }

    /** A URL on another site than the start URL's keeps its host, cut in the middle. */
    @Test
    void aUrlOnAnotherSiteIsShownWhole() throws Exception {
        String other = URL.replace(":18201/", ":18202/");
        Object[] seen = shownFor(other);
        assertThat((String) seen[0]).as("the line shown").startsWith("#3  0.2 s  http")
                .contains((String) seen[3]).endsWith("-4.html");
        assertThat(seen[1]).as("its tooltip").isEqualTo(other);
    }

    /**
     * In a narrow list a path shows its last segments that fit, whole (the page, not
     * "/sec…7.html"); the time is never cut, and the worker's number is left out (below).
     */
    @Test
    void theTimeIsNeverCutOnlyTheUrl() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.root().getScene().getWindow().setWidth(170))
                .get(10, TimeUnit.SECONDS);
        Object[] seen = shownFor("http://127.0.0.1:18201/section-12/page-121.html");
        // at 170 px "…/page-121.html" (the last segment alone) is cut at its start by a letter
        assertThat((String) seen[0]).as("the line shown").startsWith("0.2 s  …")
                .endsWith("page-121.html").doesNotContain("sec");
    }

    /**
     * The bug: at the window's least width (960 px) the list is 185 px wide and its lines read
     * "#4  0.6 s  /arti…e=104", twelve letters of the path. There the worker's number is left
     * out, the path gets its room, and a list as wide as from 1,280 px up keeps the number.
     */
    @Test
    void aNarrowListLeavesOutTheWorkersNumberForTheUrl() throws Exception {
        setWidth(185);
        Object[] narrow = shownFor(URL);
        assertThat((String) narrow[0]).as("the line shown at 185 px").startsWith("0.2 s  …")
                .endsWith(".html").doesNotContain("#3");
        String path = ((String) narrow[0]).substring("0.2 s  ".length());
        assertThat(path.length()).as("the path's letters shown, with the ellipsis")
                .isGreaterThanOrEqualTo(16);

        setWidth(250);
        Object[] wide = shownFor(URL);
        assertThat((String) wide[0]).as("the line shown at 250 px").startsWith("#3  0.2 s  …")
                .endsWith(".html");
    }

    private void setWidth(double width) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.root().getScene().getWindow().setWidth(width))
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theRuleOfAUrlOnTheStartSite() {
        URI start = URI.create("http://127.0.0.1:18201/start/");
        assertThat(SiteUrls.shown(start, "http://127.0.0.1:18201/a/b?q=1&r=2"))
                .isEqualTo("/a/b?q=1&r=2");
        assertThat(SiteUrls.shown(start, "http://127.0.0.1:18201")).isEqualTo("/");
        assertThat(SiteUrls.shown(start, "http://127.0.0.1:18201?q")).isEqualTo("/?q");
        assertThat(SiteUrls.shown(start, "HTTP://127.0.0.1:18201/x")).isEqualTo("/x");
        // another port, scheme or host: whole
        assertThat(SiteUrls.shown(start, "http://127.0.0.1:18202/x"))
                .isEqualTo("http://127.0.0.1:18202/x");
        assertThat(SiteUrls.shown(start, "https://127.0.0.1:18201/x"))
                .isEqualTo("https://127.0.0.1:18201/x");
        assertThat(SiteUrls.shown(start, "http://127.0.0.2:18201/x"))
                .isEqualTo("http://127.0.0.2:18201/x");
        // the default port written or not is one site
        assertThat(SiteUrls.shown(URI.create("http://127.0.0.1/"), "http://127.0.0.1:80/x"))
                .isEqualTo("/x");
        assertThat(SiteUrls.shown(null, "http://127.0.0.1/x")).isEqualTo("http://127.0.0.1/x");
    }

    /**
     * The bug: a start URL that redirects (http to https, to www.) moves the crawl to another
     * origin, and every line showed the whole URL, as the URLs were not on the start URL's
     * own. The lines of the site the crawl settled on show their path.
     */
    @Test
    void aStartUrlThatRedirectsShowsTheUrlsWhereTheCrawlSettledByTheirPath() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (LocalHttpServer start = new LocalHttpServer();
                LocalHttpServer site = new LocalHttpServer()) {
            start.route("/", LocalHttpServer.redirect(301, site.url("/")));
            site.route("/", LocalHttpServer.html("<a href=\"/slow/page.html\">slow</a>"));
            site.route("/slow/page.html", LocalHttpServer.blockUntil(release, arrived,
                    "<title>Slow</title>"));
            CrawlPlan plan = CrawlPlan.of(URI.create(start.url("/")), "t");
            CrawlStore store = CrawlStore.createTemporary(plan);
            try (CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t",
                    Duration.ofSeconds(5)), store.sink()).closing(store).build()) {
                job.start();
                assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(job.site()).isEqualTo(URI.create(site.url("/")));

                Object[] seen = shownFor(plan, job.progress(), job.activeFetches(), job.site());

                assertThat((String) seen[0]).as("the line shown").endsWith("  /slow/page.html");
                assertThat(seen[1]).as("its tooltip").isEqualTo(site.url("/slow/page.html"));
                release.countDown();
                job.completion().get(10, TimeUnit.SECONDS);
            } finally {
                release.countDown();
            }
        }
    }

    /** The first line's text, tooltip, whether a sideways bar shows, and the ellipsis. */
    private Object[] shownFor(String url) throws Exception {
        return shownFor(CrawlPlan.of(URI.create("http://127.0.0.1:18201/"), "t"),
                new CrawlProgress(1, 5, 1, 0, Duration.ofSeconds(1), false, false, 0, 0, 0),
                List.of(new ActiveFetch("crawl-worker-3", url, 0, Duration.ofMillis(200))),
                null);
    }

    /** As {@link #shownFor(String)}, for a crawl of this plan at this tick. */
    private Object[] shownFor(CrawlPlan plan, CrawlProgress p, List<ActiveFetch> fetching,
            URI site) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            model.started(plan);
            model.update(p, fetching, site);
        }).get(10, TimeUnit.SECONDS);
        // the list's cells and their text come with a layout pulse, which a busy machine may
        // not have run by the time the FX queue is empty
        WaitForAsyncUtils.waitForFxEvents();
        java.util.concurrent.atomic.AtomicReference<Object[]> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            seen.set(WaitForAsyncUtils.asyncFx(this::firstLineDrawn).get());
            return seen.get() != null;
        });
        return seen.get();
    }

    /** {@link #shownFor}'s figures for the first line, or null until it is drawn (FX thread). */
    private Object[] firstLineDrawn() {
        ListCell<?> cell = view.root().lookupAll(".list-cell").stream().map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() != null).findFirst().orElse(null);
        if (cell == null) {
            return null;
        }
        boolean sideways = view.root().lookupAll(".scroll-bar").stream()
                .anyMatch(n -> n instanceof ScrollBar b
                        && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible());
        // the line as drawn: the worker and time (a label beside the URL), then the URL
        String who = cell.getGraphic() instanceof javafx.scene.control.Label l
                ? l.getText() : null;
        String text = cell.lookupAll(".text").stream()
                .filter(n -> n instanceof Text t && !t.getText().equals(who))
                .map(n -> ((Text) n).getText()).findFirst().orElse(null);
        if (text == null) {
            return null;
        }
        return new Object[] {who == null ? text : who + "  " + text,
            cell.getTooltip() == null ? null : cell.getTooltip().getText(), sideways,
            cell.getEllipsisString()};
    }
}
