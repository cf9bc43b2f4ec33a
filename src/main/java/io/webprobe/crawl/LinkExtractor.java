package io.webprobe.crawl;

import io.webprobe.http.Urls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Parses an HTML page with jsoup and lists the URLs it links to, resolved against the page's
 * final URL and its {@code <base href>}, fragments removed, one entry per distinct target (the
 * first anchor text wins). Links with non-HTTP schemes (mailto:, tel:, javascript:, data:...)
 * are skipped, not reported. Stateless and thread-safe.
 */
final class LinkExtractor {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Evaluator IMG_WITH_ALT = QueryParser.parse("img[alt]");
    private static final Evaluator BASE_WITH_HREF = QueryParser.parse("base[href]");

    /** One link target found on a page. */
    record Link(URI uri, String key, String anchorText, String type) {}

    /** An href that could not be made into a URL. */
    record InvalidLink(String href, String anchorText, String reason) {}

    /** What a page contains. */
    record Page(String title, List<Link> links, List<InvalidLink> invalid) {}

    /** The attribute holding a URL in this element, or null (names are lower case). */
    private static String urlAttribute(String tag) {
        return switch (tag) {
            case "a", "area", "link" -> "href";
            case "img", "script", "iframe", "frame", "source", "video", "audio", "embed" -> "src";
            default -> null;
        };
    }

    Page extract(byte[] html, Charset headerCharset, URI pageUrl) {
        Document doc;
        try {
            doc = Jsoup.parse(
                    new ByteArrayInputStream(html),
                    headerCharset == null ? null : headerCharset.name(),
                    pageUrl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a byte array
        }
        URI base = baseOf(doc, pageUrl);
        Map<String, Link> links = new LinkedHashMap<>();
        List<InvalidLink> invalid = new ArrayList<>();
        // one walk of the document, in document order (the first anchor text wins)
        for (Element el : doc.getAllElements()) {
            String tag = el.normalName();
            String attr = urlAttribute(tag);
            if (attr == null || !el.hasAttr(attr) || tag.equals("link") && isHint(el)) {
                continue;
            }
            String href = el.attr(attr).strip();
            String anchor = anchorText(el);
            String scheme = scheme(href);
            if (scheme != null && !scheme.equals("http") && !scheme.equals("https")) {
                continue; // mailto:, tel:, javascript:, data:, ftp: are not checked
            }
            try {
                URI uri = Urls.resolve(base, href);
                if (uri.getHost() == null || uri.getHost().isEmpty()) {
                    invalid.add(new InvalidLink(href, anchor, "The link has no host name"));
                    continue;
                }
                String key = Urls.key(uri);
                links.putIfAbsent(key, new Link(uri, key, anchor, tag));
            } catch (URISyntaxException | IllegalArgumentException e) {
                invalid.add(new InvalidLink(href, anchor, "Not a valid URL"));
            }
        }
        return new Page(doc.title().strip(), List.copyOf(links.values()), List.copyOf(invalid));
    }

    private static URI baseOf(Document doc, URI pageUrl) {
        Element base = doc.selectFirst(BASE_WITH_HREF);
        if (base == null) {
            return pageUrl;
        }
        try {
            URI b = Urls.resolve(pageUrl, base.attr("href"));
            return b.getHost() == null ? pageUrl : b;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return pageUrl;
        }
    }

    private static boolean isHint(Element link) {
        String rel = link.attr("rel").toLowerCase(Locale.ROOT);
        return rel.contains("dns-prefetch") || rel.contains("preconnect");
    }

    /** A link's text; for an image link without text, the image's alt text. */
    private static String anchorText(Element el) {
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

    private static String scheme(String href) {
        var m = SCHEME.matcher(href);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
