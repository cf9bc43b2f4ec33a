package io.webprobe.http;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of HTTP status codes written as codes and ranges separated by commas: {@code 403},
 * {@code 200-299} (both ends included), and lychee's and Rust's {@code 200..=299} (both ends
 * included) and {@code 200..300} (the end left out), e.g. "200-299,304" or "403,429". One rule
 * for ping's {@code --success}, the crawl's {@code --accept} and the Crawl tab's setting of
 * it. Codes are between 100 and 599. Immutable.
 */
public final class StatusSet {
    /** 200 to 399: a response or a redirect, as most uptime checkers count it. */
    public static final StatusSet DEFAULT = parse("200-399");
    /** No code at all: a crawl given no {@code --accept}. */
    public static final StatusSet NONE = new StatusSet(new int[0], new int[0], "");

    private static final int MIN = 100;
    private static final int MAX = 599;

    private final int[] from;
    private final int[] to;
    private final String text;

    private StatusSet(int[] from, int[] to, String text) {
        this.from = from;
        this.to = to;
        this.text = text;
    }

    /**
     * Parses a comma-separated list of codes and ranges.
     *
     * @throws IllegalArgumentException with a plain message, without the option's name and
     *     without a full stop, when malformed: "'abc' is not a status code or range such as
     *     200-299", "no status code is given"
     */
    public static StatusSet parse(String spec) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int[] range = range(p);
            if (range == null) {
                throw new IllegalArgumentException("'" + UrlSyntax.shortened(p) + "' is not a "
                        + "status code or range such as 200-299");
            }
            ranges.add(range);
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("no status code is given");
        }
        int[] f = new int[ranges.size()];
        int[] t = new int[ranges.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = ranges.get(i)[0];
            t[i] = ranges.get(i)[1];
        }
        return new StatusSet(f, t, spec.strip());
    }

    /**
     * Parses the value of a setting, naming it in the message.
     *
     * @param name the option or label, e.g. "--accept"
     * @throws IllegalArgumentException with one sentence, e.g. "--accept: 'abc' is not a
     *     status code or range such as 200-299."
     */
    public static StatusSet parse(String name, String spec) {
        try {
            return parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * A code or a range, both ends included, or null when it is neither or lies outside
     * 100-599.
     */
    private static int[] range(String p) {
        int dots = p.indexOf("..");
        int dash = p.indexOf('-');
        String a;
        String b;
        boolean endLeftOut = false;
        if (dots >= 0) {
            a = p.substring(0, dots);
            b = p.substring(dots + 2);
            if (b.startsWith("=")) {
                b = b.substring(1);
            } else {
                endLeftOut = true;
            }
        } else if (dash >= 0) {
            a = p.substring(0, dash);
            b = p.substring(dash + 1);
        } else {
            a = p;
            b = p;
        }
        int start = code(a.strip());
        int end = code(b.strip());
        if (start < 0 || end < 0) {
            return null;
        }
        if (endLeftOut) {
            end--;
        }
        return start < MIN || end > MAX || start > end ? null : new int[] {start, end};
    }

    /** The digits as a number (at most four of them), else -1. */
    private static int code(String digits) {
        if (digits.isEmpty() || digits.length() > 4
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Integer.parseInt(digits);
    }

    public boolean contains(int status) {
        for (int i = 0; i < from.length; i++) {
            if (status >= from[i] && status <= to[i]) {
                return true;
            }
        }
        return false;
    }

    /** Whether it holds no code ({@link #NONE}). */
    public boolean isEmpty() {
        return from.length == 0;
    }

    /** The set as it was written (stripped), "" for {@link #NONE}. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusSet s && s.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
