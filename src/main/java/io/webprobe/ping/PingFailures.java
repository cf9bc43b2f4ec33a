package io.webprobe.ping;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.StatusSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a run's failed requests were, over all its URLs, in words: "Connection refused×10,
 * 503×2". For a status line, where the table's Codes and Errors columns may be out of sight.
 */
public final class PingFailures {
    private PingFailures() {}

    /**
     * The failures' kinds, the most frequent first ({@code most} of them, then "…"); a status
     * outside {@code success} is a failure too; "" when nothing failed.
     */
    public static String text(List<PingResult> results, StatusSet success, int most) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (PingResult r : results) {
            for (Map.Entry<ErrorKind, Long> e : r.errorCounts().entrySet()) {
                counts.merge(e.getKey().label(), e.getValue(), Long::sum);
            }
            for (Map.Entry<Integer, Long> e : r.statusCounts().entrySet()) {
                if (!success.contains(e.getKey())) {
                    counts.merge(Integer.toString(e.getKey()), e.getValue(), Long::sum);
                }
            }
        }
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort((a, b) -> Long.compare(b.getValue(), a.getValue())); // stable: ties in order
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < sorted.size() && i < most; i++) {
            j.add(sorted.get(i).getKey() + "×"
                    + String.format(Locale.ROOT, "%,d", sorted.get(i).getValue()));
        }
        return sorted.size() > most ? j + ", …" : j.toString();
    }
}
