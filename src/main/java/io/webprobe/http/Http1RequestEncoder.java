package io.webprobe.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one HTTP/1.1 request encoder, for every HTTP/1.1 engine: the request line (path and
 * query as written, or the request target given; to a proxy, the same bytes after the scheme
 * and host, RFC 9112's absolute form), {@code Host} (with the port only when it is
 * not the scheme's default, per {@link Urls#hostAndPort}), {@code User-Agent} and
 * {@code Accept} unless the caller's headers replace them, {@code Connection: close} when
 * keep-alive is off (a caller's own {@code Connection} header is then left out), then the
 * caller's headers, by {@link Header#sent} (one given with an empty value is not sent, and
 * takes its default away). Stateless.
 */
public final class Http1RequestEncoder {
    private Http1RequestEncoder() {}

    /**
     * @param uri an http or https URI with a host
     * @param method GET or HEAD
     * @param headers extra headers (replacing a default of the same name)
     * @param keepAlive false to ask the server to close after the response
     * @param userAgent the default User-Agent
     * @return the request head, CR LF line ends, ending with the empty line
     */
    public static byte[] encode(URI uri, String method, List<Header> headers, boolean keepAlive,
            String userAgent) {
        return encode(uri, null, method, headers, keepAlive, userAgent);
    }

    /**
     * As above, with the request target given.
     *
     * @param target the path and query to send instead of the URI's, or null for the URI's
     *     ({@link FetchRequest#target()})
     */
    public static byte[] encode(URI uri, String target, String method, List<Header> headers,
            boolean keepAlive, String userAgent) {
        return encode(uri, target, false, method, headers, keepAlive, userAgent);
    }

    /**
     * As above, to a proxy when {@code toProxy}: the request line names the scheme and host
     * before the target ({@code GET http://example.com/a%zz HTTP/1.1}), whose bytes are the
     * same as without a proxy (a stray "%" stays as it is, as a browser sends it).
     */
    public static byte[] encode(URI uri, String target, boolean toProxy, String method,
            List<Header> headers, boolean keepAlive, String userAgent) {
        String path = target == null ? FetchRequest.uriTarget(uri) : target;
        if (toProxy) {
            path = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + Urls.hostAndPort(uri) + path;
        }
        List<Header> defaults = new ArrayList<>(4);
        defaults.add(new Header("Host", Urls.hostAndPort(uri)));
        defaults.add(new Header("User-Agent", userAgent));
        defaults.add(new Header("Accept", "*/*"));
        if (!keepAlive) {
            defaults.add(new Header("Connection", "close"));
            headers = headers.stream().filter(h -> !h.is("Connection")).toList();
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        for (Header h : Header.sent(defaults, headers)) {
            // an empty one as curl sends -H 'Name;': "Name:"
            sb.append(h.name()).append(h.value().isEmpty() ? ":" : ": ").append(h.value())
                    .append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
