package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PolitenessRecordTest {
    @Test
    void gapIsTheDelayOrOneOverTheRateWhicheverIsLonger() {
        assertThat(Politeness.gap(Duration.ofMillis(300), 0)).isEqualTo(Duration.ofMillis(300));
        assertThat(Politeness.gap(Duration.ZERO, 4)).isEqualTo(Duration.ofMillis(250));
        assertThat(Politeness.gap(Duration.ofMillis(100), 4)).isEqualTo(Duration.ofMillis(250));
        assertThat(Politeness.gap(Duration.ofMillis(400), 4)).isEqualTo(Duration.ofMillis(400));
        assertThat(Politeness.gap(Duration.ZERO, 0.5)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void maxPerHostAllThreadsMeansTheThreadCountAndIsNeverMoreThanIt() {
        assertThat(Politeness.DEFAULT.maxPerHost(8)).isEqualTo(8);
        assertThat(Politeness.DEFAULT.withMaxPerHost(2).maxPerHost(8)).isEqualTo(2);
        assertThat(Politeness.DEFAULT.withMaxPerHost(32).maxPerHost(8)).isEqualTo(8);
    }

    @Test
    void outOfRangeValuesAreRefused() {
        assertThatThrownBy(() -> Politeness.DEFAULT.withMaxPerHost(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Politeness.DEFAULT.withMaxRetries(11))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Politeness.DEFAULT.withDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
