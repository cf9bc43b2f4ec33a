package io.webprobe.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The depth chart shows each level while they are few, else groups of 2, 5, 10, 20, 50… */
class DepthGroupsTest {
    private static Map<Integer, Long> levels(int count) {
        Map<Integer, Long> depths = new TreeMap<>();
        for (int d = 0; d < count; d++) {
            depths.put(d, 1L);
        }
        return depths;
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            1, 1
            12, 1
            13, 2
            24, 2
            25, 5
            60, 5
            61, 10
            101, 10
            121, 20
            1000, 100
            """)
    void theGroupsAreAsSmallAsFitInTwelve(long levels, long size) {
        assertThat(DepthGroups.groupSize(levels)).isEqualTo(size);
        assertThat((levels + size - 1) / size).isLessThanOrEqualTo(DepthGroups.MOST);
    }

    @Test
    void twelveLevelsAreShownEachByItself() {
        assertThat(DepthGroups.of(levels(12)).keySet()).containsExactly("0", "1", "2", "3",
                "4", "5", "6", "7", "8", "9", "10", "11");
    }

    @Test
    void groupsAddTheirLevelsCountsAndTheLastEndsAtTheDeepest() {
        Map<Integer, Long> depths = levels(14);
        depths.put(1, 50L);
        assertThat(DepthGroups.of(depths)).containsExactly(Map.entry("0–1", 51L),
                Map.entry("2–3", 2L), Map.entry("4–5", 2L), Map.entry("6–7", 2L),
                Map.entry("8–9", 2L), Map.entry("10–11", 2L), Map.entry("12–13", 2L));
        Map<Integer, Long> deep = new TreeMap<>(Map.of(0, 1L, 1, 3L, 40, 2L));
        // the groups between without URLs are left out, as the depths without URLs were
        assertThat(DepthGroups.of(deep)).containsExactly(Map.entry("0–4", 4L),
                Map.entry("40", 2L));
    }

    @Test
    void noDepthsNoGroups() {
        assertThat(DepthGroups.of(Map.of())).isEmpty();
    }
}
