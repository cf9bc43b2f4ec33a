package io.webprobe.http;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * URL resolution and normalisation for code that holds {@link URI}s, done by {@link WebUrl}
 * (the WHATWG URL Standard, as browsers resolve links). Two forms of a URL matter: the one
 * requested (resolved as a browser does, fragment removed) and its dedup key, which only
 * decides whether two links are the same page. Stateless and thread-safe.
 */
public final class Urls {
    private static final String HEX = "0123456789ABCDEF";

    /**
     * Text as it appears in a stored URL: each character a URL never holds as it is (spaces,
     * quotes, angle brackets, braces, backquotes, controls, anything beyond ASCII)
     * percent-encoded in UTF-8, as the URL parser encodes it; null when the text has none.
     */
    public static String asInUrls(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (b == null && (c >= 0x80 || PercentEncoding.NEVER_RAW.contains(c))) {
                b = new StringBuilder(text.length() * 3).append(text, 0, i);
            }
            if (b == null) {
                i++;
            } else {
                i = PercentEncoding.appendEncoded(b, text, i, PercentEncoding.NEVER_RAW);
            }
        }
        return b == null ? null : b.toString();
    }

    /**
     * Text as it appears in a stored host when it is a host or a whole label with letters
     * beyond ASCII ({@code Müller.example} as {@code xn--mller-kva.example}, as the URL parser
     * writes it); null otherwise. For searching by a host as {@link UrlSyntax#forPeople}
     * shows it.
     */
    public static String asInHosts(String text) {
        if (text.isEmpty() || text.chars().allMatch(c -> c < 0x80)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        try {
            HostParser.parse(text, 0, text.length(), out);
        } catch (WebUrlException e) {
            return null; // not a host: "a b/ü"
        }
        return out.toString();
    }

    private Urls() {}

    /**
     * Resolves a link as written in a page against the page's base as a browser does (WHATWG
     * URL Standard), drops the fragment and returns the URI to request ({@link WebUrl#toUri()}).
     * A link of another scheme ({@code mailto:}, {@code ftp:}) is returned as written, without
     * its fragment, for the caller to skip.
     *
     * @throws URISyntaxException when a browser would refuse the link; its reason is a plain
     *     phrase such as "the port is out of range"
     */
    public static URI resolve(URI base, String href) throws URISyntaxException {
        try {
            return WebUrl.parse(href, webUrlOrNull(base)).withoutFragment().toUri();
        } catch (WebUrlException e) {
            if (e.problem() == WebUrlException.Problem.NOT_HTTP) {
                return withoutFragment(new URI(encodeIllegal(WebUrlParser.clean(href))));
            }
            throw new URISyntaxException(href, e.getMessage());
        }
    }

    /**
     * As {@link #resolve}, in the crawl's form ({@link WebUrl#requestUrl()}): a "%" not
     * followed by two hex digits stays as written. Resolving a redirect's Location, as a
     * browser does.
     *
     * @param base the URL the link is relative to, in the same form
     * @throws URISyntaxException when a browser would refuse the link
     */
    public static String resolveRequestUrl(String base, String href) throws URISyntaxException {
        try {
            return WebUrl.parse(href, webUrlOrNull(base)).withoutFragment().requestUrl();
        } catch (WebUrlException e) {
            if (e.problem() == WebUrlException.Problem.NOT_HTTP) {
                return withoutFragment(new URI(encodeIllegal(WebUrlParser.clean(href))))
                        .toString();
            }
            throw new URISyntaxException(href, e.getMessage());
        }
    }

    /**
     * The URI of a URL in the crawl's form ({@link WebUrl#requestUrl()}): the same text with
     * what {@link URI} refuses percent-encoded ({@code |} as {@code %7C}, a "%" not followed
     * by two hex digits as {@code %25}...), as {@link WebUrl#toUri()} has it.
     *
     * @throws IllegalArgumentException when the text is no URI even so
     */
    public static URI toUri(String requestUrl) {
        int pathStart = pathStart(requestUrl);
        int hash = requestUrl.indexOf('#', pathStart);
        int end = hash < 0 ? requestUrl.length() : hash;
        if (!refused(requestUrl, 0, pathStart, 0)
                && !refused(requestUrl, pathStart, end, queryStart(requestUrl, pathStart, end))
                && (hash < 0 || !refused(requestUrl, hash + 1, requestUrl.length(), 0))) {
            return URI.create(requestUrl);
        }
        if (!notInAnHref(requestUrl)) {
            try {
                return WebUrl.parse(requestUrl).toUri();
            } catch (WebUrlException e) {
                // not an http(s) URL: as java.net.URI reads it, but for a stray "%"
            }
        }
        return URI.create(PercentEncoding.escapeStrayPercent(requestUrl));
    }

    /**
     * Whether the text has what a browser's serialisation never holds as it is (spaces,
     * controls, non-ASCII, {@code " < >}): then it is no URL in the crawl's form, and
     * {@link #toUri(String)} refuses it as {@link URI} does.
     */
    private static boolean notInAnHref(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>') {
                return true;
            }
        }
        return false;
    }

    /**
     * The request target (path and query) an HTTP/1.1 request line carries for a URL in the
     * crawl's form ({@link WebUrl#requestUrl()}) when its URI ({@link #toUri(String)}) cannot
     * say it: the path and query as written, as a browser sends them ({@code /a|b?q={x}},
     * {@code /a%zz}). Null when the URI's raw path and query are the same bytes.
     */
    public static String requestTarget(String requestUrl) {
        if (requestUrl.indexOf("://") < 0) {
            return null;
        }
        int from = pathStart(requestUrl);
        int to = requestUrl.indexOf('#', from);
        to = to < 0 ? requestUrl.length() : to;
        if (!refused(requestUrl, from, to, queryStart(requestUrl, from, to))) {
            return null;
        }
        String target = requestUrl.substring(from, to);
        target = target.startsWith("/") ? target : "/" + target;
        return FetchRequest.isTarget(target) ? target : null;
    }

    /**
     * A URL in the crawl's form ({@link WebUrl#requestUrl()}) from its URI and the request
     * target a browser sends for it ({@link UrlSyntax#requestTarget}, null when the URI says
     * it): the URI's text with that path and query, its fragment kept. The inverse of {@link
     * #toUri(String)} and {@link #requestTarget(String)}.
     */
    public static String withRequestTarget(URI uri, String target) {
        String s = uri.toString();
        if (target == null) {
            return s;
        }
        String fragment = uri.getRawFragment();
        return s.substring(0, pathStart(s)) + target + (fragment == null ? "" : "#" + fragment);
    }

    /** Where the authority ends (the path starts): after "://" and the host; 0 without. */
    private static int pathStart(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return 0;
        }
        int i = scheme + 3;
        while (i < url.length() && "/?#".indexOf(url.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** The index of the "?" in {@code url[from, to)}, or {@code to}. */
    private static int queryStart(String url, int from, int to) {
        int q = url.indexOf('?', from);
        return q < 0 || q > to ? to : q;
    }

    /**
     * Whether {@code s[from, to)} holds a character {@link URI} refuses there, as {@link
     * WebUrl#toUri()} escapes them ({@link PercentEncoding#uriRefuses}); a "#" is refused (the
     * range is before or inside the fragment), and brackets before {@code pathEnd}.
     */
    private static boolean refused(String s, int from, int to, int pathEnd) {
        for (int i = from; i < to; i++) {
            if (PercentEncoding.uriRefuses(s, i, i >= pathEnd)) {
                return true;
            }
        }
        return false;
    }

    /** The base as a {@link WebUrl}, or null when it is not an http(s) URL. */
    private static WebUrl webUrlOrNull(URI base) {
        return webUrlOrNull(base.toString());
    }

    private static WebUrl webUrlOrNull(String base) {
        try {
            return WebUrl.parse(base);
        } catch (WebUrlException e) {
            return null;
        }
    }

    /** The URI without its fragment. */
    public static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    /**
     * The dedup key of a URL ({@link WebUrl#key()}): as a browser serialises it (scheme and
     * host lower case, default port dropped, dot segments resolved, empty segments kept),
     * fragment removed, escapes of unreserved characters decoded and other escapes upper case.
     * A URI that is not an http(s) URL is its own key, without fragment.
     */
    public static String key(URI uri) {
        try {
            return WebUrl.parse(uri.toString()).key();
        } catch (WebUrlException e) {
            return withoutFragment(uri).toString();
        }
    }

    /**
     * Whether two URLs as the crawl keeps them ({@link WebUrl#requestUrl()}) are one page by the
     * dedup rule: the same {@link WebUrl#key()} ({@code /%63s3.html} is {@code /cs3.html}).
     * Text that is no URL is only the same as itself.
     */
    public static boolean sameKey(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return WebUrl.parse(a).key().equals(WebUrl.parse(b).key());
        } catch (WebUrlException e) {
            return false;
        }
    }

    /**
     * The port a request to this URI goes to: the one written, else the scheme's default
     * (443 for https, 80 otherwise). Read as {@link #host} reads the host.
     */
    public static int port(URI uri) {
        int port = writtenPort(uri);
        return port >= 0 ? port : defaultPort(scheme(uri));
    }

    /**
     * The host, lower case, with ":port" only when the port is not the scheme's default:
     * {@code example.com}, {@code example.com:8080}, {@code a_b.example:8080} (as {@link #host}).
     */
    public static String hostAndPort(URI uri) {
        int port = writtenPort(uri);
        return port < 0 || port == defaultPort(scheme(uri)) ? host(uri) : host(uri) + ":" + port;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    /**
     * The host of a URI, lower case, or "" when it has none: the one rule for every request,
     * key and row. An IPv6 address keeps its brackets. An http(s) URI whose host name
     * {@link URI} does not read as one ({@code http://a_b.example:8080/}: an underscore, which
     * browsers accept, makes its authority "registry-based", with {@link URI#getHost()} null
     * and {@link URI#getPort()} -1) has the host a browser reads ({@link WebUrl}) when that is
     * a name of letters, digits, hyphens, underscores and dots ({@link #isRequestableHost}).
     */
    public static String host(URI uri) {
        if (uri.getHost() != null) {
            return uri.getHost().toLowerCase(Locale.ROOT);
        }
        WebUrl url = registryAuthority(uri);
        return url == null ? "" : url.host();
    }

    /**
     * Whether a host as {@link WebUrl#host()} serialises it can be requested: an IP address,
     * or a name of letters, digits, hyphens, underscores and dots. A name with another
     * character a browser's parser lets through ({@code a!b.example}, {@code a~b.example}) is
     * no name DNS is asked for.
     */
    public static boolean isRequestableHost(String webUrlHost) {
        if (webUrlHost.startsWith("[")) {
            return true; // an IPv6 address, already checked by the parser
        }
        for (int i = 0; i < webUrlHost.length(); i++) {
            char c = webUrlHost.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_')) {
                return false;
            }
        }
        return !webUrlHost.isEmpty();
    }

    /** The port written in the URI, or -1 (read as {@link #host} reads the host). */
    private static int writtenPort(URI uri) {
        if (uri.getHost() != null) {
            return uri.getPort();
        }
        WebUrl url = registryAuthority(uri);
        return url == null ? -1 : url.port();
    }

    /**
     * The authority of an http(s) URI that {@link URI} reads as registry-based, read by
     * {@link WebUrl} as a browser reads it, when its host can be requested; else null.
     */
    private static WebUrl registryAuthority(URI uri) {
        String authority = uri.getRawAuthority();
        String scheme = scheme(uri);
        if (authority == null || !scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        try {
            WebUrl url = WebUrl.parse(scheme + "://" + authority + "/");
            return isRequestableHost(url.host()) ? url : null;
        } catch (WebUrlException e) {
            return null;
        }
    }

    /**
     * For URLs of other schemes, which {@link WebUrl} does not parse: percent-encodes what may
     * not appear in a URI (spaces, controls, non-ASCII as UTF-8,
     * {@code "<>\^`{|}}, brackets outside the host, a second '#', a '%' not starting an
     * escape) and converts an
     * internationalised host name to ASCII. Leaves valid input unchanged.
     */
    public static String encodeIllegal(String s) {
        String in = idnHost(s);
        // '[' and ']' are allowed only around an IPv6 host; browsers send them raw in paths
        // and queries (PHP's "?a[b]=c"), java.net.URI refuses them there.
        int authStart = in.indexOf("://") >= 0 ? in.indexOf("://") + 3 : in.startsWith("//") ? 2 : -1;
        int authEnd = authStart;
        while (authStart >= 0 && authEnd < in.length() && "/?#".indexOf(in.charAt(authEnd)) < 0) {
            authEnd++;
        }
        StringBuilder sb = null;
        boolean seenHash = false;
        for (int i = 0; i < in.length(); i++) {
            char c = in.charAt(i);
            boolean ok;
            if ((c == '[' || c == ']') && (i < authStart || i >= authEnd)) {
                ok = false;
            } else if (c == '#') {
                ok = !seenHash;
                seenHash = true;
            } else if (c == '%') {
                ok = i + 2 < in.length() && isHex(in.charAt(i + 1)) && isHex(in.charAt(i + 2));
            } else {
                ok = c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0;
            }
            if (ok) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(in.length() + 16).append(in, 0, i);
            }
            int cp = in.codePointAt(i);
            if (Character.charCount(cp) == 2) {
                i++;
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
        }
        return sb == null ? in : sb.toString();
    }

    private static String idnHost(String s) {
        int schemeEnd = s.indexOf("://");
        if (schemeEnd < 0) {
            return s;
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < s.length() && "/?#".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        String authority = s.substring(start, end);
        boolean ascii = authority.chars().allMatch(ch -> ch < 0x80);
        if (ascii) {
            return s;
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
        String hostPort = authority.substring(at + 1);
        int colon = hostPort.lastIndexOf(':');
        String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
        String port = colon >= 0 ? hostPort.substring(colon) : "";
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return s; // leave it; URI parsing will report it
        }
        return s.substring(0, start) + userInfo + host + port + s.substring(end);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
