package io.webprobe.crawl;

import io.webprobe.http.ResponseBody;
import io.webprobe.http.WebUrl;
import io.webprobe.http.WebUrlException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
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
 * <p>Covered: {@code a}/{@code area} href (an SVG {@code a}'s xlink:href too); {@code img} src
 * and srcset (and {@code source srcset} in {@code picture}); {@code script} src; {@code link}
 * href (stylesheet, icon, canonical, alternate... but not dns-prefetch or preconnect hints)
 * and a preload's imagesrcset; {@code iframe}/{@code frame} src;
 * {@code video}/{@code audio}/{@code source}/{@code track} src and {@code poster};
 * {@code object} data; {@code embed} src; the {@code background} of {@code body}, {@code table},
 * {@code td} and {@code th}; {@code input type=image} src; SVG {@code use} and {@code image}
 * href (or xlink:href), but not {@code use href="#id"}, which is the page's own; not a
 * {@code cite}, {@code longdesc} or form {@code action}, which no browser loads;
 * {@code url(...)} in style attributes and
 * {@code <style>} blocks; {@code <meta http-equiv=refresh>}, returned apart as the page's
 * redirect. Links inside HTML comments are not links (the parser never sees them as elements).
 * Non-HTTP schemes (mailto:, tel:, javascript:, data:, ftp:...) are skipped, not reported;
 * hrefs a browser refuses ({@code http://}, {@code http://h:99999/}), mailto: links with a
 * malformed address ({@code mailto:info.example.com}) and file: links (which no browser opens
 * from a web page) are returned as invalid links. Everything else is resolved as the browser
 * resolves it, whatever the author meant: {@code http:x} and {@code http:/x} on an http page
 * are relative to it, {@code https:/x} is {@code https://x/}, {@code http//x} is a path (the
 * checks on a typed URL, {@code UrlSyntax}, are for what a user types, not for links). On a
 * page in a legacy encoding (windows-1252, Shift_JIS...) a link's query is encoded in that
 * encoding, as a browser sends it, but for a CSS {@code url()}, always UTF-8. Stateless and
 * thread-safe.
 */
final class LinkExtractor {
    private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");
    private static final Evaluator BASE_WITH_HREF = QueryParser.parse("base[href]");

    /**
     * A link target: the parsed URL, its dedup key, its text and where it was. Its
     * {@link URI} is made only when asked for (most links of a page point to URLs the crawl
     * knows already, which need none) and not kept: the crawl asks once, for a URL it does
     * not know yet, and a URL left out by a limit then holds none while the page's other
     * links are read (kept, it was ~280 bytes a link, 55 MB for a page of 200,000 new links).
     */
    static final class Link {
        private final WebUrl url;
        private final String key;
        private final String anchorText;
        private final String type;

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

        /**
         * The URL as the crawl keeps and requests it ({@link WebUrl#requestUrl()}): what
         * {@link #uri()}{@code .toString()} gives, but for a "%" not followed by two hex
         * digits, which stays as the page wrote it.
         */
        String requestUrl() {
            return url.requestUrl();
        }

        /** The URL as a URI, made at each call. */
        URI uri() {
            return url.toUri();
        }
    }

    /**
     * Takes a large page's links a slice at a time ({@link LinkCollector#SLICE}), in page
     * order, with what the page has said of itself so far (its robots directives): the page's
     * {@link Page#links()} are then only those after the last slice.
     */
    interface Slices {
        void take(List<Link> slice, PageInfo soFar);
    }

    /** An href that could not be made into a URL. */
    record InvalidLink(String href, String anchorText, String reason, String type) {}

    /**
     * What a page contains.
     *
     * @param refresh the target of a meta refresh, or null
     * @param info canonical, description, h1, word count and robots directives
     * @param anchors the anchors the page defines and its links' fragments, or null when
     *     they were not asked for
     */
    record Page(String title, List<Link> links, List<InvalidLink> invalid, Link refresh,
            PageInfo info, Anchors anchors) {
        Page(String title, List<Link> links, List<InvalidLink> invalid, Link refresh,
                PageInfo info) {
            this(title, links, invalid, refresh, info, null);
        }
    }

    /**
     * Pages larger than this are parsed as a stream ({@link LargePage}), their elements dropped
     * as soon as they are read, instead of held as a whole document (about ten times the
     * page's size in memory). The same size as the bodies kept in memory: a page parsed whole
     * is in memory, a larger one is read from its temporary file.
     */
    static final int STREAM_ABOVE = ResponseBody.IN_MEMORY;

    /**
     * @param pageUrl the page's URL as the crawl keeps it ({@link QueueItem#url}: a "%" not
     *     followed by two hex digits as the browser has it, so relative links resolve as a
     *     browser resolves them)
     */
    Page extract(ResponseBody html, Charset headerCharset, String pageUrl) {
        return extract(html, headerCharset, pageUrl, false);
    }

    /**
     * As {@link #extract(ResponseBody, Charset, String)}, gathering the page's anchors and its
     * links' fragments too when {@code anchors} ({@link Page#anchors()}).
     */
    Page extract(ResponseBody html, Charset headerCharset, String pageUrl, boolean anchors) {
        return extract(html, headerCharset, pageUrl, anchors, null);
    }

    /**
     * As {@link #extract(ResponseBody, Charset, String, boolean)}, handing the links to
     * {@code slices} a slice at a time (null: all in the page).
     */
    Page extract(ResponseBody html, Charset headerCharset, String pageUrl, boolean anchors,
            Slices slices) {
        return html.length() > STREAM_ABOVE
                ? LargePage.extract(html, headerCharset, pageUrl, anchors, slices, doc -> { })
                : extractWhole(html.bytes(), headerCharset, pageUrl, anchors, slices);
    }

    /** The page parsed as one document (every page up to {@link #STREAM_ABOVE}). */
    Page extractWhole(byte[] html, Charset headerCharset, String pageUrl) {
        return extractWhole(html, headerCharset, pageUrl, false);
    }

    /** As {@link #extractWhole(byte[], Charset, String)}, with anchors when asked. */
    Page extractWhole(byte[] html, Charset headerCharset, String pageUrl, boolean anchors) {
        return extractWhole(html, headerCharset, pageUrl, anchors, null);
    }

    private Page extractWhole(byte[] html, Charset headerCharset, String pageUrl,
            boolean anchors, Slices slices) {
        // decoded in one go (the JDK's intrinsic decoders) rather than through a Reader
        int bom = HtmlCharset.bomLength(html);
        Charset cs = HtmlCharset.of(html, bom, headerCharset);
        Document doc = Jsoup.parse(new String(html, bom, html.length - bom, cs), pageUrl);
        PageFacts facts = new PageFacts(
                new LinkCollector(baseOf(doc, webUrl(pageUrl), cs), cs), anchors, slices);
        Element body = doc.body();
        WordCounter words = new WordCounter();
        // one walk of the document, in document order: every element's facts, and the words
        // of the body's text as wordCount would count them
        NodeTraversor.traverse(new NodeVisitor() {
            private boolean inBody;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el) {
                    facts.visit(el);
                    inBody |= el == body;
                }
                if (inBody) {
                    words.head(node, depth);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (inBody) {
                    words.tail(node, depth);
                    inBody = node != body;
                }
            }
        }, doc);
        return facts.page(doc.title(), words.words);
    }

    /**
     * The links of a stylesheet: every {@code url(...)} and {@code @import}, resolved against
     * the stylesheet's own URL, with link type {@code css-url}. The text is decoded with the
     * header's charset, else its {@code @charset} rule, else UTF-8, and read as a stream
     * ({@link CssUrls}), whatever its size.
     */
    Page extractCss(ResponseBody css, Charset headerCharset, String sheetUrl) {
        return extractCss(css, headerCharset, sheetUrl, null);
    }

    /** As above, handing the links to {@code slices} a slice at a time (null: all kept). */
    Page extractCss(ResponseBody css, Charset headerCharset, String sheetUrl, Slices slices) {
        Charset cs = headerCharset != null ? headerCharset : cssCharset(css.head(64));
        LinkCollector c = new LinkCollector(webUrl(sheetUrl), null)
                .slicedTo(slices == null ? null : slice -> slices.take(slice, PageInfo.NONE));
        try (Reader text = new InputStreamReader(new BufferedInputStream(css.open(), 64 * 1024),
                cs)) {
            CssUrls.urls(text, u -> c.add(u, "", "css-url", true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                Charset cs = io.webprobe.http.Encodings.forLabel(head.substring(10, end));
                if (cs != null) {
                    return cs;
                }
                // unknown: UTF-8, as browsers fall back
            }
        }
        return java.nio.charset.StandardCharsets.UTF_8;
    }

    /**
     * Where an HTTP {@code Refresh} response header sends the browser, or what another header
     * links to ({@link #canonicalHeader}).
     *
     * @param target where it leads, or null
     * @param invalid the target when it is not a valid URL (the browser stays on the page), as
     *     a malformed href is reported, or null; both are null for a plain reload or another
     *     scheme
     */
    record HeaderRefresh(Link target, InvalidLink invalid) {
        static final HeaderRefresh NONE = new HeaderRefresh(null, null);
    }

    /**
     * Where an HTTP {@code Refresh} response header ({@code 0; url=/next}) sends the browser,
     * read as a meta refresh's content and resolved against the URL that answered (link type
     * {@code refresh-header}).
     */
    static HeaderRefresh refreshHeader(String value, String url) {
        LinkCollector c = new LinkCollector(webUrl(url), null);
        Link target = c.refresh(value, "refresh-header");
        return new HeaderRefresh(target, c.invalid.isEmpty() ? null : c.invalid.getFirst());
    }

    /**
     * The canonical a response names in its {@code Link} header ({@code </c>; rel=canonical},
     * read by {@link io.webprobe.http.LinkHeader}), resolved against the URL that answered as
     * an href is (link type {@code canonical-header}); or its target that is not a valid URL;
     * {@link HeaderRefresh#NONE} when it names none (or one of another scheme).
     *
     * @param fieldValues the values of every Link field of the response
     */
    static HeaderRefresh canonicalHeader(List<String> fieldValues, String url) {
        String target = io.webprobe.http.LinkHeader.target(fieldValues, "canonical");
        if (target == null) {
            return HeaderRefresh.NONE;
        }
        LinkCollector c = new LinkCollector(webUrl(url), null);
        Link link = c.add(target, "", "canonical-header", true);
        if (link == null && c.invalid.isEmpty()) {
            return HeaderRefresh.NONE; // another scheme (mailto:, ftp:): no canonical of ours
        }
        return new HeaderRefresh(link, c.invalid.isEmpty() ? null : c.invalid.getFirst());
    }

    /**
     * Counts the words of the body's visible text nodes it visits (script and style contents
     * are not text nodes): words run on across inline elements ("foo<b>bar</b>" is one) and
     * stop at block elements and {@code <br>}, as {@code Element.text()} separates them.
     */
    static final class WordCounter implements NodeVisitor {
        int words;
        boolean inWord;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                boolean in = inWord;
                int n = words;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    // Character.isWhitespace, answered for ASCII without its table
                    boolean letter = c < 128
                            ? c > ' ' || c < '\t' || c > '\r' && c < '\u001c'
                            : !Character.isWhitespace(c) && c != '\u00a0';
                    if (letter && !in) {
                        n++;
                    }
                    in = letter;
                }
                inWord = in;
                words = n;
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
    static WebUrl webUrl(String pageUrl) {
        try {
            return WebUrl.parse(pageUrl);
        } catch (WebUrlException e) {
            return null;
        }
    }

    /** The page's {@code <base href>}, in its encoding, else its URL. */
    static WebUrl baseOf(Document doc, WebUrl pageUrl, Charset encoding) {
        Element base = doc.selectFirst(BASE_WITH_HREF);
        if (base == null) {
            return pageUrl;
        }
        try {
            return WebUrl.parse(base.attr("href"), pageUrl, encoding);
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

    /**
     * The relations of a {@code <link>} that name a resource the browser fetches for the page
     * (the HTML standard's external resources, a stylesheet and an icon aside, which have
     * types of their own, and Safari's pinned-tab icon and startup image), where the other
     * relations (next, prev, author, license, help, search...) name a page a visitor may open.
     */
    private static final List<String> FETCHED_RELS = List.of("preload", "modulepreload",
            "prefetch", "manifest", "compression-dictionary", "mask-icon",
            "apple-touch-startup-image");

    /**
     * The first relation of a {@code <link>} that names a resource the browser fetches
     * ("preload", "manifest"), or null when it names none: a file: URL there is not loaded
     * rather than not opened ({@link HrefCheck#fileUrl}). Its type stays link.
     */
    static String fetchedRel(Element link) {
        for (String rel : FETCHED_RELS) {
            if (hasRel(link, rel)) {
                return rel;
            }
        }
        return null;
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
        return collapseSpaces(text);
    }

    /**
     * Runs of whitespace ({@code \s}: space, tab, line breaks, form feed) as one space, then
     * stripped: what replacing every match of the regular expression {@code \s+} by a space
     * and stripping gives, without a regular expression, and without a copy for the common
     * text that has nothing to collapse.
     */
    static String collapseSpaces(String s) {
        int n = s.length();
        boolean clean = true;
        for (int i = 0; i < n && clean; i++) {
            char c = s.charAt(i);
            if (c != ' ' && isSpace(c) || c == ' ' && i + 1 < n && isSpace(s.charAt(i + 1))) {
                clean = false;
            }
        }
        if (clean) {
            return s.strip();
        }
        StringBuilder b = new StringBuilder(n);
        boolean inSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                if (!inSpace) {
                    b.append(' ');
                }
                inSpace = true;
            } else {
                b.append(c);
                inSpace = false;
            }
        }
        return b.toString().strip();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
