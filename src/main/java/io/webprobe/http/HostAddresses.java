package io.webprobe.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The addresses to try, in order, for a host name: every address the system resolves it to,
 * and for {@code localhost} and names under {@code .localhost} both loopback addresses,
 * 127.0.0.1 then ::1, whatever the hosts file says (RFC 6761; browsers and curl do the same).
 * A development server that listens on ::1 only (Node's default on many systems) is then
 * reached at {@code http://localhost:PORT/} as in a browser, where the system's first address
 * alone would be refused.
 *
 * <p>The clients that open their own sockets ({@link Http1Probe}, the ping's event loops)
 * try the next address when one refuses the connection or cannot be routed to, as a browser
 * does, and report the first address's failure when none answers.
 */
public final class HostAddresses {
    private static final InetAddress IPV4_LOOPBACK = loopback(new byte[] {127, 0, 0, 1});
    private static final InetAddress IPV6_LOOPBACK = loopback(new byte[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});

    private HostAddresses() {}

    /**
     * @param host a host name, an IPv4 literal, or an IPv6 literal with or without brackets
     * @return one address at least, the system's order kept, none twice
     * @throws UnknownHostException when the name does not resolve
     */
    public static List<InetAddress> resolve(String host) throws UnknownHostException {
        String h = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        h = h.toLowerCase(Locale.ROOT);
        if (isLocalhost(h)) {
            List<InetAddress> all = new ArrayList<>(List.of(IPV4_LOOPBACK, IPV6_LOOPBACK));
            try {
                for (InetAddress a : InetAddress.getAllByName(h)) {
                    if (!all.contains(a)) {
                        all.add(a);
                    }
                }
            } catch (UnknownHostException e) {
                // "app.localhost" is loopback even where the hosts file does not list it
            }
            return List.copyOf(all);
        }
        return List.of(InetAddress.getAllByName(h));
    }

    /** Whether the name is {@code localhost} or under it ({@code app.localhost}). */
    static boolean isLocalhost(String lowerCaseHost) {
        String h = lowerCaseHost.endsWith(".")
                ? lowerCaseHost.substring(0, lowerCaseHost.length() - 1) : lowerCaseHost;
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    private static InetAddress loopback(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e); // a 4- or 16-byte address is always valid
        }
    }
}
