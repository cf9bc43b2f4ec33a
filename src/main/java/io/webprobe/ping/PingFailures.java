package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.StatusSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What failed requests were, in words, each kind's count first and the most frequent first:
 * "10 Connection refused, 2 HTTP 503", as oha's error distribution puts the count first. One
 * wording for the Ping table's Errors cells ({@link PingResult#errorsMostFirst}), the command
 * line's errors column, FAIL lines and notes (it wrote "Connection refused×10" there), and for
 * a status line over all a run's URLs, where the Codes and Errors columns may be out of sight.
 */
public final class PingFailures {
    private PingFailures() {}

    /**
     * The failures' kinds over {@code results}, the most frequent first ({@code most} of them,
     * then "…"); a status outside {@code success} is a failure too ("2 HTTP 503"); each error
     * kind in {@code label}'s words; "" when nothing failed.
     */
    public static String text(List<PingResult> results, StatusSet success, int most,
            Function<ErrorKind, String> label) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PingResult r : results) {
            r.errorCounts().forEach((kind, n) -> counts.merge(label.apply(kind), n, Long::sum));
            r.statusCounts().forEach((status, n) -> {
                if (!success.contains(status)) {
                    counts.merge("HTTP " + status, n, Long::sum);
                }
            });
        }
        List<String> kinds = mostFirst(counts);
        String shown = String.join(", ", kinds.subList(0, Math.min(most, kinds.size())));
        return kinds.size() > most ? shown + ", …" : shown;
    }

    /**
     * Each kind its count, with thousands separators, and then its words ("10 Connection
     * refused"), the most frequent first (ties in {@code counts}' order).
     */
    static List<String> mostFirst(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue())); // stable
        return sorted.stream().map(e -> counted(e.getValue(), e.getKey())).toList();
    }

    /** "10 Connection refused": a kind's count, with thousands separators, and its words. */
    public static String counted(long count, String words) {
        return String.format(Locale.ROOT, "%,d %s", count, words);
    }

    /** A {@link #counted} kind's words without their count: "Connection refused". */
    public static String uncounted(String counted) {
        return counted.substring(counted.indexOf(' ') + 1);
    }
}
