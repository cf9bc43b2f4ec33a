package io.webprobe.ui.crawl.live;

import io.webprobe.crawl.ActiveFetch;
import io.webprobe.ui.common.SiteUrls;
import io.webprobe.ui.common.UrlEnds;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import io.webprobe.ui.common.LazyTip;

/**
 * What each worker is fetching now: one line per worker, with how long it has been at it, and
 * the URL by its path (and query) when it is on the site where the crawl settled (the start
 * URL's, or where its redirects led: http to https, to www.), as most are: the host is the
 * same on every line, and a long URL cut in the middle left only "htt…" of it. A path too
 * long for the line shows its end, as the URL table's do ("…/page-121.html"): cut in the
 * middle, at the window's least width, it read "/sectio…21.html", which page unsaid. In a list
 * narrower than {@link #NUMBERED_WIDTH} (the window's least width, 960 px, gives it 185) the
 * worker's number is left out, its time kept: the URL gets the room.
 */
public final class WorkersView {
    /**
     * The least width of a list whose lines name their worker ("#3  0.7 s  /path"): at 185 px
     * the number's 22 px left a path of 12 letters, "/arti…e=104"; from 1,280 px up the list is
     * about 250 px wide.
     */
    static final double NUMBERED_WIDTH = 220;

    private final ListView<ActiveFetch> list = new ListView<>();
    /** Whether the lines leave out the worker's number (a narrow list). */
    private boolean unnumbered;

    public WorkersView(LiveModel model) {
        list.setId("workers");
        list.setItems(model.workers());
        list.setFixedCellSize(22);
        // what the crawl does between requests (waits for the next one its rate allows),
        // not only that none is in flight
        Label idle = new Label();
        idle.setId("workersIdle");
        idle.setWrapText(true);
        idle.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        idle.textProperty().bind(model.idleProperty());
        list.setPlaceholder(idle);
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ListCell<>() {
            private final LazyTip tip = LazyTip.plain(); // one per cell, made when first shown
            /** The worker and its time, never cut: only the URL beside it is. */
            private final Label who = new Label();

            /** The URL cut by its path's end (on the site), else in the middle. */
            private final UrlEnds ends = new UrlEnds(this);

            {
                // as wide as the list, not as the line: a long URL is cut, whole in the
                // tooltip; it ran past the pane's edge, behind a sideways scroll bar
                setPrefWidth(0);
                who.setMinWidth(Label.USE_PREF_SIZE);
                setGraphicTextGap(8);
            }

            @Override
            protected void updateItem(ActiveFetch f, boolean empty) {
                super.updateItem(f, empty);
                boolean none = empty || f == null;
                String time = none ? null : String.format(Locale.ROOT, "%.1f s",
                        f.running().toMillis() / 1000.0);
                who.setText(none || unnumbered ? time
                        : f.worker().replace("crawl-worker-", "#") + "  " + time);
                setGraphic(none ? null : who);
                ends.show(none ? null : SiteUrls.shown(model.start(), f.url()),
                        !none && SiteUrls.onSite(model.start(), f.url()));
                setTooltip(none ? null : tip.saying(f.url()));
            }
        });
        list.widthProperty().addListener((o, was, now) -> {
            boolean narrow = now.doubleValue() < NUMBERED_WIDTH;
            if (narrow != unnumbered) {
                unnumbered = narrow;
                list.refresh();
            }
        });
    }

    public ListView<ActiveFetch> root() {
        return list;
    }
}
