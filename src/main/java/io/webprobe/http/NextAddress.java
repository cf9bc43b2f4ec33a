package io.webprobe.http;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The rule both java.net.http users (the crawl's {@link CrawlHttpProbe}, the ping's HTTP/2
 * clients) follow where java.net.http connects to the system's first address only: an https
 * request refused there (nothing was sent) goes through {@link Http1Probe} when the host has
 * another address, which it tries as a browser does (a dev server listening on ::1 only, at
 * {@code https://localhost:PORT/}); once it answered there, that host's requests after it go
 * through {@link Http1Probe} too, so that they do not each pay a refused connect first. When
 * no address answers, the first one's failure is the answer, as before. Thread-safe.
 */
public final class NextAddress {
    /** The hosts ("host:port") whose requests go through {@link Http1Probe}. */
    private final Set<String> hosts = ConcurrentHashMap.newKeySet();

    /**
     * Sends the request through java.net.http, or through ours when the rule says so.
     *
     * @param jdk sends a request through java.net.http
     * @param ours sends a request through {@link Http1Probe}
     */
    public FetchResponse fetch(FetchRequest request, Function<FetchRequest, FetchResponse> jdk,
            Function<FetchRequest, FetchResponse> ours) {
        URI uri = request.uri();
        String key = Urls.host(uri) + ":" + Urls.port(uri);
        if (hosts.contains(key)) {
            return ours.apply(request);
        }
        FetchResponse first = jdk.apply(request);
        if (!unconnected(first) || !severalAddresses(uri)) {
            return first;
        }
        FetchResponse next = ours.apply(request);
        if (unconnected(next)) {
            return first; // no address answered: the first one's failure, as before
        }
        hosts.add(key);
        return next;
    }

    /** Whether no connection was made: refused, or no route (nothing was sent). */
    private static boolean unconnected(FetchResponse r) {
        return r.error() == ErrorKind.REFUSED || r.error() == ErrorKind.CONNECT;
    }

    /** Whether the URI's host has another address to try ({@link HostAddresses}). */
    private static boolean severalAddresses(URI uri) {
        try {
            return HostAddresses.resolve(Urls.host(uri)).size() > 1;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
