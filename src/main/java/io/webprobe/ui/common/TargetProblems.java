package io.webprobe.ui.common;

import io.webprobe.ping.TargetList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lines shown for the lines of a URL list that are not URLs (under the Ping tab's list, and
 * over List mode's summary): one per reason, naming its lines ("Line 4 skipped: …", "Lines 2, 3, 5 and 297 others skipped: …"),
 * {@value #SHOWN} reasons at most, then how many lines more, then how many lines repeated a
 * URL (left out). A red line per bad line, each
 * wrapped to three, pushed the list down to one line's height when a binary file was loaded.
 */
public final class TargetProblems {
    /** Reasons named at most. */
    public static final int SHOWN = 3;
    /** Line numbers named per reason at most. */
    private static final int NUMBERS = 3;

    private TargetProblems() {
    }

    /** The bad lines of a list, by reason; "" when there is none. */
    public static String text(TargetList list) {
        Map<String, List<Integer>> byReason = new LinkedHashMap<>();
        for (TargetList.Problem p : list.problems()) {
            byReason.computeIfAbsent(p.reason(), r -> new ArrayList<>()).add(p.line());
        }
        List<String> out = new ArrayList<>();
        int named = 0;
        for (Map.Entry<String, List<Integer>> e : byReason.entrySet()) {
            if (out.size() == SHOWN) {
                break;
            }
            out.add(lines(e.getValue()) + " skipped: " + e.getKey());
            named += e.getValue().size();
        }
        int more = list.problems().size() - named;
        if (more > 0) {
            out.add(String.format(Locale.ROOT, "and %,d more %s skipped.", more,
                    more == 1 ? "line" : "lines"));
        }
        // a URL given twice was left out without a word
        if (list.duplicates() == 1) {
            out.add("1 line repeats a URL listed above it and was left out.");
        } else if (list.duplicates() > 1) {
            out.add(String.format(Locale.ROOT,
                    "%,d lines repeat URLs listed above them and were left out.",
                    list.duplicates()));
        }
        return String.join("\n", out);
    }

    /** Every bad line's number, as {@link #lines}: "Lines 2, 3, 5 and 297 others". */
    public static String allLines(TargetList list) {
        return lines(list.problems().stream().map(TargetList.Problem::line).toList());
    }

    /** "Line 4", "Lines 2, 3 and 5", "Lines 2, 3, 5 and 297 others". */
    private static String lines(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return "Line " + numbers.get(0);
        }
        StringBuilder b = new StringBuilder("Lines ");
        int shown = numbers.size() <= NUMBERS ? numbers.size() - 1 : NUMBERS;
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(numbers.get(i));
        }
        int rest = numbers.size() - shown;
        return b.append(rest == 1 ? " and " + numbers.get(numbers.size() - 1)
                : String.format(Locale.ROOT, " and %,d others", rest)).toString();
    }
}
