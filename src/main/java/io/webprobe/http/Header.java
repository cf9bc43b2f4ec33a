package io.webprobe.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One request header. Immutable.
 *
 * @param name the field name (token characters only)
 * @param value the field value (no CR or LF)
 * @param removes whether it is not sent and only takes the default of its name away ({@link
 *     #sent}): given with no value, {@code -H 'Accept:'}; one given as {@code -H 'Accept;'} is
 *     sent with an empty value instead, as curl reads them
 */
public record Header(String name, String value, boolean removes) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (removes && !value.isEmpty()) {
            throw new IllegalArgumentException("Header " + name + " removes with a value");
        }
        if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
            throw new IllegalArgumentException("'" + UrlSyntax.shortened(name)
                    + "' is not a valid header name");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header " + name + " has a line break in its value");
        }
    }

    /**
     * A header sent with this value, an empty one too (a response's header, an engine's
     * default); only {@link #parse} makes one that takes a header away ({@link #removes()}).
     */
    public Header(String name, String value) {
        this(name, value, false);
    }

    /** Runs of white space, between a header line's words. */
    private static final java.util.regex.Pattern SPACES =
            java.util.regex.Pattern.compile("\\s+");

    /**
     * Parses a header as typed on a command line, the one rule for {@code -H} and the Ping
     * tab's Headers box, as curl reads them: "Name: value"; "Name:" with no value, which takes
     * the header away ({@link #removes()}); "Name;", which sends it with an empty value.
     *
     * @throws IllegalArgumentException with a plain message when malformed
     */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        String bare = line.strip();
        if (colon < 0 && bare.length() > 1 && bare.endsWith(";")) {
            return new Header(bare.substring(0, bare.length() - 1).strip(), "", false);
        }
        if (colon <= 0) {
            // its first word only: the rest of a line missing its colon may be a password
            // ("Authorization Bearer TOKEN"), and the sentence shows in the Crawl tab too
            String[] words = SPACES.split(bare, 2);
            throw new IllegalArgumentException(
                    "'" + UrlSyntax.shortened(words[0]) + (words.length > 1 ? " …" : "")
                            + "' is not a header; write it as 'Name: value'");
        }
        String value = line.substring(colon + 1).strip();
        return new Header(line.substring(0, colon).strip(), value, value.isEmpty());
    }

    /**
     * The sign-in of HTTP basic authentication (RFC 7617, UTF-8) for this user and password.
     *
     * @throws IllegalArgumentException when the user name is empty or holds a colon, which
     *     basic authentication cannot carry
     */
    public static Header basicSignIn(String user, String password) {
        if (user.isEmpty()) {
            throw new IllegalArgumentException("The user name is empty; give it as "
                    + "NAME:PASSWORD.");
        }
        if (user.indexOf(':') >= 0 || user.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("A user name cannot hold a colon or a control "
                    + "character in a basic sign-in.");
        }
        if (password.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("A password cannot hold a control character in "
                    + "a basic sign-in.");
        }
        String token = java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Header("Authorization", "Basic " + token);
    }

    /**
     * The header lines of a request, the one rule for every engine: each default the engine
     * sends ({@code Host}, {@code User-Agent}, {@code Accept}...) unless a given header has its
     * name, then the given headers, except those given with no value ({@link #removes}),
     * which are not sent and only take the default of their name away, as curl reads
     * {@code -H 'Accept:'}. {@code Host} is the exception: an empty one leaves the default Host,
     * which HTTP/1.1 requires (curl then sends none, and servers answer 400).
     *
     * @param defaults the engine's own headers, in order
     * @param given the caller's headers (the user's {@code -H}), in order
     */
    public static List<Header> sent(List<Header> defaults, List<Header> given) {
        List<Header> out = new ArrayList<>(defaults.size() + given.size());
        for (Header d : defaults) {
            boolean replaced = false;
            for (Header g : given) {
                replaced |= g.is(d.name()) && !(g.removes() && g.is("Host"));
            }
            if (!replaced) {
                out.add(d);
            }
        }
        for (Header g : given) {
            if (!g.removes()) {
                out.add(g);
            }
        }
        return out;
    }

    /** Why these headers sign in more than once, or null: one sign-in per request. */
    public static String signInProblem(List<Header> headers) {
        return headers.stream().filter(h -> h.is("Authorization") && !h.removes()).count() > 1
                ? "Give one sign-in: a user and password, or one Authorization header." : null;
    }

    /**
     * Whether its value may be a password, a token or a session: Authorization,
     * Proxy-Authorization, Cookie, or a name that says so (X-Api-Key, X-Auth-Token,
     * X-Session-Id...). Such a header is never written to disk by the window (the crawl
     * settings it remembers) nor shown outside the field it was typed in.
     */
    public boolean secret() {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("authorization") || n.equals("proxy-authorization")
                || n.equals("cookie") || n.contains("auth") || n.contains("token")
                || n.contains("key") || n.contains("secret") || n.contains("session")
                || n.contains("password");
    }

    /**
     * The header as a line that {@link #parse} reads back to it: "Name: value", "Name:" for
     * one that takes a header away, "Name;" for one sent empty. Holds the value: never for a
     * log or a sentence.
     */
    public String line() {
        return removes ? name + ":" : value.isEmpty() ? name + ";" : name + ": " + value;
    }

    /**
     * The header for a log or an assertion's message: a {@link #secret} value is left out, so
     * a plan or request printed whole (records print their parts) never shows a password.
     */
    @Override
    public String toString() {
        return "Header[" + (secret() && !value.isEmpty() ? name + ": (not shown)" : line()) + "]";
    }

    /** True when the name matches, ignoring case (RFC 9110 5.1). */
    public boolean is(String other) {
        return name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    /** Whether a field name may hold this character (an RFC 9110 token character). */
    static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
