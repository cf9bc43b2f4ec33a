package io.webprobe.crawl;

import io.webprobe.http.WebUrl;
import io.webprobe.http.WebUrlException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an HTML page with jsoup and lists every URL it refers to, resolved as a browser
 * resolves it ({@link WebUrl}) against the page's final URL and its {@code <base href>},
 * fragments removed, one entry per distinct target (the first occurrence in document order
 * wins, with its anchor text and link type).
 *
 * <p>Covered: {@code a}/{@code area} href; {@code img} src and srcset (and {@code source srcset}
 * in {@code picture}); {@code script} src; {@code link} href (stylesheet, icon, canonical,
 * alternate... but not dns-prefetch or preconnect hints); {@code iframe}/{@code frame} src;
 * {@code video}/{@code audio}/{@code source}/{@code track} src and {@code poster};
 * {@code object} data; {@code embed} src; {@code url(...)} in style attributes and
 * {@code <style>} blocks; {@code <meta http-equiv=refresh>}, returned apart as the page's
 * redirect. Links inside HTML comments are not links (the parser never sees them as elements).
 * Non-HTTP schemes (mailto:, tel:, javascript:, data:, ftp:...) are skipped, not reported;
 * hrefs a browser refuses ({@code http://}, {@code http://h:99999/}) are returned as invalid
 * links, and so are mistyped schemes a browser would read as a relative path or fix up
 * ({@code https;//x}, {@code http//x}, {@code http:/x}, {@code http:x}): the author meant an
 * absolute link and did not write one. Stateless and thread-safe.
 */
final class LinkExtractor {
    static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REFRESH_URL = Pattern.compile(
            "^\\s*[\\d.]*\\s*[;,]?\\s*(?:url\\s*=\\s*)?(['\"]?)(.*?)\\1\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");
    private static final Evaluator BASE_WITH_HREF = QueryParser.parse("base[href]");

    /** One link target found on a page. */
    /**
     * A link target: the parsed URL, its dedup key, its text and where it was. Its
     * {@link URI} is made only when asked for (most links of a page point to URLs the crawl
     * knows already, which need none).
     */
    static final class Link {
        private final WebUrl url;
        private final String key;
        private final String anchorText;
        private final String type;
        private URI uri;

        Link(WebUrl url, String key, String anchorText, String type) {
            this.url = url;
            this.key = key;
            this.anchorText = anchorText;
            this.type = type;
        }

        WebUrl url() {
            return url;
        }

        String key() {
            return key;
        }

        String anchorText() {
            return anchorText;
        }

        String type() {
            return type;
        }

        /** The request form as text (what {@link #uri()}{@code .toString()} gives). */
        String requestUrl() {
            return url.uriString();
        }

        /** The URL as a URI, made on the first call. */
        URI uri() {
            if (uri == null) {
                uri = url.toUri();
            }
            return uri;
        }
    }

    /** An href that could not be made into a URL. */
    record InvalidLink(String href, String anchorText, String reason, String type) {}

    /**
     * What a page contains.
     *
     * @param refresh the target of a meta refresh, or null
     * @param info canonical, description, h1, word count and robots directives
     */
    record Page(String title, List<Link> links, List<InvalidLink> invalid, Link refresh,
            PageInfo info) {}

    /**
     * Pages larger than this are parsed as a stream ({@link LargePage}), their elements dropped
     * as soon as they are read, instead of held as a whole document (about ten times the
     * page's size in memory).
     */
    static final int STREAM_ABOVE = 2 * 1024 * 1024;

    Page extract(byte[] html, Charset headerCharset, URI pageUrl) {
        return html.length > STREAM_ABOVE ? LargePage.extract(html, headerCharset, pageUrl)
                : extractWhole(html, headerCharset, pageUrl);
    }

    /** The page parsed as one document (every page up to {@link #STREAM_ABOVE}). */
    Page extractWhole(byte[] html, Charset headerCharset, URI pageUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html),
                    headerCharset == null ? null : headerCharset.name(), pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        PageFacts facts = new PageFacts(new Collector(baseOf(doc, webUrl(pageUrl))));
        // one walk of the document, in document order
        for (Element el : doc.getAllElements()) {
            facts.visit(el);
        }
        return facts.page(doc.title(), wordCount(doc));
    }

    /**
     * The links of a stylesheet: every {@code url(...)} and {@code @import}, resolved against
     * the stylesheet's own URL, with link type {@code css-url}. The text is decoded with the
     * header's charset, else its {@code @charset} rule, else UTF-8.
     */
    Page extractCss(byte[] css, Charset headerCharset, URI sheetUrl) {
        Charset cs = headerCharset != null ? headerCharset : cssCharset(css);
        Collector c = new Collector(webUrl(sheetUrl));
        for (String u : CssUrls.urls(new String(css, cs))) {
            c.add(u, "", "css-url", true);
        }
        return new Page("", List.copyOf(c.links.values()), List.copyOf(c.invalid), null,
                PageInfo.NONE);
    }

    /** The charset a stylesheet's first rule names ({@code @charset "x";}), else UTF-8. */
    private static Charset cssCharset(byte[] css) {
        String head = new String(css, 0, Math.min(css.length, 64),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        if (head.startsWith("@charset \"")) {
            int end = head.indexOf('"', 10);
            if (end > 10) {
                try {
                    return Charset.forName(head.substring(10, end));
                } catch (IllegalArgumentException e) {
                    // unknown: UTF-8, as browsers fall back
                }
            }
        }
        return java.nio.charset.StandardCharsets.UTF_8;
    }

    /** Hosts java.net.URI reads as host names (a request needs one), learnt once each. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> REQUESTABLE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean requestable(String host) {
        Boolean known = REQUESTABLE.get(host);
        if (known == null) {
            try {
                known = new URI("http://" + host + "/").getHost() != null;
            } catch (java.net.URISyntaxException e) {
                known = false;
            }
            if (REQUESTABLE.size() < 10_000) {
                REQUESTABLE.put(host, known);
            }
        }
        return known;
    }

    /** Gathers a page's links, deduplicated by key. Not thread-safe; one per page. */
    static final class Collector {
        final WebUrl base;
        final Map<String, Link> links = new LinkedHashMap<>();
        final List<InvalidLink> invalid = new ArrayList<>();

        Collector(WebUrl base) {
            this.base = base;
        }

        /** Adds the link (when present and valid) and returns it, else null. */
        Link add(String raw, String anchor, String type, boolean present) {
            Link link = present ? toLink(raw, anchor, type) : null;
            if (link != null) {
                links.putIfAbsent(link.key(), link);
            }
            return link;
        }

        void srcset(Element el, String anchor) {
            if (el.hasAttr("srcset")) {
                for (String u : Srcset.urls(el.attr("srcset"))) {
                    add(u, anchor, "srcset", true);
                }
            }
        }

        Link refresh(String content) {
            Matcher m = REFRESH_URL.matcher(content);
            if (!m.matches() || m.group(2).isBlank()) {
                return null; // a plain reload ("5") is not a link
            }
            return toLink(m.group(2), "", "meta-refresh");
        }

        /** The link, or null when skipped (other scheme) or invalid (then recorded). */
        private Link toLink(String raw, String anchor, String type) {
            String href = raw.strip();
            if (href.isEmpty() && (type.equals("a") || type.equals("area"))) {
                return null; // href="" is the page itself: not a link worth checking
            }
            if (mistypedHttpScheme(href)) {
                invalid.add(new InvalidLink(href, anchor, "Malformed URL: the scheme is not "
                        + "followed by \"://\"", type));
                return null;
            }
            WebUrl url;
            try {
                url = WebUrl.parse(href, base).withoutFragment();
            } catch (WebUrlException e) {
                if (e.problem() == WebUrlException.Problem.NOT_HTTP) {
                    return null; // mailto:, tel:, javascript:, data:, ftp: are not checked
                }
                invalid.add(new InvalidLink(href, anchor, "Malformed URL: " + e.getMessage(),
                        type));
                return null;
            }
            if (!requestable(url.host())) {
                // a host java.net.URI cannot read as a host name ("a_b.test"): not requestable
                invalid.add(new InvalidLink(href, anchor, "Malformed URL: the host name "
                        + url.host() + " cannot be requested", type));
                return null;
            }
            return new Link(url, url.key(), anchor, type);
        }
    }

    /**
     * "http" or "https" followed by ";", by "//" without the colon, or by a colon without two
     * slashes (or backslashes, which browsers read as slashes): a scheme mistyped.
     */
    static boolean mistypedHttpScheme(String href) {
        int n = href.regionMatches(true, 0, "https", 0, 5) ? 5
                : href.regionMatches(true, 0, "http", 0, 4) ? 4 : 0;
        if (n == 0 || href.length() == n) {
            return false;
        }
        return switch (href.charAt(n)) {
            case ';' -> true;
            case ':' -> !(isSlash(href, n + 1) && isSlash(href, n + 2));
            case '/' -> href.startsWith("/", n + 1);
            default -> false;
        };
    }

    private static boolean isSlash(String s, int i) {
        return i < s.length() && (s.charAt(i) == '/' || s.charAt(i) == '\\');
    }

    /** Words of the body's visible text (script and style contents are not text). */
    static int wordCount(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return 0;
        }
        // counted while walking the text nodes, without building the body's text: words run
        // on across inline elements ("foo<b>bar</b>" is one) and stop at block elements and
        // <br>, as Element.text() separates them
        WordCounter counter = new WordCounter();
        NodeTraversor.traverse(counter, body);
        return counter.words;
    }

    /** Counts the words of the text nodes it visits. */
    static final class WordCounter implements NodeVisitor {
        int words;
        boolean inWord;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                for (int i = 0; i < text.length(); i++) {
                    boolean letter = !Character.isWhitespace(text.charAt(i))
                            && text.charAt(i) != '\u00a0';
                    if (letter && !inWord) {
                        words++;
                    }
                    inWord = letter;
                }
            } else if (node instanceof Element el && (el.isBlock() || el.nameIs("br"))) {
                inWord = false;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element el && el.isBlock()) {
                inWord = false;
            }
        }
    }

    /** The page's URL as a base for its links; null (relative links fail) if not http(s). */
    static WebUrl webUrl(URI pageUrl) {
        try {
            return WebUrl.parse(pageUrl.toString());
        } catch (WebUrlException e) {
            return null;
        }
    }

    static WebUrl baseOf(Document doc, WebUrl pageUrl) {
        Element base = doc.selectFirst(BASE_WITH_HREF);
        if (base == null) {
            return pageUrl;
        }
        try {
            return WebUrl.parse(base.attr("href"), pageUrl);
        } catch (WebUrlException e) {
            return pageUrl;
        }
    }

    /** Whether the rel attribute lists {@code value} (ASCII case-insensitive). */
    static boolean hasRel(Element el, String value) {
        String rel = el.attr("rel");
        int i = 0;
        while (i < rel.length()) {
            while (i < rel.length() && Character.isWhitespace(rel.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < rel.length() && !Character.isWhitespace(rel.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == value.length() && rel.regionMatches(true, start, value, 0, length)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHint(Element link) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        return rel.contains("dns-prefetch") || rel.contains("preconnect");
    }

    /** css, icon, canonical, alternate, or link for other relations. */
    static String linkType(Element link) {
        String rel = " " + link.attr("rel").toLowerCase(Locale.ROOT) + " ";
        if (rel.contains(" stylesheet ")) {
            return "css";
        }
        if (rel.contains(" icon ") || rel.contains(" apple-touch-icon ")) {
            return "icon";
        }
        if (rel.contains(" canonical ")) {
            return "canonical";
        }
        if (rel.contains(" alternate ")) {
            return "alternate";
        }
        return "link";
    }

    /** A link's text; for an image link without text, the image's alt text. */
    static String anchorText(Element el) {
        String text = switch (el.normalName()) {
            case "a", "area" -> el.text();
            case "img" -> el.attr("alt");
            default -> "";
        };
        if (text.isEmpty() && el.normalName().equals("a")) {
            Element img = el.selectFirst(IMG_WITH_ALT);
            if (img != null) {
                text = img.attr("alt");
            }
        }
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}
