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

    @Test
    void timeBucketsReadAsRanges() {
        List<Long> b = CrawlStats.TIME_BOUNDS;
        assertThat(ChartsModel.bucketLabel(b, 0)).isEqualTo("<50");
        assertThat(ChartsModel.bucketLabel(b, 1)).isEqualTo("50–100");
        assertThat(ChartsModel.bucketLabel(b, 4)).isEqualTo("500 ms–1 s"); // not "500–1 s"
        assertThat(ChartsModel.bucketLabel(b, 5)).isEqualTo("1 s–2 s");
        assertThat(ChartsModel.bucketLabel(b, b.size())).isEqualTo("≥5 s");
    }
}
