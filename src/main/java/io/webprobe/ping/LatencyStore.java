package io.webprobe.ping;

import java.util.Arrays;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The response times of one URL, sized to what it holds: up to {@value #EXACT_MAX} values are
 * kept exactly (a few bytes per request, so ten thousand URLs of ten requests each cost little),
 * beyond that they move into an HdrHistogram (µs, 3 significant digits, grown to the range of
 * values seen), whose size no longer depends on the number of requests; the min and max stay
 * exact, and bound the percentiles. Percentiles follow
 * HdrHistogram's definition either way: the smallest value with at least p % of the values at
 * or below it.
 *
 * <p>Not thread-safe: used by the job's statistics thread (under its lock) only.
 */
final class LatencyStore {
    static final int EXACT_MAX = 256;
    private static final int DIGITS = 3;

    private long[] exact = new long[8];
    private int n;
    private boolean sorted = true;
    private Histogram histogram;
    /** Running mean and sum of squared deviations (Welford): exact, and O(1) to read. */
    private double mean;
    private double squares;
    private long counted;
    /** The smallest and largest values recorded, exact (the histogram's are bucket ends). */
    private long min = Long.MAX_VALUE;
    private long max;

    /** Records one value in µs (at least 1). */
    void record(long micros) {
        long v = Math.max(1, micros);
        counted++;
        min = Math.min(min, v);
        max = Math.max(max, v);
        double d = v - mean;
        mean += d / counted;
        squares += d * (v - mean);
        if (histogram != null) {
            histogram.recordValue(v);
            return;
        }
        if (n == EXACT_MAX) {
            histogram = new Histogram(DIGITS);
            for (int i = 0; i < n; i++) {
                histogram.recordValue(exact[i]);
            }
            histogram.recordValue(v);
            exact = null;
            return;
        }
        if (n == exact.length) {
            exact = Arrays.copyOf(exact, Math.min(EXACT_MAX, n * 2));
        }
        sorted &= n == 0 || exact[n - 1] <= v;
        exact[n++] = v;
    }

    long count() {
        return histogram != null ? histogram.getTotalCount() : n;
    }

    long min() {
        return min;
    }

    long max() {
        return max;
    }

    /** The mean of the values recorded, exact (not the histogram's bucketed one). */
    double mean() {
        return mean;
    }

    /** Population standard deviation of the values recorded, exact. */
    double stdDeviation() {
        return counted == 0 ? 0 : Math.sqrt(squares / counted);
    }

    /** The value at percentile p (0 to 100); call only when {@link #count()} is positive. */
    long percentile(double p) {
        if (histogram != null) {
            // a bucket's end may lie past the values recorded: p100 is the max, as hey says it
            return Math.max(min, Math.min(max, histogram.getValueAtPercentile(p)));
        }
        long[] s = sortedExact();
        int rank = (int) Math.ceil(p / 100.0 * n);
        return s[Math.max(0, Math.min(n - 1, rank - 1))];
    }

    /**
     * The {@code rank}-th smallest value (1 to {@link #count()}), as {@link #percentile} finds
     * it; call only when {@link #count()} is at least {@code rank}.
     */
    long valueAtRank(long rank) {
        // half a value below the rank: ceil() of the percentile's count lands on it exactly
        return percentile(100.0 * (rank - 0.5) / count());
    }

    /** Visits each distinct value (a bucket's median value in the histogram) with its count. */
    void forEachValue(ValueVisitor visitor) {
        if (histogram != null) {
            for (HistogramIterationValue v : histogram.recordedValues()) {
                visitor.visit(histogram.medianEquivalentValue(v.getValueIteratedTo()),
                        v.getCountAtValueIteratedTo());
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            visitor.visit(exact[i], 1);
        }
    }

    /** Receives one value and how often it occurred. */
    @FunctionalInterface
    interface ValueVisitor {
        void visit(long micros, long count);
    }

    private long[] sortedExact() {
        if (!sorted) {
            Arrays.sort(exact, 0, n);
            sorted = true;
        }
        return exact;
    }
}
