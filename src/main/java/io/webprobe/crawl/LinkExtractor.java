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

/**
 * Parses an HTML page with jsoup and lists the URLs it links to, resolved against the page's
 * final URL and its {@code <base href>}, fragments removed, one entry per distinct target (the
 * first anchor text wins). Links with non-HTTP schemes (mailto:, tel:, javascript:, data:...)
 * are skipped, not reported. Stateless and thread-safe.
 */
final class LinkExtractor {
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** One link target found on a page. */
    record Link(URI uri, String key, String anchorText, String type) {}

    /** An href that could not be made into a URL. */
    record InvalidLink(String href, String anchorText, String reason) {}

    /** What a page contains. */
    record Page(String title, List<Link> links, List<InvalidLink> invalid) {}

    /** The attributes holding a URL, by element. */
    private static final String[][] SOURCES = {
        {"a[href]", "href", "a"},
        {"area[href]", "href", "area"},
        {"link[href]", "href", "link"},
        {"img[src]", "src", "img"},
        {"script[src]", "src", "script"},
        {"iframe[src]", "src", "iframe"},
        {"frame[src]", "src", "frame"},
        {"source[src]", "src", "source"},
        {"video[src]", "src", "video"},
        {"audio[src]", "src", "audio"},
        {"embed[src]", "src", "embed"},
    };

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
        for (String[] source : SOURCES) {
            for (Element el : doc.select(source[0])) {
                if (source[2].equals("link") && isHint(el)) {
                    continue;
                }
                String href = el.attr(source[1]).strip();
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
                    links.putIfAbsent(key, new Link(uri, key, anchor, source[2]));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    invalid.add(new InvalidLink(href, anchor, "Not a valid URL"));
                }
            }
        }
        return new Page(doc.title().strip(), List.copyOf(links.values()), List.copyOf(invalid));
    }

    private static URI baseOf(Document doc, URI pageUrl) {
        Element base = doc.selectFirst("base[href]");
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

    private static String anchorText(Element el) {
        String text = el.tagName().equals("img") ? el.attr("alt") : el.text();
        if (text.isEmpty()) {
            Element img = el.selectFirst("img[alt]");
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
