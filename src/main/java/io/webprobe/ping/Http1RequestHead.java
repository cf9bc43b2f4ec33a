package io.webprobe.ping;

import io.webprobe.http.Header;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes the request line and header fields of a ping request once, as the blocking
 * {@code Http1Probe} writes them: Host (with the port when not 80), User-Agent and Accept
 * unless the plan's headers replace them, {@code Connection: close} when keep-alive is off, then
 * the plan's headers. Stateless.
 */
final class Http1RequestHead {
    private Http1RequestHead() {}

    /**
     * @param uri an http URI with a host
     * @param method GET or HEAD
     * @param headers extra headers (replacing a default of the same name)
     * @param keepAlive false to ask the server to close after the response
     * @param userAgent the default User-Agent
     */
    static byte[] encode(URI uri, String method, List<Header> headers, boolean keepAlive,
            String userAgent) {
        String host = uri.getHost();
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path = path + "?" + uri.getRawQuery();
        }
        StringBuilder sb = new StringBuilder(160);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        appendUnlessOverridden(sb, headers, "Host",
                (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host)
                        + (port == 80 ? "" : ":" + port));
        appendUnlessOverridden(sb, headers, "User-Agent", userAgent);
        appendUnlessOverridden(sb, headers, "Accept", "*/*");
        if (!keepAlive) {
            sb.append("Connection: close\r\n");
        }
        for (Header h : headers) {
            if (!keepAlive && h.is("Connection")) {
                continue;
            }
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendUnlessOverridden(StringBuilder sb, List<Header> headers,
            String name, String value) {
        for (Header h : headers) {
            if (h.is(name)) {
                return;
            }
        }
        sb.append(name).append(": ").append(value).append("\r\n");
    }
}
