package io.webprobe.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks that a URL can be requested over HTTP. Stateless. */
public final class UrlSyntax {
    private UrlSyntax() {}

    /**
     * Parses user input into a requestable URI, or throws with a plain sentence saying what is
     * wrong. Adds nothing: "example.com" is refused with a hint rather than guessed.
     */
    public static URI parseUserUrl(String input) throws InvalidUrlException {
        String s = input == null ? "" : input.strip();
        if (s.isEmpty()) {
            throw new InvalidUrlException("Enter a URL to start, for example https://example.com/");
        }
        URI uri;
        try {
            uri = new URI(Urls.encodeIllegal(s));
        } catch (URISyntaxException e) {
            throw new InvalidUrlException("This is not a valid URL: " + e.getReason() + ".");
        }
        if (uri.getScheme() == null) {
            boolean looksLikeHost = s.indexOf('.') > 0 && s.chars().noneMatch(Character::isWhitespace);
            throw new InvalidUrlException(looksLikeHost
                    ? "The URL needs to start with http:// or https://, for example https://" + s
                    : "This is not a URL: it needs to start with http:// or https://.");
        }
        String problem = problem(uri);
        if (problem != null) {
            throw new InvalidUrlException(problem);
        }
        return uri;
    }

    /** Why this URI cannot be requested over HTTP, or null when it can. */
    public static String problem(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null) {
            return "The URL has no scheme; it needs to start with http:// or https://.";
        }
        String lower = scheme.toLowerCase(Locale.ROOT);
        if (!lower.equals("http") && !lower.equals("https")) {
            return "Only http:// and https:// URLs can be checked, not " + lower + ":.";
        }
        if (uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return "The URL has no valid host name.";
        }
        return null;
    }

    /** Thrown for user input that is not a requestable URL; the message is for the user. */
    public static final class InvalidUrlException extends Exception {
        private static final long serialVersionUID = 1L;

        public InvalidUrlException(String message) {
            super(message);
        }
    }
}
