package io.webprobe.crawl;

import java.math.BigDecimal;

/**
 * The range of each number a user sets for a crawl: one rule, read by the command line (which
 * names the setting by its option, "--threads must be between 1 and 256.") and by the Crawl
 * tab's settings (which name it by its label, "Threads must be between 1 and 256."). The
 * limits the command line takes as durations or a size (the timeouts, the longest waits, the
 * page size), which it reads with their units, are not here.
 */
public enum CrawlLimit {
    THREADS("Threads", "--threads", 1, 256, "", "", ""),
    MAX_DEPTH("Max depth", "--max-depth", 0, Integer.MAX_VALUE, " (the start page only)", "", ""),
    MAX_PAGES("Max pages", "--max-pages", 1, Integer.MAX_VALUE, "", "", ""),
    MAX_URL_LENGTH("Max URL length", "--max-url-length", 10, Integer.MAX_VALUE, "", "", ""),
    MAX_SEGMENT_REPEATS("Max segment repeats", "--max-segment-repeats", 1, Integer.MAX_VALUE,
            "", "", ""),
    MAX_QUERY_VARIANTS("Max query variants", "--max-query-variants", 1, Integer.MAX_VALUE, "",
            "", ""),
    /** 0 means as many as there are threads. Named as the Crawl tab's box is labelled. */
    MAX_PER_HOST("Requests at once per host", "--max-per-host", 0, 256,
            " (as many as %threads)", "", ""),
    DELAY_MILLIS("Delay per host", "--delay-ms", 0, 3_600_000, "", " ms", " (an hour)"),
    REQUESTS_PER_SECOND("Max requests/s per host", "--max-rps", 0.001, 100_000, "",
            " requests per second", ""),
    /** After a 429 or 503 ({@link Politeness#maxRetries()}). */
    MAX_RETRIES("Max retries", "--max-retries", 0, 10, "", "", "");

    /** The top of a range that has none: "must be 1 or more". */
    private static final double OPEN = Integer.MAX_VALUE;

    /** Who reads the rule, and so how the setting is named. */
    public enum Naming {
        /** The Crawl tab's settings: "Threads". */
        LABEL,
        /** The command line: "--threads". */
        OPTION
    }

    private final String label;
    private final String option;
    private final double min;
    private final double max;
    private final String minNote;
    private final String unit;
    private final String maxNote;

    CrawlLimit(String label, String option, double min, double max, String minNote, String unit,
            String maxNote) {
        this.label = label;
        this.option = option;
        this.min = min;
        this.max = max;
        this.minNote = minNote;
        this.unit = unit;
        this.maxNote = maxNote;
    }

    public double min() {
        return min;
    }

    /** The largest value taken; {@link Integer#MAX_VALUE} when the range is open above. */
    public double max() {
        return max;
    }

    public String name(Naming naming) {
        return naming == Naming.LABEL ? label : option;
    }

    /** Whether {@code value} is in the range. */
    public boolean holds(double value) {
        return value >= min && value <= max;
    }

    /**
     * The sentence a value out of the range gets: "--max-depth must be 0 (the start page only)
     * or more.", "Delay per host must be between 0 and 3600000 ms (an hour).", "--delay-ms must
     * be between 0 and 3,600,000 ms (an hour)."
     */
    public String rule(Naming naming) {
        return rule(naming, "");
    }

    /**
     * {@link #rule} with another value the reader takes besides the range: "Max requests/s
     * per host must be between 0.001 and 100000 requests per second, or 0 for no limit."
     *
     * @param otherwise ", or 0 for no limit", or ""
     */
    public String rule(Naming naming, String otherwise) {
        String low = number(min, naming) + minNote.replace("%threads", THREADS.name(naming));
        return name(naming) + " must be " + (max == OPEN ? low + " or more"
                : "between " + low + " and " + number(max, naming) + unit + maxNote) + otherwise
                + ".";
    }

    /** {@link #rule} when {@code value} is out of the range, else null. */
    public String problem(double value, Naming naming) {
        return holds(value) ? null : rule(naming);
    }

    /**
     * The rule's figures: as a user types them into the Crawl tab's fields (256, 0.001,
     * 3600000); on the command line with thousands separators, as its other messages write
     * numbers (3,600,000).
     */
    private static String number(double n, Naming naming) {
        BigDecimal d = BigDecimal.valueOf(n).stripTrailingZeros();
        if (naming == Naming.OPTION && d.scale() <= 0) {
            return String.format(java.util.Locale.ROOT, "%,d", d.longValueExact());
        }
        return d.toPlainString();
    }
}
