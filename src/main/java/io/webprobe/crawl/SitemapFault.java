package io.webprobe.crawl;

import io.webprobe.http.ResponseBody;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Why a sitemap that is not read could not be read, as the end of a plain sentence ("...could
 * not be read: " + reason). An XML sitemap with a raw {@code &} in a URL
 * ({@code <loc>http://x/?a=1&b=2</loc>}, common in hand-made sitemaps) is not well-formed: the
 * sitemaps protocol asks for {@code &amp;}, crawler-commons' parser (lenient or not; its
 * partial mode keeps only the URLs before it) and browsers' XML parsers stop there, so it is
 * not read but named with its line, which is what the site's owner must fix. Stateless.
 */
final class SitemapFault {
    private SitemapFault() {}

    /** The reason for a body the sitemap parser refused; null body: the general reason. */
    static String reason(ResponseBody body) {
        if (body != null && declaresDoctype(body)) {
            return "it has a DOCTYPE declaration, which Webprobe does not read in XML for safety "
                    + "(entities), so its URLs were not crawled.";
        }
        int line = body == null || !isSitemapXml(body) ? 0 : rawAmpersandLine(body.bytes());
        if (line > 0) {
            return "line " + line + " has an & not written as &amp;, as XML requires, so its "
                    + "URLs were not crawled.";
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

    /**
     * The line (from 1) of the first {@code &} in XML markup that starts no reference
     * ({@code &amp;}, {@code &#38;}, {@code &#x26;}), outside comments, CDATA sections and
     * processing instructions, where it is allowed; 0 when there is none.
     */
    static int rawAmpersandLine(byte[] xml) {
        int line = 1;
        for (int i = 0; i < xml.length; i++) {
            byte c = xml[i];
            if (c == '\n') {
                line++;
            } else if (c == '<') {
                String close = startsWith(xml, i, "<!--") ? "-->"
                        : startsWith(xml, i, "<![CDATA[") ? "]]>"
                        : startsWith(xml, i, "<?") ? "?>" : null;
                if (close != null) {
                    int end = indexOf(xml, close, i + 2);
                    int to = end < 0 ? xml.length : end + close.length();
                    for (int j = i; j < to; j++) {
                        line += xml[j] == '\n' ? 1 : 0;
                    }
                    i = to - 1;
                }
            } else if (c == '&' && !startsReference(xml, i + 1)) {
                return line;
            }
        }
        return 0;
    }

    /** Whether a reference's rest follows an {@code &}: a name or {@code #} number, then ";". */
    private static boolean startsReference(byte[] b, int from) {
        int i = from;
        if (i < b.length && b[i] == '#') {
            i++;
            boolean hex = i < b.length && b[i] == 'x';
            i += hex ? 1 : 0;
            int digits = i;
            while (i < b.length && (Character.digit(b[i], hex ? 16 : 10) >= 0)) {
                i++;
            }
            return i > digits && i < b.length && b[i] == ';';
        }
        int name = i;
        while (i < b.length && (Character.isLetterOrDigit(b[i]) || b[i] == '_' || b[i] == ':'
                || b[i] == '-' || b[i] == '.' || b[i] < 0)) {
            i++;
        }
        return i > name && i < b.length && b[i] == ';';
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String s, int from) {
        for (int i = from; i + s.length() <= b.length; i++) {
            if (startsWith(b, i, s)) {
                return i;
            }
        }
        return -1;
    }
}
