package io.webprobe.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Each bar carries its count, kept up to date: 10 404s beside 30,012 200s is a bar too thin to
 * see on a linear scale.
 */
@ExtendWith(ApplicationExtension.class)
class ChartsViewTest {
    private ChartsModel model;
    private ChartsView view;

    @Start
    void start(Stage stage) {
        model = new ChartsModel(System::nanoTime);
        view = new ChartsView(model);
        stage.setScene(new Scene(view.root(), 900, 300));
        stage.show();
    }

    private List<String> counts() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            view.root().applyCss();
            view.root().layout();
            return view.root().lookupAll(".bar-count").stream()
                    .map(n -> ((Label) n).getText()).sorted().toList();
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyBarShowsItsCountAsItChanges() throws Exception {
        XYChart.Data<String, Number> ok = new XYChart.Data<>("200", 30_012);
        WaitForAsyncUtils.asyncFx(() -> {
            model.statuses().setAll(List.of(ok, new XYChart.Data<>("404", 10)));
            model.depths().setAll(List.of(new XYChart.Data<>("0", 1),
                    new XYChart.Data<>("1", 51)));
        }).get(10, TimeUnit.SECONDS);
        assertThat(counts()).containsExactlyInAnyOrder("30,012", "10", "1", "51");

        WaitForAsyncUtils.asyncFx(() -> ok.setYValue(30_100)).get(10, TimeUnit.SECONDS);
        assertThat(counts()).contains("30,100").doesNotContain("30,012");
    }
}
