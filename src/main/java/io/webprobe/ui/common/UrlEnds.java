package io.webprobe.ui.common;

import java.util.function.Predicate;
import javafx.scene.control.Labeled;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;

/**
 * A table cell's URL too wide for its column: shown by the end of its path ("…/docs/guide/")
 * where the rows around it share its scheme and host, which would read the same on each
 * ("http://127....index.html" on every row at the URLs' least width, 160 px), else cut in the
 * middle, keeping its host, what tells it apart. A URL that fits is whole. The Crawl tab's URL
 * cells (the crawled site's URLs; the Broken links and details tables' through UrlCells), the
 * Ping tab's (a host several rows share) and the Crawl tab's Now fetching lines. The text is
 * chosen as the cell gets its URL or its width (a text set from layoutChildren, while the row
 * lays its cells out, was not laid out again). FX thread only, as the cell is.
 */
public final class UrlEnds {
    private final Labeled cell;
    /** The URL as shown whole, or null. */
    private String whole;
    /** "…" and its path, shown when it is cut by its path's end; null: cut in the middle. */
    private String tail;

    /** Fits {@code cell}'s URL to its width from now on; the caller sets its tooltip. */
    public UrlEnds(Labeled cell) {
        this.cell = cell;
        cell.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        // the cell's own cut as the path's end is cut: "https://12…0.1:18904/" over "…/e", where
        // JavaFX's default "..." put two ellipses in one column
        cell.setEllipsisString("…");
        cell.widthProperty().addListener(o -> fit());
        // a graphic beside the text (a Now fetching line's worker and time) takes its room:
        // fitted again once it is laid out (it has no width before) or its width changes
        javafx.beans.InvalidationListener refit = o -> fit();
        cell.graphicProperty().addListener((o, was, now) -> {
            if (was instanceof Region r) {
                r.widthProperty().removeListener(refit);
            }
            if (now instanceof Region r) {
                r.widthProperty().addListener(refit);
            }
        });
    }

    /**
     * Shows {@code shown}, a URL as people read it (null for none): whole when it fits, else by
     * its path's end if {@code byPathEnd} (its host the same as its neighbours'), else cut in
     * the middle.
     */
    public void show(String shown, boolean byPathEnd) {
        whole = shown;
        String path = shown == null || !byPathEnd ? null : SiteUrls.pathOf(shown);
        tail = path == null || path.equals("/") ? null : "…" + path;
        cell.setTextOverrun(tail == null ? OverrunStyle.CENTER_ELLIPSIS
                : OverrunStyle.LEADING_ELLIPSIS);
        cell.setText(shown);
        fit();
    }

    private void fit() {
        if (tail == null) {
            return; // whole, or cut in the middle by the cell
        }
        javafx.scene.Node beside = cell.getGraphic();
        double room = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset()
                - (beside == null ? 0 : beside.getLayoutBounds().getWidth()
                        + cell.getGraphicTextGap());
        String wanted = room <= 0 ? whole
                : fitting(whole, tail, s -> CellWidths.textWidth(cell.getFont(), s) <= room - 1);
        if (!wanted.equals(cell.getText())) {
            cell.setText(wanted);
        }
    }

    /**
     * {@code whole} when it {@code fits}, else {@code tail} ("…/docs/guide/index.html") less
     * its first segments, whole segments, until it fits ("…/index.html", not
     * "…ide/index.html"); the last segment alone when even it does not, for the cell to cut
     * at its start.
     */
    static String fitting(String whole, String tail, Predicate<String> fits) {
        if (fits.test(whole)) {
            return whole;
        }
        String wanted = tail;
        int next;
        while (!fits.test(wanted)
                && (next = wanted.indexOf('/', 2)) > 0 && next < wanted.length() - 1) {
            wanted = "…" + wanted.substring(next);
        }
        return wanted;
    }
}
