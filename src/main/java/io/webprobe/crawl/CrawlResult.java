package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import java.util.Objects;

/**
 * One crawled URL. Immutable. {@link #inlinks()} is the count when the result was made; later
 * links raise it, so {@link CrawlJob#results()} returns copies with the current count.
 *
 * @param url the requested URL
 * @param status the HTTP status, or 0 when the request failed
 * @param error why the request failed, or null
 * @param errorMessage plain explanation of the error, or ""; without an error (and not
 *     skipped), why the links of a page that answered were not read (a body in a coding
 *     Webprobe cannot decode), which does not make it broken
 * @param contentType the media type without parameters, or ""
 * @param sizeBytes body size in bytes (as downloaded); -1 when not known (a HEAD answered
 *     without a Content-Length)
 * @param responseMillis request time until the end of the body, or until the request failed,
 *     in ms
 * @param title the HTML title, or ""
 * @param depth links from the start page (0 = start page)
 * @param inlinks distinct crawled pages linking here
 * @param outlinks distinct URLs this page links to
 * @param referrer the page that first linked here, or "" for the start URL
 * @param redirectTo the resolved Location of a redirect, or ""
 * @param external true when the URL is outside the crawl scope (checked, not crawled)
 * @param truncated true when the body was cut at the download cap
 * @param page what an HTML page says about itself; {@link PageInfo#NONE} for others
 * @param skipped why the URL was blocked (robots.txt, a rate limit, a bot wall; the last two
 *     keep the status they answered) or skipped (a trap guard), or null for a normal result
 * @param retries how often the URL was asked again after a 429 or 503 before this result
 * @param retriedStatus the status that made it ask again (429 or 503), or 0
 * @param accepted whether its 4xx/5xx status is one the crawl was told to accept
 *     ({@link CrawlPlan#accepts}): it keeps the status, and is not broken
 */
public record CrawlResult(
        String url,
        int status,
        ErrorKind error,
        String errorMessage,
        String contentType,
        long sizeBytes,
        long responseMillis,
        String title,
        int depth,
        int inlinks,
        int outlinks,
        String referrer,
        String redirectTo,
        boolean external,
        boolean truncated,
        PageInfo page,
        SkipReason skipped,
        int retries,
        int retriedStatus,
        boolean accepted)
        implements CrawlEvent {

    public CrawlResult {
        Objects.requireNonNull(url, "url");
        errorMessage = errorMessage == null ? "" : errorMessage;
        contentType = contentType == null ? "" : contentType;
        title = title == null ? "" : title;
        referrer = referrer == null ? "" : referrer;
        redirectTo = redirectTo == null ? "" : redirectTo;
        page = page == null ? PageInfo.NONE : page;
    }

    /** A result for a URL, built field by field; every field not set is empty or zero. */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /** A builder holding every field of this result, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(url).status(status).error(error, errorMessage).contentType(contentType)
                .sizeBytes(sizeBytes).responseMillis(responseMillis).title(title).depth(depth)
                .inlinks(inlinks).outlinks(outlinks).referrer(referrer).redirectTo(redirectTo)
                .external(external).truncated(truncated).page(page).skipped(skipped)
                .retries(retries).retriedStatus(retriedStatus).accepted(accepted);
    }

    /**
     * What the retries after a 429 or 503 (or a connection dropped without an answer) came to,
     * e.g. "503, OK after 2 retries", "503 after 3 retries", "No answer, OK after 1 retry"; ""
     * when the URL was asked once.
     */
    public String retryNote() {
        if (retries == 0) {
            return "";
        }
        String times = retries == 1 ? "1 retry" : retries + " retries";
        String first = retriedStatus > 0 ? Integer.toString(retriedStatus) : "No answer";
        if (status == retriedStatus) {
            return first + " after " + times;
        }
        String now = status >= 200 && status < 300 && skipped == null ? "OK" : statusText();
        return first + ", " + now + " after " + times;
    }

    /**
     * True for a 4xx/5xx status or a failed request; never for a blocked or skipped URL (a
     * 429 or a bot wall is the site keeping crawlers out, not a broken link), a status the
     * crawl accepts ({@code --accept}) or a stopped request.
     */
    public boolean isBroken() {
        return skipped == null && (brokenStatus(status, accepted)
                || (error != null && error != ErrorKind.CANCELLED));
    }

    /**
     * The one rule of a broken status: a 4xx or 5xx the crawl was not told to accept. Its SQL
     * is {@code io.webprobe.store.Schema#brokenStatus}.
     */
    public static boolean brokenStatus(int status, boolean accepted) {
        return status >= 400 && !accepted;
    }

    /**
     * The status code as text, or the error label when there was no response, or "Blocked" /
     * "Skipped" for a URL that was not fetched.
     */
    public String statusText() {
        if (skipped != null && status == 0) {
            return skipped.isBlock() ? "Blocked" : "Skipped";
        }
        return status > 0 ? Integer.toString(status) : error == null ? "" : error.label();
    }

    /**
     * {@link #statusText()} in a word or two where it has no room: an error's label as its
     * word ("Refused" for "Connection refused", {@code ErrorKind#word}), the rest as it is.
     */
    public String statusWord() {
        return status == 0 && skipped == null && error != null ? error.word() : statusText();
    }

    /**
     * What the workspace's Reason column says: why a URL failed, was blocked or skipped (its
     * sentence), a broken status in its standard words ("Not Found"; "Forbidden (accepted)"
     * for a status the crawl accepts), or "". Its sort order
     * in the crawl file is {@code io.webprobe.store.UrlField#REASON}, which says the same in
     * SQL.
     */
    public String reason() {
        if (skipped != null || error != null || !errorMessage.isEmpty()) {
            return errorMessage; // the last: a page whose links could not be read says why
        }
        if (status < 400) {
            return "";
        }
        String phrase = io.webprobe.http.StatusPhrases.of(status);
        return accepted ? (phrase + " (accepted)").strip() : phrase;
    }

    /**
     * Whether {@link #reason()} only says again what {@link #statusText()} says: a request that
     * got no answer whose sentence is its error's label in other words ("Host name could not be
     * resolved" under "DNS lookup failed"). The URL table leaves such a reason's cell empty (as
     * Screaming Frog shows "DNS lookup failed" once); the CSVs and a copy keep the sentence.
     */
    public boolean reasonRepeatsStatus() {
        return status == 0 && skipped == null && error != null
                && io.webprobe.http.ErrorClassifier.saysOnlyItsKind(error, errorMessage);
    }

    /**
     * Whether the URL was asked at all: one skipped (a trap guard, a folder left out) or
     * blocked by robots.txt was not, and has no size and no time; a rate-limited or bot-wall
     * one was answered (429, 403, 503, 999) and keeps them. The URL table leaves what is not
     * known blank, and the CSVs leave the field empty (never a 0 that reads as a value).
     */
    public boolean requested() {
        return skipped == null || status > 0;
    }

    /**
     * Whether the URL answered, so that its body size is known: a request that got no answer
     * (a refused connection, a timeout) has none. Its time until it failed is still known
     * ({@link #responseMillis()}).
     */
    public boolean answered() {
        return requested() && (status > 0 || error == null);
    }

    /**
     * Whether its body size is known: it answered, and not to a HEAD without a
     * Content-Length. The URL table leaves an unknown size blank and the CSVs leave it empty.
     */
    public boolean sizeKnown() {
        return answered() && sizeBytes >= 0;
    }

    /** A copy with another inlink count. */
    public CrawlResult withInlinks(int n) {
        return toBuilder().inlinks(n).build();
    }

    /** What kind of result this is. */
    public Outcome outcome() {
        if (skipped != null) {
            return skipped.isBlock() ? Outcome.BLOCKED : Outcome.SKIPPED;
        }
        if (error != null) {
            return Outcome.ERROR;
        }
        if (brokenStatus(status, accepted)) {
            return Outcome.BROKEN;
        }
        if (status >= 400) {
            return Outcome.OK; // a status the crawl accepts
        }
        if (status >= 300 || !redirectTo.isEmpty()) {
            return Outcome.REDIRECT;
        }
        return Outcome.OK;
    }

    /**
     * Whether a search engine may index this URL: an HTML page answering 200, not marked
     * noindex, whose canonical (if any) is itself (by the dedup key: {@code /%63s3.html} is
     * {@code /cs3.html}, {@link io.webprobe.http.Urls#sameKey}).
     */
    public boolean indexable() {
        return notIndexable() == null;
    }

    /** The conditions of {@link #indexable()}, in the order they are checked. */
    public enum NotIndexable {
        /** No 200 answer (another status, no answer, or not fetched). */
        STATUS,
        EXTERNAL,
        REDIRECT,
        NOT_HTML,
        NOINDEX,
        /** A canonical naming another URL. */
        CANONICAL
    }

    /** The first condition of {@link #indexable()} this URL fails, or null when it holds. */
    public NotIndexable notIndexable() {
        if (status != 200) {
            return NotIndexable.STATUS;
        }
        if (external) {
            return NotIndexable.EXTERNAL;
        }
        if (!redirectTo.isEmpty()) {
            return NotIndexable.REDIRECT;
        }
        if (!io.webprobe.http.ContentTypes.isHtml(contentType)) {
            return NotIndexable.NOT_HTML;
        }
        if (page.noindex()) {
            return NotIndexable.NOINDEX;
        }
        if (!page.canonical().isEmpty() && !io.webprobe.http.Urls.sameKey(page.canonical(), url)) {
            return NotIndexable.CANONICAL;
        }
        return null;
    }

    /** Builds a {@link CrawlResult}; not thread-safe. */
    public static final class Builder {
        private final String url;
        private int status;
        private ErrorKind error;
        private String errorMessage = "";
        private String contentType = "";
        private long sizeBytes;
        private long responseMillis;
        private String title = "";
        private int depth;
        private int inlinks;
        private int outlinks;
        private String referrer = "";
        private String redirectTo = "";
        private boolean external;
        private boolean truncated;
        private PageInfo page = PageInfo.NONE;
        private SkipReason skipped;
        private int retries;
        private int retriedStatus;
        private boolean accepted;

        private Builder(String url) {
            this.url = url;
        }

        public Builder status(int s) {
            status = s;
            return this;
        }

        /** Why there is no response (or why a redirect is an error), with a plain message. */
        public Builder error(ErrorKind kind, String message) {
            error = kind;
            errorMessage = message;
            return this;
        }

        /** A plain message without an error kind (the reason of a blocked or skipped row). */
        public Builder message(String m) {
            errorMessage = m;
            return this;
        }

        public Builder contentType(String t) {
            contentType = t;
            return this;
        }

        public Builder sizeBytes(long n) {
            sizeBytes = n;
            return this;
        }

        public Builder responseMillis(long ms) {
            responseMillis = ms;
            return this;
        }

        public Builder title(String t) {
            title = t;
            return this;
        }

        public Builder depth(int d) {
            depth = d;
            return this;
        }

        public Builder inlinks(int n) {
            inlinks = n;
            return this;
        }

        public Builder outlinks(int n) {
            outlinks = n;
            return this;
        }

        public Builder referrer(String r) {
            referrer = r;
            return this;
        }

        public Builder redirectTo(String r) {
            redirectTo = r;
            return this;
        }

        public Builder external(boolean e) {
            external = e;
            return this;
        }

        public Builder truncated(boolean t) {
            truncated = t;
            return this;
        }

        public Builder page(PageInfo p) {
            page = p;
            return this;
        }

        public Builder skipped(SkipReason why) {
            skipped = why;
            return this;
        }

        public Builder retries(int n) {
            retries = n;
            return this;
        }

        public Builder retriedStatus(int s) {
            retriedStatus = s;
            return this;
        }

        public Builder accepted(boolean a) {
            accepted = a;
            return this;
        }

        public CrawlResult build() {
            return new CrawlResult(url, status, error, errorMessage, contentType, sizeBytes,
                    responseMillis, title, depth, inlinks, outlinks, referrer, redirectTo,
                    external, truncated, page, skipped, retries, retriedStatus, accepted);
        }
    }
}
