package io.webprobe.http;

import java.util.Locale;

/**
 * The type a browser gives a response whose Content-Type does not say, after the WHATWG MIME
 * Sniffing Standard: with no usable Content-Type (none, one that does not parse as
 * {@code type/subtype}, or {@code unknown/unknown}, {@code application/unknown}, {@code *}{@code /*})
 * a body that starts, after white space, with one of the standard's HTML signatures
 * ({@code <!DOCTYPE HTML}, {@code <html}, {@code <head}, {@code <body}, {@code <title},
 * {@code <a}, {@code <p}, {@code <div}, {@code <!--}... each followed by a space or
 * {@code >}) is HTML, unless the server forbids sniffing ({@code X-Content-Type-Options:
 * nosniff}). Only HTML is sniffed: it is the one type the crawl reads that a browser would
 * find this way. A type the server did give is never second-guessed ({@code text/plain}
 * stays text). Stateless and thread-safe.
 */
public final class MimeSniffing {
    /** The media type given to a response sniffed as HTML. */
    public static final String HTML = "text/html";
    /** How much of a body the standard looks at (its "resource header"). */
    static final int RESOURCE_HEADER = 1445;

    /** The HTML signatures, upper case, each to be followed by a tag-terminating byte. */
    private static final String[] HTML_SIGNATURES = {
        "<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT",
        "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--",
    };

    private MimeSniffing() {}

    /**
     * The media type (lower case, without parameters) a browser gives this response: the
     * Content-Type's, or {@link #HTML} when it has none that tells and its body (if kept)
     * looks like HTML, else "" or whatever type it gave.
     */
    public static String mediaType(FetchResponse r) {
        String given = ContentTypes.mediaType(r.contentType());
        if (isUnknown(given) && r.body() != null && mayBeSniffed(r)
                && looksLikeHtml(r.body().head(RESOURCE_HEADER))) {
            return HTML;
        }
        return given;
    }

    /**
     * Whether a Content-Type value leaves the type to be sniffed: none, one that is not
     * {@code type/subtype}, or one of the standard's "unknown" types.
     */
    public static boolean isUnknown(String contentType) {
        String type = ContentTypes.mediaType(contentType);
        int slash = type.indexOf('/');
        return slash <= 0 || slash == type.length() - 1
                || type.equals("unknown/unknown") || type.equals("application/unknown")
                || type.equals("*/*");
    }

    private static boolean mayBeSniffed(FetchResponse r) {
        return !r.header("x-content-type-options").strip().toLowerCase(Locale.ROOT)
                .startsWith("nosniff");
    }

    /**
     * Whether a body starts, after the standard's white space (tab, line feed, form feed,
     * carriage return, space), with an HTML signature followed by a space or {@code >}, within
     * its first {@value #RESOURCE_HEADER} bytes.
     */
    public static boolean looksLikeHtml(byte[] body) {
        int end = Math.min(body.length, RESOURCE_HEADER);
        int i = 0;
        while (i < end && isWhiteSpace(body[i])) {
            i++;
        }
        for (String signature : HTML_SIGNATURES) {
            if (matches(body, i, end, signature)) {
                return true;
            }
        }
        return false;
    }

    /** The signature (ASCII letters in any case) at {@code at}, then a space or '>'. */
    private static boolean matches(byte[] b, int at, int end, String signature) {
        int n = signature.length();
        if (at + n >= end) {
            return false; // the tag-terminating byte must be there too
        }
        for (int k = 0; k < n; k++) {
            int c = b[at + k];
            if (c >= 'a' && c <= 'z') {
                c -= 'a' - 'A';
            }
            if (c != signature.charAt(k)) {
                return false;
            }
        }
        byte terminator = b[at + n];
        return terminator == ' ' || terminator == '>';
    }

    private static boolean isWhiteSpace(byte c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }
}
