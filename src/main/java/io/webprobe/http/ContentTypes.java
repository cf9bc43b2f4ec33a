package io.webprobe.http;

import java.nio.charset.Charset;
import java.util.Locale;

/** Small helpers for Content-Type header values. Stateless and thread-safe. */
public final class ContentTypes {
    private ContentTypes() {}

    /** The media type without parameters, lower case ("text/html"), or "" when absent. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        String type = semi >= 0 ? contentType.substring(0, semi) : contentType;
        return type.strip().toLowerCase(Locale.ROOT);
    }

    /** True for HTML and XHTML documents. */
    public static boolean isHtml(String contentType) {
        String type = mediaType(contentType);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** True for stylesheets (text/css). */
    public static boolean isCss(String contentType) {
        return mediaType(contentType).equals("text/css");
    }

    /**
     * The charset parameter if present and known to this JVM, else null; as a browser reads
     * it ({@link Encodings#forLabel}: "iso-8859-1" is windows-1252).
     */
    public static Charset charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String name = p.substring(8).strip().replace("\"", "").replace("'", "");
                return Encodings.forLabel(name);
            }
        }
        return null;
    }
}
