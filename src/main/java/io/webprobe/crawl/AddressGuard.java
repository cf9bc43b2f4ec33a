package io.webprobe.crawl;

import java.net.Inet6Address;
import io.webprobe.http.HostAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a crawl of a public site from aiming requests at the user's own network: when the
 * start URL's host is public, a URL whose host is, or resolves to, a loopback, private
 * (RFC 1918, {@code fc00::/7}), link-local ({@code 169.254.0.0/16}, {@code fe80::/10}) or
 * unspecified address is not requested but blocked ("private address"). A page on the
 * internet linking to {@code http://192.168.1.1/reboot} or {@code http://169.254.169.254/}
 * (cloud metadata) must not make Webprobe send that request. When the start URL is itself
 * private (an intranet, a local build of a site), everything is crawled as usual.
 *
 * <p>The answer is decided once per host (a small map). The HTTP client resolves the name
 * again when it connects; a server that answers DNS differently the second time (DNS
 * rebinding) is not defended against here. Thread-safe.
 */
final class AddressGuard {
    /** Resolves a host name (tests give their own). */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Decides which addresses count as private (tests give their own). */
    @FunctionalInterface
    interface Privacy {
        boolean isPrivate(InetAddress a);
    }

    /**
     * The addresses the crawl's own client connects to ({@link HostAddresses}): with
     * {@code app.localhost}, which the system may not resolve but which is loopback, too.
     */
    static final Resolver SYSTEM = host -> HostAddresses.resolve(host).toArray(new InetAddress[0]);

    /** The addresses of the user's own machine and network. */
    static final Privacy STANDARD = AddressGuard::standardPrivate;
    static final AddressGuard OFF = new AddressGuard(false, host -> new InetAddress[0], a -> false);

    private final boolean active;
    private final Resolver resolver;
    private final Privacy privacy;
    private final ConcurrentHashMap<String, Boolean> privateHosts = new ConcurrentHashMap<>();

    private AddressGuard(boolean active, Resolver resolver, Privacy privacy) {
        this.active = active;
        this.resolver = resolver;
        this.privacy = privacy;
    }

    /**
     * A guard for a crawl starting at {@code startHost}: active when that host is public and
     * private targets are not allowed.
     */
    static AddressGuard forStart(String startHost, boolean allowPrivate, Resolver resolver,
            Privacy privacy) {
        if (allowPrivate) {
            return OFF;
        }
        AddressGuard probe = new AddressGuard(true, resolver, privacy);
        Boolean startPrivate = probe.isPrivate(startHost);
        // a start host that does not resolve is reported by its own fetch; guard as if public
        return Boolean.TRUE.equals(startPrivate) ? OFF : probe;
    }

    /** Whether the guard blocks anything at all (the start URL is public). */
    boolean active() {
        return active;
    }

    /** Why this host may not be requested, or null. */
    String blockReason(String host) {
        if (!active) {
            return null;
        }
        Boolean p = isPrivate(host);
        return Boolean.TRUE.equals(p)
                ? "Private address: " + host + " is on your own machine or network, so a "
                        + "public site's link to it is not followed (crawl settings: allow "
                        + "private addresses)"
                : null;
    }

    /** True/false once resolved; null when the name does not resolve (not cached). */
    private Boolean isPrivate(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        Boolean known = privateHosts.get(h);
        if (known != null) {
            return known;
        }
        String literal = h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(literal);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        boolean any = false;
        for (InetAddress a : addresses) {
            any |= privacy.isPrivate(a);
        }
        privateHosts.put(h, any);
        return any;
    }

    private static boolean standardPrivate(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xFE) == 0xFC; // fc00::/7, unique local
        }
        return false;
    }
}
