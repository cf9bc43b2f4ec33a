package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ping.LatencyBin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The caption under the selected URL's latency histogram. */
class PingHistogramCaptionTest {

    private static List<LatencyBin> bins(double from, double to) {
        List<LatencyBin> bins = new ArrayList<>();
        double width = (to - from) / PingViewModel.HISTOGRAM_BINS;
        for (int b = 0; b < PingViewModel.HISTOGRAM_BINS; b++) {
            bins.add(new LatencyBin(from + b * width, from + (b + 1) * width, b));
        }
        return bins;
    }

    /**
     * The bug: the bars end at the URL's 99.9th percentile, the slower responses in the last,
     * and the caption "1.83–484 ms · bars of 24.1 ms" under the table's Max of "615.13" read as
     * a range that left the slowest response out. It says where the last bar ends.
     */
    @Test
    void aLastBarHoldingSlowerResponsesSaysWhereItEnds() {
        assertThat(PingCharts.caption(bins(1.83, 484), 615.13))
                .isEqualTo("1.83–484 ms · bars of 24.1 ms · last bar to 615 ms");
        // the slowest within the range, or not known: as before
        assertThat(PingCharts.caption(bins(1.83, 484), 484))
                .isEqualTo("1.83–484 ms · bars of 24.1 ms");
        assertThat(PingCharts.caption(bins(1.83, 484), Double.NaN))
                .isEqualTo("1.83–484 ms · bars of 24.1 ms");
    }
}
