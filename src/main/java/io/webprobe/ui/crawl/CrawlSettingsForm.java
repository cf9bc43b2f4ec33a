package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlLimit;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.ui.common.NumberText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The crawl settings as the user edits them: text for numbers (blank = no limit), regexes (one
 * a line) and the user agent (blank = the default), booleans for the check boxes. {@link #read()} turns them into a {@link
 * CrawlSettings} or names the first bad field in one sentence; the text is left as typed. Lives
 * on the FX thread, like its {@link CrawlViewModel}.
 */
public final class CrawlSettingsForm {
    /** The fields, so the view can point at the one in error. */
    public enum Field {
        THREADS, INCLUDE, EXCLUDE, MAX_DEPTH, MAX_PAGES, MAX_URL_LENGTH, MAX_SEGMENT_REPEATS,
        MAX_QUERY_VARIANTS, USER_AGENT, MAX_PER_HOST, MAX_REQUESTS_PER_SECOND, DELAY, TIMEOUT,
        MAX_PAGE_SIZE, CERTIFICATE_FILE, ACCEPT, HEADERS, MAX_RETRIES, MAX_RETRY_AFTER,
        MAX_CRAWL_DELAY
    }

    /** A plain decimal as people type it: "10", "0.5", ".5"; no signs, exponents or commas. */

    private final IntegerProperty threads = new SimpleIntegerProperty(this, "threads");
    private final BooleanProperty subdomains = new SimpleBooleanProperty(this, "subdomains");
    private final StringProperty include = new SimpleStringProperty(this, "include", "");
    private final StringProperty exclude = new SimpleStringProperty(this, "exclude", "");
    private final StringProperty maxDepth = new SimpleStringProperty(this, "maxDepth", "");
    private final StringProperty maxPages = new SimpleStringProperty(this, "maxPages", "");
    private final BooleanProperty checkExternal = new SimpleBooleanProperty(this, "checkExternal");
    private final StringProperty maxUrlLength = new SimpleStringProperty(this, "maxUrlLength", "");
    private final StringProperty maxSegmentRepeats =
            new SimpleStringProperty(this, "maxSegmentRepeats", "");
    private final StringProperty maxQueryVariants =
            new SimpleStringProperty(this, "maxQueryVariants", "");
    private final BooleanProperty respectRobots = new SimpleBooleanProperty(this, "respectRobots");
    private final BooleanProperty followNofollow = new SimpleBooleanProperty(this, "followNofollow");
    private final BooleanProperty useSitemaps = new SimpleBooleanProperty(this, "useSitemaps");
    private final BooleanProperty checkAnchors = new SimpleBooleanProperty(this, "checkAnchors");
    private final StringProperty maxPerHost = new SimpleStringProperty(this, "maxPerHost", "");
    private final StringProperty delayMillis = new SimpleStringProperty(this, "delayMillis", "");
    private final StringProperty timeoutSeconds = new SimpleStringProperty(this, "timeoutSeconds", "");
    private final StringProperty maxPageMegabytes =
            new SimpleStringProperty(this, "maxPageMegabytes", "");
    private final StringProperty userAgent = new SimpleStringProperty(this, "userAgent", "");
    private final StringProperty maxRequestsPerSecond =
            new SimpleStringProperty(this, "maxRequestsPerSecond", "");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final StringProperty certificateFile =
            new SimpleStringProperty(this, "certificateFile", "");
    private final StringProperty accept = new SimpleStringProperty(this, "accept", "");
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");
    private final BooleanProperty cookies = new SimpleBooleanProperty(this, "cookies");
    private final BooleanProperty allowPrivate = new SimpleBooleanProperty(this, "allowPrivate");
    private final StringProperty maxRetries = new SimpleStringProperty(this, "maxRetries", "");
    private final StringProperty maxRetryAfter =
            new SimpleStringProperty(this, "maxRetryAfter", "");
    private final StringProperty maxCrawlDelay =
            new SimpleStringProperty(this, "maxCrawlDelay", "");

    /** The settings are for a list check (sitemaps are not read then). */
    private final BooleanProperty forList = new SimpleBooleanProperty(this, "forList");

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Field> errorField = new ReadOnlyObjectWrapper<>(this, "errorField");
    /** Every field whose text cannot be read as it stands, with its sentence, after each edit. */
    private final ReadOnlyObjectWrapper<Map<Field, String>> badFields =
            new ReadOnlyObjectWrapper<>(this, "badFields", Map.of());
    private final ReadOnlyStringWrapper changes = new ReadOnlyStringWrapper(this, "changes", "");
    /**
     * Whether the form shows the defaults put back by {@link #resetToDefaults} (edited since
     * or not) rather than settings loaded: a crawl's shown, reset, are no longer the crawl's.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper reset =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "reset");
    /** After each edit that leaves the form valid (remembering the settings), or null. */
    private Consumer<CrawlSettings> onValidEdit;

    /** A form showing {@link CrawlSettings#DEFAULT}. */
    public CrawlSettingsForm() {
        load(CrawlSettings.DEFAULT);
        Observable[] all = {threads, subdomains, include, exclude, maxDepth, maxPages,
            checkExternal, maxUrlLength, maxSegmentRepeats, maxQueryVariants, respectRobots,
            followNofollow, useSitemaps, maxPerHost, delayMillis, timeoutSeconds, maxPageMegabytes,
            userAgent, maxRequestsPerSecond, insecure, certificateFile, accept,
            checkAnchors, headers, cookies, allowPrivate, maxRetries, maxRetryAfter,
            maxCrawlDelay};
        Arrays.stream(all).forEach(p -> p.addListener(o -> edited()));
        forList.addListener(o -> edited());
        edited();
    }

    /**
     * Any edit clears the error (as editing the URL does), marks every field that cannot be
     * read as it stands (not only the one the next Start names), and refreshes the summary.
     */
    private void edited() {
        error.set("");
        errorField.set(null);
        CrawlSettings now;
        Map<Field, String> bad = new EnumMap<>(Field.class);
        try {
            now = parse(bad);
        } catch (Invalid | IllegalArgumentException e) {
            now = null;
        }
        badFields.set(Collections.unmodifiableMap(bad));
        changes.set(now == null ? "" : now.changes(forList.get()));
        if (now != null && onValidEdit != null) {
            onValidEdit.accept(now);
        }
    }

    /**
     * What to do with the settings after each edit that leaves the form valid (remember them);
     * an edit that leaves a field invalid is not passed on.
     */
    public void setOnValidEdit(Consumer<CrawlSettings> action) {
        this.onValidEdit = action;
    }

    /** Puts every setting back to its default (Reset all to defaults). */
    public void resetToDefaults() {
        load(CrawlSettings.DEFAULT);
        reset.set(true);
    }

    /** Whether the defaults put back by {@link #resetToDefaults} are shown, not settings loaded. */
    public javafx.beans.property.ReadOnlyBooleanProperty resetProperty() {
        return reset.getReadOnlyProperty();
    }

    /** Shows these settings in the form. */
    public void load(CrawlSettings s) {
        reset.set(false);
        threads.set(s.threads());
        subdomains.set(s.subdomains());
        include.set(String.join("\n", s.include()));
        exclude.set(String.join("\n", s.exclude()));
        maxDepth.set(s.maxDepth() == CrawlPlan.UNLIMITED ? "" : Integer.toString(s.maxDepth()));
        maxPages.set(s.maxPages() == CrawlPlan.UNLIMITED ? "" : Integer.toString(s.maxPages()));
        checkExternal.set(s.checkExternal());
        maxUrlLength.set(Integer.toString(s.maxUrlLength()));
        maxSegmentRepeats.set(Integer.toString(s.maxSegmentRepeats()));
        maxQueryVariants.set(Integer.toString(s.maxQueryVariants()));
        respectRobots.set(s.respectRobots());
        followNofollow.set(s.followNofollow());
        useSitemaps.set(s.useSitemaps());
        checkAnchors.set(s.checkAnchors());
        maxPerHost.set(s.maxPerHost() == 0 ? "" : Integer.toString(s.maxPerHost()));
        delayMillis.set(Long.toString(s.delayMillis()));
        timeoutSeconds.set(CrawlSettings.plain(s.timeoutSeconds()));
        maxPageMegabytes.set(CrawlSettings.plain(s.maxPageMegabytes()));
        userAgent.set(s.userAgent());
        maxRequestsPerSecond.set(s.maxRequestsPerSecond() == CrawlSettings.NO_RATE_LIMIT ? ""
                : CrawlSettings.plain(s.maxRequestsPerSecond()));
        insecure.set(s.insecure());
        certificateFile.set(s.caCertFile());
        accept.set(s.accept());
        headers.set(String.join("\n", s.headers()));
        cookies.set(s.cookies());
        allowPrivate.set(s.allowPrivate());
        maxRetries.set(Integer.toString(s.maxRetries()));
        maxRetryAfter.set(CrawlSettings.plain(s.maxRetryAfterSeconds()));
        maxCrawlDelay.set(CrawlSettings.plain(s.maxCrawlDelaySeconds()));
    }

    /**
     * The settings in the form, or empty with {@link #errorProperty()} set to a sentence about
     * each bad field (a line each, in the form's order: with three fields outlined red, only
     * the first was named) and {@link #errorFieldProperty()} to the first of them.
     */
    public Optional<CrawlSettings> read() {
        Map<Field, String> bad = new java.util.LinkedHashMap<>();
        try {
            CrawlSettings s = parse(bad);
            if (s != null) {
                error.set("");
                errorField.set(null);
                return Optional.of(s);
            }
            error.set(String.join("\n", bad.values()));
            errorField.set(bad.keySet().iterator().next());
            return Optional.empty();
        } catch (IllegalArgumentException e) { // the settings' own checks; the form's come first
            error.set(e.getMessage());
            errorField.set(null);
            return Optional.empty();
        }
    }

    /**
     * The largest whole number a limit takes, as the command line names it for a value too
     * big ("--max-url-length takes a whole number up to 2,147,483,647"): the range said whole.
     */
    static final String INT_MAX = "2,147,483,647";

    /**
     * Reads the fields.
     *
     * @param bad null: the first bad field throws its {@link Invalid}; else every bad field is
     *     added to it, and the settings are null when there is one
     */
    private CrawlSettings parse(Map<Field, String> bad) {
        int t = threads.get();
        check(bad, () -> {
            if (!CrawlLimit.THREADS.holds(t)) {
                throw new Invalid(Field.THREADS, "Threads must be a whole number from 1 to 256.");
            }
            return 0L;
        });
        List<String> inc = lines(include.get());
        List<String> exc = lines(exclude.get());
        check(bad, () -> regexes(inc, "Include", Field.INCLUDE));
        check(bad, () -> regexes(exc, "Exclude", Field.EXCLUDE));
        int depth = (int) check(bad, () -> number(maxDepth, Field.MAX_DEPTH, CrawlLimit.MAX_DEPTH,
                CrawlPlan.UNLIMITED, "Max depth must be a whole number from 0 (the start page "
                        + "only) to " + INT_MAX + ", or blank for no limit."));
        int pages = (int) check(bad, () -> number(maxPages, Field.MAX_PAGES, CrawlLimit.MAX_PAGES,
                CrawlPlan.UNLIMITED, "Max pages must be a whole number from 1 to " + INT_MAX
                        + ", or blank for no limit."));
        int urlLength = (int) check(bad, () -> number(maxUrlLength, Field.MAX_URL_LENGTH,
                CrawlLimit.MAX_URL_LENGTH, null,
                "Max URL length must be a whole number from 10 to " + INT_MAX + "."));
        int repeats = (int) check(bad, () -> number(maxSegmentRepeats, Field.MAX_SEGMENT_REPEATS,
                CrawlLimit.MAX_SEGMENT_REPEATS, null, "Max segment repeats must be a whole number "
                        + "from 1 to " + INT_MAX + "."));
        int variants = (int) check(bad, () -> number(maxQueryVariants, Field.MAX_QUERY_VARIANTS,
                CrawlLimit.MAX_QUERY_VARIANTS, null, "Max query variants must be a whole number "
                        + "from 1 to " + INT_MAX + "."));
        String agent = userAgent.get().strip();
        check(bad, () -> {
            if (!CrawlSettings.isPrintableAscii(agent)) {
                throw new Invalid(Field.USER_AGENT, "User agent must be printable ASCII text on "
                        + "one line, or blank for the default.");
            }
            return 0L;
        });
        int perHost = (int) check(bad, () -> number(maxPerHost, Field.MAX_PER_HOST,
                CrawlLimit.MAX_PER_HOST, 0, CrawlLimit.MAX_PER_HOST.name(CrawlLimit.Naming.LABEL)
                        + " must be a whole number from 0 to 256, or blank for as many as there "
                        + "are threads."));
        double rate = checkDecimal(bad, () -> decimal(maxRequestsPerSecond,
                Field.MAX_REQUESTS_PER_SECOND, CrawlLimit.REQUESTS_PER_SECOND.min(),
                CrawlLimit.REQUESTS_PER_SECOND.max(), CrawlSettings.NO_RATE_LIMIT,
                "Max requests/s per host must be a number from 0.001 to 100000, like 2 or 0.5, "
                        + "or blank for no limit."));
        long delay = check(bad, () -> number(delayMillis, Field.DELAY, CrawlLimit.DELAY_MILLIS, 0,
                "Delay per host must be a whole number of milliseconds from 0 to 3600000 "
                        + "(an hour)."));
        double timeout = checkDecimal(bad, () -> decimal(timeoutSeconds, Field.TIMEOUT,
                CrawlSettings.MIN_TIMEOUT_SECONDS, CrawlSettings.MAX_TIMEOUT_SECONDS, null,
                "Timeout must be a number of seconds from 0.001 to 600, like 15 or 2.5."));
        double pageSize = checkDecimal(bad, () -> decimal(maxPageMegabytes, Field.MAX_PAGE_SIZE,
                CrawlSettings.MIN_PAGE_MEGABYTES, CrawlSettings.MAX_PAGE_MEGABYTES, null,
                "Max page size must be a number of megabytes from 0.001 to 8192, like 10 "
                        + "or 0.5."));
        // skipping the checks trusts everything: a file beside it (its field greyed) is moot
        String typed = insecure.get() ? "" : certificateFile.get().strip();
        String[] certificates = {typed};
        if (!typed.isEmpty()) {
            // kept in the crawl file: a resume from another folder finds it too, as the
            // command line's --cacert does (whether it is there is the crawl's start to say,
            // off this thread)
            check(bad, () -> {
                try {
                    certificates[0] = Path.of(typed).toAbsolutePath().toString();
                } catch (InvalidPathException e) {
                    throw new Invalid(Field.CERTIFICATE_FILE, "The certificate file must be the "
                            + "path of one file.");
                }
                return 0L;
            });
        }
        String accepted = accept.get().strip();
        check(bad, () -> {
            try {
                CrawlSettings.accepted(accepted);
            } catch (IllegalArgumentException e) {
                throw new Invalid(Field.ACCEPT, e.getMessage());
            }
            return 0L;
        });
        List<String> headerLines = lines(headers.get());
        check(bad, () -> {
            try {
                CrawlSettings.siteHeaders(headerLines); // the command line's -H sentence
            } catch (IllegalArgumentException e) {
                throw new Invalid(Field.HEADERS, e.getMessage());
            }
            return 0L;
        });
        int retries = (int) check(bad, () -> number(maxRetries, Field.MAX_RETRIES,
                CrawlLimit.MAX_RETRIES, null,
                CrawlLimit.MAX_RETRIES.rule(CrawlLimit.Naming.LABEL)));
        double retryAfter = checkDecimal(bad, () -> decimal(maxRetryAfter, Field.MAX_RETRY_AFTER,
                0, CrawlSettings.MAX_WAIT_SECONDS, null, "Max Retry-After wait must be a number "
                        + "of seconds from 0 to 3600, like 60 or 0.5."));
        double crawlDelay = checkDecimal(bad, () -> decimal(maxCrawlDelay, Field.MAX_CRAWL_DELAY,
                0, CrawlSettings.MAX_WAIT_SECONDS, null, "Max Crawl-delay must be a number of "
                        + "seconds from 0 (Crawl-delay ignored) to 3600, like 10 or 0.5."));
        if (bad != null && !bad.isEmpty()) {
            return null;
        }
        return CrawlSettings.builder()
                .threads(t)
                .subdomains(subdomains.get())
                .include(inc)
                .exclude(exc)
                .maxDepth(depth)
                .maxPages(pages)
                .checkExternal(checkExternal.get())
                .maxUrlLength(urlLength)
                .maxSegmentRepeats(repeats)
                .maxQueryVariants(variants)
                .respectRobots(respectRobots.get())
                .followNofollow(followNofollow.get())
                .useSitemaps(useSitemaps.get())
                .maxPerHost(perHost)
                .delayMillis(delay)
                .timeoutSeconds(timeout)
                .maxPageMegabytes(pageSize)
                .userAgent(agent)
                .maxRequestsPerSecond(rate)
                .insecure(insecure.get())
                .caCertFile(certificates[0])
                .accept(accepted)
                .checkAnchors(checkAnchors.get())
                .headers(headerLines)
                .cookies(cookies.get())
                .allowPrivate(allowPrivate.get())
                .maxRetries(retries)
                .maxRetryAfterSeconds(retryAfter)
                .maxCrawlDelaySeconds(crawlDelay)
                .build();
    }

    /** One field's check: its value, or (collecting) 0 with the field added to {@code bad}. */
    private static long check(Map<Field, String> bad, java.util.function.LongSupplier read) {
        try {
            return read.getAsLong();
        } catch (Invalid e) {
            if (bad == null) {
                throw e;
            }
            bad.put(e.field, e.getMessage());
            return 0;
        }
    }

    private static double checkDecimal(Map<Field, String> bad, java.util.function.DoubleSupplier read) {
        try {
            return read.getAsDouble();
        } catch (Invalid e) {
            if (bad == null) {
                throw e;
            }
            bad.put(e.field, e.getMessage());
            return 0;
        }
    }

    /** Non-blank lines, trimmed: one regex a line. */
    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static long regexes(List<String> regexes, String what, Field field) {
        try {
            CrawlSettings.compile(regexes, what);
        } catch (IllegalArgumentException e) {
            throw new Invalid(field, e.getMessage());
        }
        // a new crawl's only: a stored crawl's settings, shown or resumed, are what they were
        for (String r : regexes) {
            String never = io.webprobe.crawl.CrawlScope.neverMatches(r);
            if (never != null) {
                throw new Invalid(field, what + " pattern \"" + r + "\" " + never + ".");
            }
        }
        return 0;
    }

    /** A whole number in the limit's range from the field. */
    private static long number(StringProperty text, Field field, CrawlLimit limit, Integer blank,
            String sentence) {
        return number(text, field, (long) limit.min(), (long) limit.max(), blank, sentence);
    }

    /**
     * A whole number in [min, max] from the field.
     *
     * @param blank the value of an empty field, or null when the field must not be empty
     */
    private static long number(StringProperty text, Field field, long min, long max, Integer blank,
            String sentence) {
        String s = text.get().strip();
        if (s.isEmpty() && blank != null) {
            return blank;
        }
        // "10,000" as the app writes it (NumberText, as the number boxes read theirs)
        java.math.BigInteger n = NumberText.whole(s).orElseThrow(() -> new Invalid(field, sentence));
        if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0
                || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw new Invalid(field, sentence);
        }
        return n.longValueExact();
    }

    /**
     * A decimal number in [min, max] from the field.
     *
     * @param blank the value of an empty field, or null when the field must not be empty
     */
    private static double decimal(StringProperty text, Field field, double min, double max,
            Double blank, String sentence) {
        String s = text.get().strip();
        if (s.isEmpty() && blank != null) {
            return blank;
        }
        double n = NumberText.decimal(s).orElseThrow(() -> new Invalid(field, sentence))
                .doubleValue();
        if (!(n >= min && n <= max)) {
            throw new Invalid(field, sentence);
        }
        return n;
    }

    /** A field that cannot be read, with the sentence to show. */
    private static final class Invalid extends RuntimeException {
        private final Field field;

        Invalid(Field field, String sentence) {
            super(sentence, null, false, false);
            this.field = field;
        }
    }

    /** One sentence about the first bad field after {@link #read()}, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Every field whose text cannot be read as it stands (marked at once, as typed). */
    public ReadOnlyObjectProperty<Map<Field, String>> badFieldsProperty() {
        return badFields.getReadOnlyProperty();
    }

    /** The field {@link #errorProperty()} is about, or null. */
    public ReadOnlyObjectProperty<Field> errorFieldProperty() {
        return errorField.getReadOnlyProperty();
    }

    /**
     * Whether the settings are for a list check: the summary says so of sitemaps, and the
     * view disables their box (a list check reads none).
     */
    public BooleanProperty forListProperty() {
        return forList;
    }

    /**
     * {@link CrawlSettings#changes(boolean)} of what the form holds now ("" when it is
     * invalid).
     */
    public ReadOnlyStringProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }

    public IntegerProperty threadsProperty() {
        return threads;
    }

    public BooleanProperty subdomainsProperty() {
        return subdomains;
    }

    /** Include regexes, one a line. */
    public StringProperty includeProperty() {
        return include;
    }

    /** Exclude regexes, one a line. */
    public StringProperty excludeProperty() {
        return exclude;
    }

    /** Blank for no limit. */
    public StringProperty maxDepthProperty() {
        return maxDepth;
    }

    /** Blank for no limit. */
    public StringProperty maxPagesProperty() {
        return maxPages;
    }

    public BooleanProperty checkExternalProperty() {
        return checkExternal;
    }

    public StringProperty maxUrlLengthProperty() {
        return maxUrlLength;
    }

    public StringProperty maxSegmentRepeatsProperty() {
        return maxSegmentRepeats;
    }

    public StringProperty maxQueryVariantsProperty() {
        return maxQueryVariants;
    }

    public BooleanProperty respectRobotsProperty() {
        return respectRobots;
    }

    public BooleanProperty followNofollowProperty() {
        return followNofollow;
    }

    public BooleanProperty useSitemapsProperty() {
        return useSitemaps;
    }

    public BooleanProperty checkAnchorsProperty() {
        return checkAnchors;
    }

    /** Blank or 0 for as many as there are threads. */
    public StringProperty maxPerHostProperty() {
        return maxPerHost;
    }

    /** Milliseconds. */
    public StringProperty delayMillisProperty() {
        return delayMillis;
    }

    /** Seconds, decimals allowed (to the millisecond). */
    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    /** Megabytes (1 MB = 1,048,576 bytes), decimals allowed: the download cap per page. */
    public StringProperty maxPageMegabytesProperty() {
        return maxPageMegabytes;
    }

    /** Blank for the default user agent. */
    public StringProperty acceptProperty() {
        return accept;
    }

    public StringProperty userAgentProperty() {
        return userAgent;
    }

    /** Requests per second to one host, decimals allowed; blank for no limit. */
    public StringProperty maxRequestsPerSecondProperty() {
        return maxRequestsPerSecond;
    }

    /** Accept any certificate for any name (--insecure); the file is then not used. */
    public BooleanProperty insecureProperty() {
        return insecure;
    }

    /** A PEM file to trust besides the usual authorities (--cacert); blank for none. */
    public StringProperty certificateFileProperty() {
        return certificateFile;
    }

    /**
     * Request headers for the site's own URLs, "Name: value" a line, as the command line's -H
     * takes them.
     */
    public StringProperty headersProperty() {
        return headers;
    }

    /** Keep the cookies the site sets and send them back (off: --no-cookies). */
    public BooleanProperty cookiesProperty() {
        return cookies;
    }

    /** Request links to private addresses from a public site (--allow-private). */
    public BooleanProperty allowPrivateProperty() {
        return allowPrivate;
    }

    /** Asks again after a 429 or 503, 0 to 10 (--max-retries). */
    public StringProperty maxRetriesProperty() {
        return maxRetries;
    }

    /** Seconds, decimals allowed (--max-retry-after). */
    public StringProperty maxRetryAfterProperty() {
        return maxRetryAfter;
    }

    /** Seconds, decimals allowed; 0 ignores Crawl-delay (--max-crawl-delay). */
    public StringProperty maxCrawlDelayProperty() {
        return maxCrawlDelay;
    }
}
