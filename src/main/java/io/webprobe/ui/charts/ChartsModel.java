package io.webprobe.ui.charts;

import io.webprobe.store.CrawlStats;
import io.webprobe.ui.crawl.session.PacedRead;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

/**
 * The Charts view's data: URLs per status code, a response-time histogram and pages per
 * depth, read on the stats lane while the view is shown and, during a crawl, again when due
 * (paced, never per row). Data points are updated in place, so the charts move rather than
 * being rebuilt. FX thread only.
 */
public final class ChartsModel {
    private final ObservableList<XYChart.Data<String, Number>> statuses =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> times =
            FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> depths =
            FXCollections.observableArrayList();
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final PacedRead<CrawlStats.Stats> read;
    private boolean stale = true;

    public ChartsModel(LongSupplier nanoTime) {
        read = new PacedRead<>("charts", () -> q -> q.stats().stats(), this::apply, m -> { },
                nanoTime);
        active.addListener((o, was, now) -> {
            if (now && stale) {
                read.now();
            }
        });
    }

    /** Whether the charts are on screen (they are read only then). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public ObservableList<XYChart.Data<String, Number>> statuses() {
        return statuses;
    }

    public ObservableList<XYChart.Data<String, Number>> times() {
        return times;
    }

    public ObservableList<XYChart.Data<String, Number>> depths() {
        return depths;
    }

    /** Charts the crawl this lane reads (null: none). */
    public void attach(ReaderLane lane) {
        statuses.clear();
        times.clear();
        depths.clear();
        read.setLane(lane);
        changed(true);
    }

    /** The crawl file changed (a tick, a re-check, the end): read again when shown. */
    public void changed(boolean soon) {
        stale = true;
        if (active.get()) {
            if (soon) {
                read.now();
            } else {
                read.request();
            }
        }
    }

    /** Sets the points to these figures (package-private for the view's tests). */
    void apply(CrawlStats.Stats s) {
        stale = false;
        Map<String, Number> byStatus = new LinkedHashMap<>();
        s.statuses().entrySet().stream()
                .sorted(Comparator.comparing(e -> sortKey(e.getKey())))
                .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
        update(statuses, byStatus);
        Map<String, Number> byTime = new LinkedHashMap<>();
        List<Long> bounds = CrawlStats.TIME_BOUNDS;
        // no response timed yet: no buckets, so the chart says so as the other two do (eight
        // zero bars stood under a crawl that had fetched nothing, with no sentence)
        if (s.timeBuckets().stream().anyMatch(n -> n > 0)) {
            for (int i = 0; i < s.timeBuckets().size(); i++) {
                byTime.put(bucketLabel(bounds, i), s.timeBuckets().get(i));
            }
        }
        update(times, byTime);
        update(depths, DepthGroups.of(s.depths()));
    }

    /**
     * "<50", "50–100"…, "500–1,000", "≥5,000": every bound in milliseconds, as the chart's title
     * says ("Response time (ms)"). Bounds of whole seconds once read "500 ms–1 s" and "≥5 s" under
     * that title, two units on one axis.
     */
    static String bucketLabel(List<Long> bounds, int i) {
        if (i == 0) {
            return "<" + ms(bounds.get(0));
        }
        if (i == bounds.size()) {
            return "≥" + ms(bounds.get(i - 1));
        }
        return ms(bounds.get(i - 1)) + "–" + ms(bounds.get(i));
    }

    /** 50 → "50", 1000 → "1,000", grouped as the bars' counts are. */
    private static String ms(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** Status codes first in number order, then errors and "Blocked"/"Skipped" by name. */
    private static String sortKey(String status) {
        return status.chars().allMatch(Character::isDigit)
                ? String.format(Locale.ROOT, "0%05d", Integer.parseInt(status)) : "1" + status;
    }

    /** Sets each point's value in place, adding and removing points only as categories come and go. */
    static void update(ObservableList<XYChart.Data<String, Number>> points,
            Map<String, Number> values) {
        Map<String, XYChart.Data<String, Number>> existing = new HashMap<>();
        for (XYChart.Data<String, Number> d : points) {
            existing.put(d.getXValue(), d);
        }
        if (existing.keySet().equals(values.keySet())) {
            for (XYChart.Data<String, Number> d : points) {
                Number v = values.get(d.getXValue());
                if (d.getYValue().longValue() != v.longValue()) {
                    d.setYValue(v);
                }
            }
            return;
        }
        List<XYChart.Data<String, Number>> next = new ArrayList<>();
        values.forEach((k, v) -> {
            XYChart.Data<String, Number> d = existing.get(k);
            if (d == null) {
                d = new XYChart.Data<>(k, v);
            } else if (d.getYValue().longValue() != v.longValue()) {
                d.setYValue(v);
            }
            next.add(d);
        });
        points.setAll(next);
    }
}
