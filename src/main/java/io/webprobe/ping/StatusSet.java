package io.webprobe.ping;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of HTTP status codes written as ranges, e.g. "200-399" or "200-299,304". Immutable.
 */
public final class StatusSet {
    /** 200 to 399: a response or a redirect, as most uptime checkers count it. */
    public static final StatusSet DEFAULT = parse("200-399");

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
     * @throws IllegalArgumentException with a plain message when malformed
     */
    public static StatusSet parse(String spec) {
        List<int[]> ranges = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int dash = p.indexOf('-');
            try {
                int a = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                int b = dash < 0 ? a : Integer.parseInt(p.substring(dash + 1).strip());
                if (a < 100 || b > 599 || a > b) {
                    throw new NumberFormatException();
                }
                ranges.add(new int[] {a, b});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not a status code or range "
                        + "between 100 and 599, like 200-399");
            }
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("The set of success codes is empty");
        }
        int[] f = new int[ranges.size()];
        int[] t = new int[ranges.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = ranges.get(i)[0];
            t[i] = ranges.get(i)[1];
        }
        return new StatusSet(f, t, spec.strip());
    }

    public boolean contains(int status) {
        for (int i = 0; i < from.length; i++) {
            if (status >= from[i] && status <= to[i]) {
                return true;
            }
        }
        return false;
    }

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
