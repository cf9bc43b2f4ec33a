package io.webprobe.crawl;

import io.webprobe.Words;
import io.webprobe.http.ErrorKind;

/**
 * A link from a crawled page to a URL that is broken (4xx, 5xx, failed request or an invalid
 * URL), one per source page and target; or, when the crawl checks anchors, a link to a page of
 * the site that answered but lacks the anchor the link's fragment names (a missing anchor: the
 * page is not broken, its status is the page's own), one per source page, target and
 * fragment. Immutable.
 *
 * @param sourceUrl the page containing the link
 * @param linkUrl the resolved link target (or the raw href when it is not a valid URL)
 * @param status the target's HTTP status, or 0
 * @param error the target's failure, or null
 * @param errorMessage plain explanation, or ""
 * @param anchorText the link text (or an image's alt text), whitespace collapsed
 * @param linkType where the link was found: a, img, srcset, script, css, icon, iframe,
 *     meta-refresh... (see {@code LinkExtractor})
 * @param finalUrl where the link ends up: the target itself, or the last URL of its redirect
 *     chain ("" for an href that is not a URL, and for a redirect loop, which has no end)
 * @param redirectChain the target's redirect chain when it redirects
 *     ({@code http://s/go [301] → http://s/gone [404]}), else ""
 * @param missingAnchor the fragment (without "#", as the URL holds it) a missing anchor's link
 *     names, else ""
 */
public record BrokenLink(
        String sourceUrl,
        String linkUrl,
        int status,
        ErrorKind error,
        String errorMessage,
        String anchorText,
        String linkType,
        String finalUrl,
        String redirectChain,
        String missingAnchor)
        implements CrawlEvent {

    public BrokenLink {
        missingAnchor = missingAnchor == null ? "" : missingAnchor;
    }

    /** A link to a broken URL (not a missing anchor). */
    public BrokenLink(String sourceUrl, String linkUrl, int status, ErrorKind error,
            String errorMessage, String anchorText, String linkType, String finalUrl,
            String redirectChain) {
        this(sourceUrl, linkUrl, status, error, errorMessage, anchorText, linkType, finalUrl,
                redirectChain, "");
    }

    /** Whether this is a link to an anchor its page lacks, rather than to a broken URL. */
    public boolean isMissingAnchor() {
        return !missingAnchor.isEmpty();
    }

    /**
     * Whether a missing anchor was looked for on the page the link's redirects end at
     * ({@link #finalUrl}), where a browser carries the fragment (Fetch), not on its target.
     */
    public boolean anchorAfterRedirect() {
        return isMissingAnchor() && !redirectChain.isEmpty();
    }

    /**
     * Whether the link's redirects end at another URL ({@link #finalUrl}): what the CLI's line
     * ("redirects to …") and the Broken links tab's "Ends at" show, never for a link without
     * redirects.
     */
    public boolean redirectsElsewhere() {
        return !redirectChain.isEmpty() && !finalUrl.isEmpty() && !finalUrl.equals(linkUrl);
    }

    /**
     * Whether the link is an href that is no URL at all, so nothing was requested: a
     * malformed URL, a mailto: link with a malformed address, a file: link; {@link
     * #errorMessage} says what is wrong with it.
     */
    public boolean notAUrl() {
        return error == ErrorKind.INVALID_URL && status == 0 && finalUrl.isEmpty();
    }

    /**
     * Whether a browser can open the link: any but an href that is no URL ({@link #notAUrl}),
     * save a mailto: link, which opens the mail program with the address as written (as a
     * visitor's click does, which shows what is wrong with it).
     */
    public boolean opensInBrowser() {
        return !notAUrl() || HrefCheck.isMailto(linkUrl);
    }

    /** {@link #notAUrlInBrief} of a mailto: link whose address is malformed. */
    public static final String BAD_EMAIL_ADDRESS = "Bad email address";

    /** {@link #notAUrlInBrief} of an http(s) href that is malformed. */
    public static final String MALFORMED_URL = "Malformed URL";

    /**
     * What is wrong with an href that is no URL ({@link #notAUrl}), in a few words: "Bad email
     * address", "file: link", "file: URL", "file: canonical", "Malformed URL", or its reason
     * whole when it is of another kind; "" for another link.
     */
    public String notAUrlInBrief() {
        return notAUrl() ? inBrief(errorMessage) : "";
    }

    /**
     * What is wrong with an href that is no URL, in a few words, from its reason as the crawl
     * file keeps it: {@link #notAUrlInBrief} for a link of the Broken links tab, and the
     * status of such a link among a page's outlinks (the details pane), in the same words;
     * "" when the reason is "" (a file that lost it).
     */
    public static String inBrief(String reason) {
        return reason.isEmpty() ? "" : LinkCollector.brief(reason);
    }

    /**
     * What compare gives as the link's value (new or fixed): for an href that is no URL its
     * reason, in the words of the crawl's line ("malformed email address: no @ in x.com", not
     * "Invalid URL"), else {@link #statusText}.
     */
    public String statusOrReason() {
        return notAUrl() && !errorMessage.isEmpty() ? Words.inLine(errorMessage) : statusText();
    }

    /** Between the hops of a {@link #redirectChain}. */
    private static final java.util.regex.Pattern HOPS =
            java.util.regex.Pattern.compile(" → ", java.util.regex.Pattern.LITERAL);

    /**
     * The URLs the link's target was requested at: the target, then each later hop of its
     * {@link #redirectChain} ({@code http://s/a [301] → http://s/b [404]} gives a, b; a loop's
     * last, {@code → http://s/a (loop)}, is a again). A stored URL holds no space, so each
     * hop's URL is the text before its first space. Not a last hop without a status: a
     * redirect not followed (too many, or to a Location that is no URL) was never requested.
     * None for an href that is no URL. A missing anchor's are without its fragment, as they
     * were requested: its page, or the hops of the redirects that end there.
     */
    public java.util.List<String> requestedUrls() {
        if (notAUrl()) {
            return java.util.List.of();
        }
        if (redirectChain.isEmpty()) {
            return java.util.List.of(isMissingAnchor() ? finalUrl : linkUrl);
        }
        return HOPS.splitAsStream(redirectChain)
                .filter(hop -> hop.contains(" [") || hop.endsWith(" (loop)"))
                .map(hop -> hop.split(" ", 2)[0])
                .toList();
    }

    /** What is wrong, for a missing anchor: {@code missing anchor #x}; else "". */
    public String problem() {
        return isMissingAnchor() ? "missing anchor #" + missingAnchor : "";
    }

    /**
     * Whether the link's redirects fail in themselves (a loop, more than 20 redirects): then
     * the 3xx of the hop where they turned back or were given up is not what is wrong.
     */
    public boolean redirectsFail() {
        return error == ErrorKind.REDIRECT_LOOP || error == ErrorKind.TOO_MANY_REDIRECTS;
    }

    /**
     * The status code as text, or the error label when there was no response or the
     * redirects fail in themselves ("Redirect loop", as the Broken links tab says it).
     */
    public String statusText() {
        if (redirectsFail()) {
            return error.label();
        }
        return status > 0 ? Integer.toString(status) : error == null ? "" : error.label();
    }
}
