package io.webprobe.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where a sign-in given for one URL (an {@code Authorization} header, a session cookie, a
 * token in a header of the user's) may be sent: the one rule for the crawl and the ping.
 * Browsers keep a password to the origin it was given for (scheme, host and port), and curl
 * drops one on a redirect to another host, port or scheme; we do the same, with one
 * exception: a move from http to https on the same host and the schemes' own ports (a site
 * that sends every visitor to its https address) keeps it, since nothing there is sent in
 * clear that was not before. A move from https to http never does: the password would cross
 * the network unencrypted. Stateless.
 */
public final class SignInReach {
    private SignInReach() {}

    /** Whether a sign-in given for {@code given} may go with a request to {@code to}. */
    public static boolean reaches(URI given, URI to) {
        return Urls.host(given).equals(Urls.host(to)) && schemeAndPortAllow(given, to);
    }

    /**
     * The scheme and port half of {@link #reaches}, for a caller that judges the host itself
     * (a crawl's site may span the www and bare names of one domain): the same scheme and port,
     * or plain http on port 80 to https on 443.
     */
    public static boolean schemeAndPortAllow(URI given, URI to) {
        String from = scheme(given);
        String next = scheme(to);
        int fromPort = Urls.port(given);
        int nextPort = Urls.port(to);
        if (from.equals(next)) {
            return fromPort == nextPort;
        }
        return from.equals("http") && next.equals("https") && fromPort == 80 && nextPort == 443;
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
