package io.webprobe.crawl;

/**
 * Why a discovered URL was not crawled (a limit or a trap guard: outcome "skipped"), or why the
 * site kept us out (robots.txt, a rate limit, a bot wall: outcome "blocked", never broken).
 */
public enum SkipReason {
    /** Deeper than the plan's maximum depth. */
    MAX_DEPTH("Deeper than the depth limit", false),
    /** The plan's page limit was reached. */
    MAX_PAGES("Page limit reached", false),
    /** Matched an exclude pattern. */
    EXCLUDED("Matches an exclude pattern", false),
    /** Matched no include pattern. */
    NOT_INCLUDED("Matches no include pattern", false),
    /** Longer than the URL length limit: a likely trap. */
    URL_TOO_LONG("URL longer than the limit (likely a crawler trap)", true),
    /** A path segment repeats too often: a likely trap. */
    REPEATED_SEGMENTS("Repeating path segments (likely a crawler trap)", true),
    /** Too many query variants of one path: a likely trap. */
    QUERY_VARIANTS("Too many query variants of one path (likely a crawler trap)", true),
    /** robots.txt disallows it (or could not be read). Blocked, not broken. */
    ROBOTS("Blocked by robots.txt", true),
    /** 429 (or 503) with a Retry-After beyond the cap, or still after every retry. Blocked. */
    RATE_LIMITED("Rate limited", true),
    /** A challenge or captcha page (403/429/503 with a known marker, or 999). Blocked. */
    BOT_WALL("Bot wall", true),
    /** A private or loopback address linked from a public site: not requested. Blocked. */
    PRIVATE_ADDRESS("Private address", true);

    private final String label;
    private final boolean trap;

    SkipReason(String label, boolean trap) {
        this.label = label;
        this.trap = trap;
    }

    /** A plain sentence fragment, e.g. "Page limit reached". */
    public String label() {
        return label;
    }

    /**
     * The label inside a sentence: "page limit reached", "blocked by robots.txt"; "URL longer
     * than the limit…" keeps its capitals.
     */
    public String inSentence() {
        return Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }

    /** Whether the site asked not to be crawled here (outcome "blocked", not "skipped"). */
    public boolean isBlock() {
        return this == ROBOTS || this == RATE_LIMITED || this == BOT_WALL
                || this == PRIVATE_ADDRESS;
    }

    /** Trap guards report each URL as a row; limits the user chose are only counted. */
    public boolean reportAsRow() {
        return trap;
    }
}
