package io.webprobe.crawl;

import io.webprobe.http.AsciiBytes;
import io.webprobe.http.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Entities;

/**
 * Why a sitemap that is not read could not be read, as the end of a plain sentence ("...could
 * not be read: " + reason). An XML sitemap with a raw {@code &} in a URL
 * ({@code <loc>http://x/?a=1&b=2</loc>}, common in hand-made sitemaps) is not well-formed: the
 * sitemaps protocol asks for {@code &amp;}, crawler-commons' parser (lenient or not; its
 * partial mode keeps only the URLs before it) and browsers' XML parsers stop there, so it is
 * not read but named with its line, which is what the site's owner must fix; so is an HTML
 * entity XML does not define ({@code &nbsp;}), with the numeric reference to write instead.
 * Stateless.
 */
final class SitemapFault {
    /** The entities XML defines; any other name is an error in a document without a DTD. */
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private SitemapFault() {}

    /** The reason for a body the sitemap parser refused; null body: the general reason. */
    static String reason(ResponseBody body) {
        if (body != null && declaresDoctype(body)) {
            return "it has a DOCTYPE declaration, which Webprobe does not read in XML for safety "
                    + "(entities), so its URLs were not crawled.";
        }
        Reference bad = body == null || !isSitemapXml(body) ? null : badReference(body.bytes());
        if (bad != null && bad.entity() == null) {
            return "line " + bad.line() + " has an & not written as &amp;, as XML requires, so "
                    + "its URLs were not crawled.";
        }
        if (bad != null) {
            String chars = Entities.getByName(bad.entity());
            String instead = chars.isEmpty() ? "" : " (write the character itself or "
                    + chars.codePoints().mapToObj(c -> "&#" + c + ";")
                            .collect(Collectors.joining()) + ")";
            return "line " + bad.line() + " has &" + bad.entity() + ";, which XML does not "
                    + "define" + instead + ", so its URLs were not crawled.";
        }
        return "it is not a valid XML or text sitemap, so its URLs were not crawled.";
    }

    /** Whether the start of a body declares a DOCTYPE. */
    private static boolean declaresDoctype(ResponseBody body) {
        String head = new String(body.head(4096), StandardCharsets.ISO_8859_1);
        return head.toUpperCase(Locale.ROOT).contains("<!DOCTYPE");
    }

    /** Whether a body is a sitemap's XML (not gzip, not an HTML page served in its place). */
    private static boolean isSitemapXml(ResponseBody body) {
        String head = new String(body.head(4096), StandardCharsets.ISO_8859_1);
        return head.contains("<urlset") || head.contains("<sitemapindex");
    }

    /** An {@code &} XML refuses: raw ({@code entity} null) or naming an entity XML lacks. */
    record Reference(int line, String entity) {}

    /**
     * The first {@code &} in XML markup, outside comments, CDATA sections and processing
     * instructions (where it is allowed), that starts no reference XML knows: a raw one, or a
     * named one other than XML's five ({@code &nbsp;} copied from HTML); null when none.
     * Numeric references are fine.
     */
    static Reference badReference(byte[] xml) {
        int line = 1;
        for (int i = 0; i < xml.length; i++) {
            byte c = xml[i];
            if (c == '\n') {
                line++;
            } else if (c == '<') {
                String close = AsciiBytes.startsWith(xml, i, xml.length, "<!--") ? "-->"
                        : AsciiBytes.startsWith(xml, i, xml.length, "<![CDATA[") ? "]]>"
                        : AsciiBytes.startsWith(xml, i, xml.length, "<?") ? "?>" : null;
                if (close != null) {
                    int end = AsciiBytes.indexOf(xml, close, i + 2, xml.length);
                    int to = end < 0 ? xml.length : end + close.length();
                    for (int j = i; j < to; j++) {
                        line += xml[j] == '\n' ? 1 : 0;
                    }
                    i = to - 1;
                }
            } else if (c == '&') {
                int end = referenceEnd(xml, i + 1);
                if (end < 0) {
                    return new Reference(line, null);
                }
                String name = new String(xml, i + 1, end - i - 1, StandardCharsets.UTF_8);
                if (!name.startsWith("#") && !XML_ENTITIES.contains(name)) {
                    return new Reference(line, name);
                }
            }
        }
        return null;
    }

    /**
     * Where the ";" of a reference whose rest follows an {@code &} is (a name or {@code #}
     * number, then ";"); -1 when none follows.
     */
    private static int referenceEnd(byte[] b, int from) {
        int i = from;
        if (i < b.length && b[i] == '#') {
            i++;
            boolean hex = i < b.length && b[i] == 'x';
            i += hex ? 1 : 0;
            int digits = i;
            while (i < b.length && (Character.digit(b[i], hex ? 16 : 10) >= 0)) {
                i++;
            }
            return i > digits && i < b.length && b[i] == ';' ? i : -1;
        }
        int name = i;
        while (i < b.length && (Character.isLetterOrDigit(b[i]) || b[i] == '_' || b[i] == ':'
                || b[i] == '-' || b[i] == '.' || b[i] < 0)) {
            i++;
        }
        return i > name && i < b.length && b[i] == ';' ? i : -1;
    }
}
