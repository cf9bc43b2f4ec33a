package io.webprobe.crawl;

import io.webprobe.crawl.LinkExtractor.InvalidLink;
import io.webprobe.crawl.LinkExtractor.Link;
import io.webprobe.http.Urls;
import io.webprobe.http.WebUrl;
import io.webprobe.http.WebUrlException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * Gathers a page's links, deduplicated by key: each href resolved against the page's base as
 * a browser resolves it ({@link WebUrl}), in the page's encoding, into a {@link Link}, or
 * recorded as an {@link InvalidLink}; other schemes skipped, but for a malformed mailto:
 * address and a file: link, invalid too ({@link #otherScheme}). {@link LinkExtractor} and
 * {@link LargePage} feed it the hrefs of a page, a stylesheet or a response header. Not
 * thread-safe; one per page.
 *
 * <p>Given a {@link Slices}, it hands the links over every {@link #SLICE} distinct ones (or
 * {@link #SLICE_CHARS} characters of them) and forgets them, so that a page of a million
 * links never holds them all: the taker dedups across slices (by the targets' ids, {@code
 * LinkGraph.PageLinks}). What is left at the end is the page's last slice ({@link #links}).
 */
final class LinkCollector {
    final WebUrl base;
    final Map<String, Link> links = new LinkedHashMap<>();
    final List<InvalidLink> invalid = new ArrayList<>();
    /** The document's encoding, the queries of its links are encoded in; null: UTF-8. */
    private final Charset encoding;
    private final Map<String, Parsed> parsed = new java.util.HashMap<>();
    /** Where the links go every {@link #SLICE}, or null: all kept to the end. */
    private Slices slices;
    /** Whether a slice was handed over. */
    private boolean sliced;

    /** Takes a page's links a slice at a time, in page order. */
    interface Slices {
        void take(List<Link> slice);
    }

    /** Distinct links gathered at most before they are handed over as a slice. */
    static final int SLICE = 2_000;
    /**
     * Characters of URLs and link texts a slice holds at most: a page of links with long
     * texts (a few KB each) hands them over sooner, so a slice holds ~1 MB, not ~10.
     */
    static final int SLICE_CHARS = 512 * 1024;
    /** Characters of the links gathered since the last slice. */
    private int sliceChars;

    /**
     * @param encoding the page's encoding (its links' queries are encoded in it, as a
     *     browser does), or null for UTF-8 (a stylesheet's, a response header's)
     */
    LinkCollector(WebUrl base, Charset encoding) {
        this.base = base;
        this.encoding = io.webprobe.http.Encodings.forUrls(encoding);
    }

    /** Hands the links over every {@link #SLICE} distinct ones (null: never). */
    LinkCollector slicedTo(Slices to) {
        this.slices = to;
        return this;
    }

    /** Whether some of the page's links were handed over as slices already. */
    boolean sliced() {
        return sliced;
    }

    private void put(Link link) {
        if (links.putIfAbsent(link.key(), link) != null || slices == null) {
            return;
        }
        sliceChars += link.key().length() + link.anchorText().length();
        if (links.size() >= SLICE || sliceChars >= SLICE_CHARS) {
            List<Link> slice = List.copyOf(links.values());
            links.clear();
            sliceChars = 0;
            sliced = true;
            slices.take(slice);
        }
    }

    /** Adds the link (when present and valid) and returns it, else null. */
    Link add(String raw, String anchor, String type, boolean present) {
        return add(raw, anchor, type, type, present);
    }

    /**
     * Adds the link (when present and valid) and returns it, else null; an href that is no
     * URL is checked as of type {@code checkedAs} ({@link HrefCheck#problem}), not its own: a
     * {@code <link>} of type link that loads a resource, as its rel ("preload").
     */
    Link add(String raw, String anchor, String type, String checkedAs, boolean present) {
        return present ? add(raw, anchor, null, type, checkedAs) : null;
    }

    /**
     * Adds a link whose anchor text is read from {@code anchorOf} only when the target is
     * new on this page (most repeated links need none).
     */
    Link add(String raw, Element anchorOf, String type, boolean present) {
        return present ? add(raw, null, anchorOf, type, type) : null;
    }

    private Link add(String raw, String anchor, Element anchorOf, String type,
            String checkedAs) {
        Link link = toLink(raw, anchor, anchorOf, type, checkedAs);
        if (link != null) {
            put(link);
        }
        return link;
    }

    /**
     * Adds a {@code url()} of a style attribute or a {@code <style>} block (type css): CSS
     * encodes its URLs in UTF-8 whatever the page's encoding.
     */
    void addCss(String raw) {
        if (encoding == null) {
            add(raw, "", null, "css", "css");
            return;
        }
        LinkCollector utf8 = new LinkCollector(base, null);
        Link link = utf8.toLink(raw, "", null, "css", "css");
        invalid.addAll(utf8.invalid);
        if (link != null) {
            put(link);
        }
    }

    void srcset(Element el, String anchor) {
        srcset(el, "srcset", anchor);
    }

    /** The candidates of a srcset-like attribute ({@code imagesrcset} of a preload). */
    void srcset(Element el, String attribute, String anchor) {
        if (el.hasAttr(attribute)) {
            for (String u : Srcset.urls(el.attr(attribute))) {
                add(u, anchor, "srcset", true);
            }
        }
    }

    Link refresh(String content) {
        return refresh(content, "meta-refresh");
    }

    /** The target of a refresh ("5; url=/next"), or null for a plain reload. */
    Link refresh(String content, String type) {
        String url = refreshUrl(content);
        return url == null || url.isBlank() ? null : toLink(url, "", null, type, type);
    }

    /**
     * The link, or null when skipped (other scheme) or invalid (then recorded). An href
     * seen before on the page is not parsed again; a target seen before gets no anchor.
     *
     * @param checkedAs the type an href that is no URL is checked as ({@link #otherScheme})
     */
    private Link toLink(String raw, String anchor, Element anchorOf, String type,
            String checkedAs) {
        String href = WebUrl.trim(raw); // not strip(): U+3000 is part of a URL
        if (href.isEmpty()) {
            // href="" is the page itself, not a link worth checking; an empty src or href
            // of a resource (img, script, stylesheet, frame, media) fetches nothing in a
            // browser: no request at all
            return null;
        }
        Parsed p = parsed.get(href);
        if (p == null) {
            p = parse(href, anchor, anchorOf, type, checkedAs);
            if (p == null) {
                return null; // invalid: recorded, and recorded again if seen again
            }
            if (parsed.size() < MAX_PARSED) {
                parsed.put(href, p);
            }
        }
        if (p == NOT_HTTP) {
            return null; // a well-formed mailto:, or tel:, javascript:, data:, ftp: (unchecked)
        }
        if (links.containsKey(p.key())) {
            return new Link(p.url(), p.key(), "", type); // dropped by add: no text needed
        }
        return new Link(p.url(), p.key(), anchor(anchor, anchorOf), type);
    }

    /** The parsed href, {@link #NOT_HTTP}, or null when invalid (then recorded). */
    private Parsed parse(String href, String anchor, Element anchorOf, String type,
            String checkedAs) {
        WebUrl url;
        try {
            url = WebUrl.parse(href, base, encoding).withoutFragment();
        } catch (WebUrlException e) {
            String problem = e.problem() == WebUrlException.Problem.NOT_HTTP
                    ? otherScheme(e.detail(), href, checkedAs)
                    : MALFORMED_URL + e.getMessage();
            if (problem == null) {
                return NOT_HTTP;
            }
            invalid.add(new InvalidLink(href, anchor(anchor, anchorOf), problem, type));
            return null;
        }
        if (!Urls.isRequestableHost(url.host())) {
            // a name no DNS lookup is made for ("a!b.test"); "a_b.test" is requested
            invalid.add(new InvalidLink(href, anchor(anchor, anchorOf), MALFORMED_URL
                    + "the host name " + url.host() + " cannot be requested", type));
            return null;
        }
        return new Parsed(url, url.key());
    }

    /**
     * What is wrong with a link of another scheme, or null when it is skipped: a mailto:
     * link's malformed address, and any file: link ({@link HrefCheck}). tel:, javascript:,
     * data:, ftp: and the rest are not checked. Only hrefs that are no http(s) URL get here:
     * a page of ordinary links pays nothing for it.
     *
     * @param type the link's type (a, img, canonical...), which says what a file: URL fails at;
     *     for a {@code <link>} of type link that loads a resource, its rel ("preload")
     */
    static String otherScheme(String scheme, String href, String type) {
        HrefCheck check = HrefCheck.ofScheme(scheme);
        return check == null ? null : check.problem(href, type);
    }

    /** How the reason an http(s) href is no URL starts ("Malformed URL: no host name"). */
    static final String MALFORMED_URL = "Malformed URL: ";

    /**
     * What is wrong with an href that is not a URL, in a few words, from its reason as
     * {@link #parse} wrote it (and an older crawl file holds it): "Bad email address", "file:
     * link", "file: URL", "file: canonical", "Malformed URL"; a reason of another kind, whole.
     */
    static String brief(String reason) {
        if (reason.startsWith(io.webprobe.http.MailtoLink.MALFORMED)) {
            return BrokenLink.BAD_EMAIL_ADDRESS;
        }
        if (reason.equals(HrefCheck.FILE_LINK)) {
            return "file: link";
        }
        if (reason.equals(HrefCheck.FILE_RESOURCE)) {
            return "file: URL";
        }
        if (reason.equals(HrefCheck.FILE_CANONICAL)) {
            return "file: canonical";
        }
        return reason.startsWith(MALFORMED_URL) ? BrokenLink.MALFORMED_URL : reason;
    }

    private static String anchor(String anchor, Element anchorOf) {
        return anchor != null ? anchor : anchorOf == null ? "" : LinkExtractor.anchorText(anchorOf);
    }

    /**
     * The URL a refresh's content names, read as the HTML standard's "shared declarative
     * refresh steps" read it, or null when a browser ignores the refresh (no delay first,
     * "/next" alone; a delay followed by something else than ";", "," or a space) or only
     * reloads the page ("30"). After the delay and its separator, an optional "url=" and an
     * optional quote; with a quote, the URL ends at the next one ("'/a' junk" is /a).
     */
    static String refreshUrl(String content) {
        int n = content.length();
        int i = skipSpaces(content, 0);
        int digits = i;
        while (i < n && content.charAt(i) >= '0' && content.charAt(i) <= '9') {
            i++;
        }
        if (i == digits && (i >= n || content.charAt(i) != '.')) {
            return null; // no delay: the browser ignores the whole refresh
        }
        while (i < n && (content.charAt(i) == '.'
                || content.charAt(i) >= '0' && content.charAt(i) <= '9')) {
            i++;
        }
        if (i >= n) {
            return null; // a plain reload
        }
        char c = content.charAt(i);
        if (c != ';' && c != ',' && !isHtmlSpace(c)) {
            return null;
        }
        i = skipSpaces(content, i);
        if (i < n && (content.charAt(i) == ';' || content.charAt(i) == ',')) {
            i++;
        }
        i = skipSpaces(content, i);
        if (i >= n) {
            return null;
        }
        int urlStart = i;
        if (content.regionMatches(true, i, "url", 0, 3)) {
            int j = skipSpaces(content, i + 3);
            if (j < n && content.charAt(j) == '=') {
                urlStart = skipSpaces(content, j + 1);
            }
        }
        if (urlStart < n && (content.charAt(urlStart) == '\'' || content.charAt(urlStart) == '"')) {
            int close = content.indexOf(content.charAt(urlStart), urlStart + 1);
            return content.substring(urlStart + 1, close < 0 ? n : close);
        }
        return content.substring(urlStart);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && isHtmlSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** ASCII whitespace, as the HTML standard has it (no vertical tab). */
    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    /** An href of the page, parsed once: its URL and dedup key. */
    private record Parsed(WebUrl url, String key) {}

    /** An href of another scheme. */
    private static final Parsed NOT_HTTP = new Parsed(null, "");
    /** Distinct hrefs of one page remembered at most (a page of a million links). */
    private static final int MAX_PARSED = 10_000;
}
