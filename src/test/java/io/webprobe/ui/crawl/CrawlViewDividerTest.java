package io.webprobe.ui.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where Enter or a double-click on a row puts the details divider, for a workspace of any
 * height (the window keeps it at 308 px or more; a layout that squeezes it lower must not
 * lose the table).
 */
class CrawlViewDividerTest {

    /**
     * The bug: under 180 px high, 1 - 180 / height was negative, a divider position that hid
     * the table. The position is in range, and leaves the table its minimum height.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1, 40, 120, 179, 180, 250, 308, 400})
    void aLowWorkspaceKeepsTheTable(double height) {
        double at = CrawlView.detailsRaisedTo(height);

        assertThat(at).isBetween(0.0, 1.0);
        assertThat(at * height).isGreaterThanOrEqualTo(
                Math.min(height, CrawlView.TABLE_MIN_HEIGHT) - 1e-9);
    }

    /** A high workspace: the details pane at its usable height, or the default divider. */
    @ParameterizedTest
    @ValueSource(doubles = {500, 600, 1000})
    void aHighWorkspaceRaisesTheDetailsAsBefore(double height) {
        double at = CrawlView.detailsRaisedTo(height);

        assertThat(at).isCloseTo(Math.min(0.62, 1 - CrawlView.DETAILS_USABLE_HEIGHT / height),
                within(1e-9));
        assertThat((1 - at) * height).isGreaterThanOrEqualTo(CrawlView.DETAILS_USABLE_HEIGHT);
    }
}
