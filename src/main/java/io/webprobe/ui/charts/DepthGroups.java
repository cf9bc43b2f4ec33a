package io.webprobe.ui.charts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The depth chart's bars: one per depth while there are at most {@link #MOST} of them,
 * else the depths in groups of 2, 5, 10, 20, 50… ("0–9", "10–19"…), as few as fit in
 * {@link #MOST}. A deep chain of 100 levels made 100 columns 2 px wide in the chart's third of
 * the tab, their counts written over each other; grouped, its 11 bars of "10" read as what
 * they are, ten pages a group, where showing only the counts that fit would have left bars
 * without any. Pure arithmetic, tested without a display.
 */
final class DepthGroups {
    /** At most this many bars: each a line's height and more, at the smallest window. */
    static final int MOST = 12;

    private DepthGroups() {}

    /**
     * @param depths URLs per depth (depths without URLs left out)
     * @return URLs per depth or group of depths, in depth order; groups without URLs left out
     */
    static Map<String, Number> of(Map<Integer, Long> depths) {
        Map<String, Number> out = new LinkedHashMap<>();
        if (depths.isEmpty()) {
            return out;
        }
        int deepest = depths.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        long size = groupSize(deepest + 1L);
        Map<Long, Long> byGroup = new java.util.TreeMap<>();
        depths.forEach((d, n) -> byGroup.merge(d / size, n, Long::sum));
        byGroup.forEach((g, n) -> {
            long first = g * size;
            long last = Math.min(first + size - 1, deepest);
            out.put(first == last ? number(first) : number(first) + "–" + number(last), n);
        });
        return out;
    }

    /** The smallest of 1, 2, 5, 10, 20, 50… that puts {@code levels} in {@link #MOST} groups. */
    static long groupSize(long levels) {
        for (long decade = 1; ; decade *= 10) {
            for (long step : new long[] {1, 2, 5}) {
                long size = step * decade;
                if ((levels + size - 1) / size <= MOST) {
                    return size;
                }
            }
        }
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
