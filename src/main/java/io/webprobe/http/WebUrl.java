package io.webprobe.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;

/**
 * An http or https URL as a browser parses it: the URL record of the WHATWG URL Standard
 * (section 4.1), made by its basic URL parser (section 4.4) and kept as its serialisation
 * (section 4.5, {@link #href()}) with the boundaries of each component. Only http and https
 * are parsed; any other scheme is refused with {@link WebUrlException.Problem#NOT_HTTP}.
 *
 * <p>Three derived forms serve a crawler: {@link #toUri()}, the URI to request, which is the
 * browser's serialisation byte for byte except for the few characters {@link URI} cannot hold
 * (then percent-encoded); {@link #requestUrl()}, the serialisation itself, as the browser
 * sends it, the form the crawl keeps, shows and sends over its own HTTP/1.1 client; and {@link #key()}, which decides whether two URLs are the same page.
 *
 * <p>Immutable and thread-safe; equal when the serialisations are equal.
 */
public final class WebUrl {
    private final String href;
    private final int schemeEnd;
    private final int hostStart;
    private final int hostEnd;
    private final int port;
    private final int pathStart;
    private final int queryStart;
    private final int fragmentStart;
    /** Made on first use (a link's URL is asked for both, often several times); racy but safe. */
    private String uriString;
    private String key;

    WebUrl(String href, int schemeEnd, int hostStart, int hostEnd, int port, int pathStart,
            int queryStart, int fragmentStart) {
        this.href = href;
        this.schemeEnd = schemeEnd;
        this.hostStart = hostStart;
        this.hostEnd = hostEnd;
        this.port = port;
        this.pathStart = pathStart;
        this.queryStart = queryStart;
        this.fragmentStart = fragmentStart;
    }

    /**
     * Parses an absolute http or https URL.
     *
     * @throws WebUrlException when a browser would refuse it, or it has another scheme
     */
    public static WebUrl parse(String input) throws WebUrlException {
        return new WebUrlParser(input, null).parse();
    }

    /**
     * Parses a URL as written in a page (absolute, or relative to {@code base}), as a browser
     * resolves a link: surrounding spaces and every tab and newline ignored, backslashes read
     * as slashes, "." and ".." segments resolved, empty segments kept.
     *
     * @param base the page's URL, or null for absolute input only
     * @throws WebUrlException when a browser would refuse it, or it has another scheme
     */
    public static WebUrl parse(String input, WebUrl base) throws WebUrlException {
        return new WebUrlParser(input, base).parse();
    }

    /**
     * As {@link #parse(String, WebUrl)}, for a URL written in a document in {@code encoding}
     * (an HTML page's href, src, srcset, base or refresh, not a stylesheet's url(), which is
     * always UTF-8): as a browser does, the query is encoded in the document's encoding
     * ({@code ?q=café} on a windows-1252 page is {@code ?q=caf%E9}, a character it lacks is
     * sent as its HTML character reference, {@code %26%23256%3B}), the path in UTF-8
     * whatever the encoding. Null, UTF-8 and UTF-16 encode the query in UTF-8.
     */
    public static WebUrl parse(String input, WebUrl base, Charset encoding)
            throws WebUrlException {
        return new WebUrlParser(input, base, encoding).parse();
    }

    /**
     * What the parser reads of an href: without the C0 controls and spaces around it and
     * without any tab or newline, as a browser ignores them; any other space (U+3000, U+00A0)
     * is part of the URL, as in a browser. Returns the input itself when there is none.
     */
    public static String trim(String input) {
        return WebUrlParser.clean(input);
    }

    /**
     * The URL Standard's percent-decode of a string, then UTF-8 decode without BOM: each
     * {@code %} with two hex digits is a byte, any other {@code %} stays, bytes that are not
     * UTF-8 become U+FFFD ({@code caf%C3%A9} is {@code café}), as a browser decodes a
     * fragment to find the element it names.
     */
    public static String percentDecode(String s) {
        return s.indexOf('%') < 0 ? s : PercentEncoding.decodeToString(s, 0, s.length());
    }

    /** "http" or "https". */
    public String scheme() {
        return href.substring(0, schemeEnd);
    }

    public boolean isHttps() {
        return schemeEnd == 5;
    }

    /** The user name, percent-encoded, or "". */
    public String username() {
        int end = userinfoEnd();
        int colon = href.indexOf(':', schemeEnd + 3);
        return href.substring(schemeEnd + 3, colon >= 0 && colon < end ? colon : end);
    }

    /** The password, percent-encoded, or "". */
    public String password() {
        int end = userinfoEnd();
        int colon = href.indexOf(':', schemeEnd + 3);
        return colon >= 0 && colon < end ? href.substring(colon + 1, end) : "";
    }

    private int userinfoEnd() {
        return hostStart > schemeEnd + 3 ? hostStart - 1 : schemeEnd + 3;
    }

    /**
     * The serialised host: a lower-case ASCII domain ({@code xn--} labels for international
     * names), a dotted IPv4 address, or an IPv6 address in brackets.
     */
    public String host() {
        return href.substring(hostStart, hostEnd);
    }

    /** The port, or -1 when none is written or it is the scheme's default. */
    public int port() {
        return port;
    }

    /** The port a request goes to: {@link #port()}, else 443 for https and 80 for http. */
    public int effectivePort() {
        return port >= 0 ? port : isHttps() ? 443 : 80;
    }

    /** The path, percent-encoded, starting with "/". */
    public String path() {
        return href.substring(pathStart, pathEnd());
    }

    /** The query without its "?", percent-encoded; null when there is none ("" for "?"). */
    public String query() {
        return queryStart < 0 ? null : href.substring(queryStart + 1, queryEnd());
    }

    /** The fragment without its "#", percent-encoded; null when there is none. */
    public String fragment() {
        return fragmentStart < 0 ? null : href.substring(fragmentStart + 1);
    }

    /** The URL serialisation: what a browser's {@code a.href} gives. */
    public String href() {
        return href;
    }

    /** This URL without its fragment (this same object when it has none). */
    public WebUrl withoutFragment() {
        if (fragmentStart < 0) {
            return this;
        }
        return new WebUrl(href.substring(0, fragmentStart), schemeEnd, hostStart, hostEnd, port,
                pathStart, queryStart, -1);
    }

    /**
     * The URL as a {@link URI} made with its single-string constructor, so nothing is
     * re-encoded or normalised: the same bytes as {@link #href()}, except that the characters
     * {@code URI} refuses and a browser sends as they are ({@code [ ] ^ |} in the path,
     * {@code \ ^ ` { | }} in the query, a "%" not followed by two hex digits) are
     * percent-encoded. Servers decode both forms of those characters alike. A "%" not
     * followed by two hex digits is the exception: a browser sends {@code /%zz} as it is, and
     * many servers refuse it (400), but {@code URI} cannot hold it, so a request made from
     * this URI sends {@code /%25zz}, which a server reads as another path
     * ({@link #requestUrl()} keeps it, and the others, as the browser does). A host {@code URI}
     * cannot read as a host name ({@code a_b.example}) gives a URI whose
     * {@link URI#getHost()} is null: {@link Urls#host} and {@link Urls#port} read it.
     */
    public URI toUri() {
        try {
            return new URI(uriString());
        } catch (URISyntaxException e) {
            // cannot happen: every character URI refuses is escaped by uriString()
            throw new IllegalStateException("Cannot represent " + href + " as a URI", e);
        }
    }

    /**
     * The dedup key, for "is this the same page?": the request form ({@link #toUri()})
     * without fragment (scheme and host are already lower case, the default port already
     * dropped), with escapes of unreserved characters decoded ({@code %7e} is {@code ~},
     * {@code %41} is {@code A}) and other escapes upper case ({@code %2f} is {@code %2F},
     * never "/"). Empty path segments are kept: {@code /a//b} and {@code /a/b} are different
     * resources.
     */
    public String key() {
        String k = key;
        if (k == null) {
            k = PercentEncoding.normaliseEscapes(withoutFragment().uriString());
            key = k;
        }
        return k;
    }

    /**
     * {@link #href()} with what {@link URI} refuses percent-encoded (see {@link #toUri()}): the
     * text of the URI a request is made with, without building the URI.
     */
    public String uriString() {
        String u = uriString;
        if (u == null) {
            u = escaped();
            uriString = u;
        }
        return u;
    }

    /**
     * The URL as a crawl keeps, shows and requests it: {@link #href()}, the browser's own
     * serialisation, so what {@link URI} refuses stays as a browser sends it ({@code |} and
     * {@code ^} in the path, {@code ` { } | ^} in the query, a "%" not followed by two hex
     * digits: {@code /a%zz}, {@code /100%}); a server may read {@code /a%25zz} as another path,
     * and route {@code /a%7Cb} apart from {@code /a|b}. This text is not always a URI:
     * {@link Urls#toUri(String)} makes the URI ({@link #toUri()}) from it, and
     * {@link Urls#requestTarget(String)} the request target our HTTP/1.1 client sends for it.
     */
    public String requestUrl() {
        return href;
    }

    /** The href with what URI refuses escaped. */
    private String escaped() {
        int i = 0;
        while (i < href.length() && !isUnsafe(i)) {
            i++;
        }
        if (i == href.length()) {
            return href;
        }
        StringBuilder sb = new StringBuilder(href.length() + 16).append(href, 0, i);
        for (; i < href.length(); i++) {
            char c = href.charAt(i);
            if (isUnsafe(i)) {
                PercentEncoding.appendByte(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Whether the char at {@code i} of the href is one {@link URI} refuses there. */
    private boolean isUnsafe(int i) {
        // brackets are fine around an IPv6 host and in the query and fragment
        return i != fragmentStart && PercentEncoding.uriRefuses(href, i,
                i >= hostStart && (i < hostEnd || i >= queryOrFragmentStart()));
    }

    private int queryOrFragmentStart() {
        return queryStart >= 0 ? queryStart : fragmentStart >= 0 ? fragmentStart : href.length();
    }

    int hostStart() {
        return hostStart;
    }

    int hostEnd() {
        return hostEnd;
    }

    int pathStart() {
        return pathStart;
    }

    int pathEnd() {
        return queryOrFragmentStart();
    }

    /** The index of the "?", or -1. */
    int queryStart() {
        return queryStart;
    }

    /** Where the query (with its "?") ends: the "#" or the end. */
    int queryEnd() {
        return fragmentStart >= 0 ? fragmentStart : href.length();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebUrl u && u.href.equals(href);
    }

    @Override
    public int hashCode() {
        return href.hashCode();
    }

    /** The {@link #href()}. */
    @Override
    public String toString() {
        return href;
    }
}
