package io.webprobe.ui.ping;

import io.webprobe.ping.LatencyPoint;
import java.util.List;
import javafx.collections.ObservableList;

/** The p50/p99 chart's points, kept in step with the run's sliding per-second series. */
final class LatencySeries {
    private LatencySeries() {}

    /**
     * Mirrors the run's per-second series, a sliding window: points older than the run's first
     * leave at the front, newer ones are added at the end.
     */
    static void mirror(ObservableList<LatencyPoint> series, List<LatencyPoint> pts) {
        if (pts.isEmpty()) {
            return;
        }
        double first = pts.get(0).atSeconds();
        int drop = 0;
        while (drop < series.size() && series.get(drop).atSeconds() < first) {
            drop++;
        }
        if (drop > 0) {
            series.remove(0, drop);
        }
        double lastShown = series.isEmpty() ? -1 : series.get(series.size() - 1).atSeconds();
        int from = 0;
        while (from < pts.size() && pts.get(from).atSeconds() <= lastShown) {
            from++;
        }
        if (from < pts.size()) {
            series.addAll(pts.subList(from, pts.size()));
        }
    }
}
