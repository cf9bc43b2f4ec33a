package io.webprobe.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.store.CrawlStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.Test;

/** Chart points are updated in place; buckets are named for people. */
class ChartsModelTest {
    @Test
    void pointsAreUpdatedInPlaceAndOnlyNewCategoriesAreAdded() {
        ObservableList<XYChart.Data<String, Number>> points = FXCollections.observableArrayList();
        ChartsModel.update(points, new LinkedHashMap<>(Map.of("200", 5)));
        XYChart.Data<String, Number> first = points.get(0);
        int[] changes = {0};
        points.addListener((javafx.collections.ListChangeListener<XYChart.Data<String, Number>>)
                c -> changes[0]++);

        ChartsModel.update(points, new LinkedHashMap<>(Map.of("200", 9)));
        assertThat(points).containsExactly(first);
        assertThat(first.getYValue()).isEqualTo(9);
        assertThat(changes[0]).as("no list change for a new value").isZero();

        LinkedHashMap<String, Number> more = new LinkedHashMap<>();
        more.put("200", 10);
        more.put("404", 1);
        ChartsModel.update(points, more);
        assertThat(points).hasSize(2).startsWith(first);
        assertThat(first.getYValue()).isEqualTo(10);
    }

    /** One unit, the title's (ms), on every bucket: no "500 ms–1 s" or "≥5 s" among them. */
    @Test
    void timeBucketsReadAsRangesOfMilliseconds() {
        List<Long> b = CrawlStats.TIME_BOUNDS;
        List<String> labels = new java.util.ArrayList<>();
        for (int i = 0; i <= b.size(); i++) {
            labels.add(ChartsModel.bucketLabel(b, i));
        }
        assertThat(labels).containsExactly("<50", "50–100", "100–200", "200–500", "500–1,000",
                "1,000–2,000", "2,000–5,000", "≥5,000");
    }
}
