package io.webprobe.http;

import java.util.List;
import java.util.Locale;

/**
 * The scheme a 401 answer asks to be signed in with, from its {@code WWW-Authenticate} header
 * (RFC 9110 11.6.1): "Basic" for a user and password, "Bearer" for a token, and so on. The
 * command line names the option that gives that sign-in.
 */
public final class AuthChallenge {
    private AuthChallenge() {}

    /**
     * The first challenge's scheme as the server wrote it ("Basic", "Bearer", "Digest"...),
     * or "" when the response names none.
     */
    public static String scheme(List<Header> responseHeaders) {
        for (Header h : responseHeaders) {
            if (!h.is("WWW-Authenticate")) {
                continue;
            }
            String v = h.value().strip();
            int end = 0;
            while (end < v.length() && v.charAt(end) != ' ' && v.charAt(end) != ','
                    && v.charAt(end) != '\t') {
                end++;
            }
            if (end > 0) {
                return v.substring(0, end);
            }
        }
        return "";
    }

    /** Whether a user and password answer this scheme: Basic, or none named. */
    public static boolean takesPassword(String scheme) {
        return scheme.isEmpty() || scheme.toLowerCase(Locale.ROOT).equals("basic");
    }
}
