package io.webprobe.http;

import java.net.URI;
import java.util.Locale;

/**
 * Reads a URL as a person types it (the URL field, the command line, a list of ping targets)
 * the way a browser's address bar does, and checks that a URI can be requested over HTTP.
 *
 * <p>An address without a scheme that starts with a host name ({@code example.com},
 * {@code example.com/docs}, {@code 127.0.0.1:8080}, {@code localhost:8080/docs},
 * {@code [::1]:8080/}) gets {@code http://}: browsers try http when no scheme is given (some
 * first try https, which a server without TLS refuses), and a site on https normally
 * redirects there, which the crawl follows. Anything else is refused with one plain sentence
 * naming the problem, with a long address shortened in it ({@link #shortened}). The URL is
 * then parsed by {@link WebUrl} (the WHATWG URL Standard), so what is accepted is requested
 * exactly as a browser would request it. Stateless and thread-safe.
 */
public final class UrlSyntax {
    /** Addresses longer than this are shortened in messages. */
    static final int MAX_SHOWN = 100;
    private static final String PORT_RANGE = "ports go from 1 to 65535";

    private UrlSyntax() {}

    /**
     * Parses what a user typed into a requestable http(s) URI, or throws with a plain sentence
     * saying what is wrong. The URI is the browser's serialisation ({@link WebUrl#toUri()}):
     * {@code HTTP://Example.com} is {@code http://example.com/}. The fragment is kept.
     */
    public static URI parseUserUrl(String input) throws InvalidUrlException {
        return parse(input).toUri();
    }

    /**
     * The request target (path and query) a browser sends for what a user typed, when the
     * URI {@link #parseUserUrl} gives cannot say it: a "%" not followed by two hex digits
     * ({@code /100%}), which the URI holds as "%25" ({@link Urls#requestTarget}). Null when the
     * URI's path and query are what a browser sends, or when the input is not a URL.
     */
    public static String requestTarget(String input) {
        try {
            return Urls.requestTarget(parse(input).requestUrl()); // the fragment is not sent
        } catch (InvalidUrlException e) {
            return null;
        }
    }

    /**
     * What a user typed as the crawl asks and shows it ({@link WebUrl#requestUrl()}'s form, as
     * for a link): {@link #parseUserUrl}'s URI with the path and query of {@link
     * #requestTarget}, so {@code /100%.html} stays so. The fragment is kept.
     */
    public static String asRequested(String input) throws InvalidUrlException {
        return Urls.withRequestTarget(parseUserUrl(input), requestTarget(input));
    }

    /** What {@link #parseUserUrl} returns, as a {@link WebUrl} with a requestable host. */
    private static WebUrl parse(String input) throws InvalidUrlException {
        if (input != null && hasControl(input)) {
            // a line of a binary file, or a NUL in a list: browsers would percent-encode it into
            // a URL nobody meant; tabs and line breaks are dropped, as a pasted address has them
            throw new InvalidUrlException("This is not a web address: it holds characters that "
                    + "are not text.");
        }
        String typed = input == null ? "" : WebUrlParser.clean(input).strip();
        if (typed.isEmpty()) {
            throw new InvalidUrlException(
                    "Enter an address to start, for example https://example.com/.");
        }
        String candidate = withScheme(typed);
        WebUrl url;
        try {
            url = WebUrl.parse(candidate);
        } catch (WebUrlException e) {
            throw new InvalidUrlException(sentence(e, candidate));
        }
        if (url.port() == 0) {
            throw new InvalidUrlException("Port 0 is out of range: " + PORT_RANGE + ".");
        }
        if (!url.username().isEmpty() || !url.password().isEmpty()) {
            // sent on every request, kept in every row and file: refused rather than leaked
            throw new InvalidUrlException("The address has a user name or password in it (before "
                    + "the @); Webprobe does not take those from an address: remove them, and "
                    + "sign in with --user on the command line (the app asks when the site "
                    + "does).");
        }
        if (!Urls.isRequestableHost(url.host())) {
            throw new InvalidUrlException("The host name " + shortened(url.host())
                    + " cannot be used: host names have only letters, digits, hyphens,"
                    + " underscores and dots.");
        }
        return url;
    }

    /**
     * The address to parse: as typed when it has an http(s) scheme, with "http://" added when
     * it starts with a host name ("http:" when with "//" and a host name).
     *
     * @throws InvalidUrlException when it is neither
     */
    private static String withScheme(String s) throws InvalidUrlException {
        if (localPath(s) != null) {
            throw new InvalidUrlException("That is a file or folder on this computer, not a web "
                    + "address: serve it " + SERVE_IT);
        }
        int colon = schemeEnd(s);
        if (colon > 0) {
            String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                throw new InvalidUrlException("Files on this computer (file://) cannot be "
                        + "checked: serve their folder " + SERVE_IT);
            }
            int slashes = 0;
            while (colon + 1 + slashes < s.length() && isSlash(s.charAt(colon + 1 + slashes))) {
                slashes++;
            }
            String rest = s.substring(colon + 1 + slashes);
            if (scheme.equals("http") || scheme.equals("https")) {
                if (slashes > 2) {
                    throw new InvalidUrlException("The address has " + slashes + " slashes after "
                            + scheme + ":" + meant(scheme + "://" + rest, " (" + scheme
                            + ":// has two)."));
                }
                return s;
            }
            if (looksLikeHost(s) || scheme.indexOf('.') > 0 || scheme.equals("localhost")) {
                // "localhost:8080", "example.com:8080/docs"; "example.com:80a" has a bad port
                return "http://" + s;
            }
            String meant = typoOfHttp(scheme);
            if (meant != null && slashes > 0) {
                throw new InvalidUrlException("The address starts with "
                        + s.substring(0, colon + 1 + slashes)
                        + " instead of http:// or https://" + meant(meant + "://" + rest, "."));
            }
            throw new InvalidUrlException("Only http:// and https:// addresses can be checked; "
                    + shortened(s) + " is not one.");
        }
        for (String scheme : new String[] {"https", "http"}) {
            if (s.regionMatches(true, 0, scheme + "//", 0, scheme.length() + 2)) {
                String rest = s.substring(scheme.length() + 2);
                throw new InvalidUrlException("The address has no colon after " + scheme
                        + meant(scheme + "://" + rest, " (" + scheme + "://)."));
            }
        }
        if (looksLikeHost(s)) {
            return "http://" + s;
        }
        if (s.startsWith("//") && looksLikeHost(s.substring(2))) {
            // a link's scheme-relative form, copied from a page: "http:" added, as "http://"
            // is to a host name alone (it read "it needs a host name such as example.com")
            return "http:" + s;
        }
        if (hasSpace(s)) {
            String joined = withoutSpaces(s);
            if (looksLikeHost(joined)) {
                throw new InvalidUrlException("The address contains a space; did you mean "
                        + shortened("http://" + joined) + "?");
            }
            throw new InvalidUrlException("This is not a web address: it has spaces and does not "
                    + "start with a host name such as example.com or with http://.");
        }
        throw new InvalidUrlException("This is not a web address: it needs a host name such as "
                + "example.com, or to start with http:// or https://.");
    }

    /**
     * The end of a sentence on a mistyped scheme: "; did you mean {@code suggested}?" when that
     * is an address this class takes, or the same without its spaces when that is one (as for
     * a space in a host name), else {@code otherwise}. "htp:/bad url" was answered "did you
     * mean http://bad url?", an address refused in turn.
     */
    private static String meant(String suggested, String otherwise) {
        for (String s : new String[] {suggested, withoutSpaces(suggested)}) {
            try {
                parse(s);
                return "; did you mean " + shortened(s) + "?";
            } catch (InvalidUrlException e) {
                // not one either: the next, or no suggestion
            }
        }
        return otherwise;
    }

    /** What to do instead of giving a file: the end of a sentence. */
    private static final String SERVE_IT = "with a local web server and give its address, "
            + "such as http://localhost:8000/.";

    /**
     * Whether the text typed is written as a path on this computer: {@code
     * /srv/site/index.html}, {@code ./public}, {@code ~/site}, {@code C:\site} (not {@code
     * //host/}, a link without its scheme).
     */
    static boolean looksLikeLocalPath(String s) {
        if (s.startsWith("//") || s.startsWith("\\\\")) {
            return false;
        }
        return s.startsWith("/") || s.startsWith("./") || s.startsWith("../")
                || s.startsWith(".\\") || s.startsWith("~/") || s.equals("~") || s.equals(".")
                || (s.length() >= 3 && Character.isLetter(s.charAt(0)) && s.charAt(1) == ':'
                        && (s.charAt(2) == '\\' || s.charAt(2) == '/')
                        && !s.startsWith("//", 2));
    }

    /**
     * The file or folder that text typed as an address names on this computer ({@link
     * #looksLikeLocalPath}, {@code ~} the home folder), or null when it is not written as a
     * path or names nothing here: only then is it called a file, since {@code /about} in a
     * list of URLs is more likely a link without its site.
     */
    public static java.nio.file.Path localPath(String s) {
        if (s == null || !looksLikeLocalPath(s.strip())) {
            return null;
        }
        String typed = s.strip();
        try {
            String home = System.getProperty("user.home", "");
            java.nio.file.Path p = java.nio.file.Path.of(typed.equals("~") ? home
                    : typed.startsWith("~/") ? home + typed.substring(1) : typed);
            return java.nio.file.Files.exists(p) ? p : null;
        } catch (java.nio.file.InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /** One sentence for a parse failure of {@code candidate}. */
    private static String sentence(WebUrlException e, String candidate) {
        String detail = shortened(e.detail());
        return switch (e.problem()) {
            case MISSING_HOST -> "The address has no host name after "
                    + candidate.substring(0, schemeEnd(candidate)).toLowerCase(Locale.ROOT)
                    + "://.";
            case PORT_OUT_OF_RANGE -> "Port " + detail + " is out of range: " + PORT_RANGE + ".";
            case INVALID_PORT -> detail.contains(" ") && !detail.isBlank()
                    && detail.strip().chars().allMatch(Character::isDigit)
                    ? "The address has a space after the port " + detail.strip()
                            + "; remove it (a space in a path is written %20)."
                    : "The port \"" + detail + "\" is not a number: " + PORT_RANGE + ".";
            case FORBIDDEN_HOST_CHARACTER -> e.character() == ' ' ? spaceInHost(candidate)
                    : "The host name " + detail + " contains "
                            + WebUrlException.describe(e.character())
                            + ", which no host name can have.";
            case INVALID_DOMAIN -> "The host name " + detail + " is not a valid domain name.";
            case INVALID_IPV4 -> "The host " + detail + " is not a valid IP address: that is four "
                    + "numbers from 0 to 255, such as 192.168.0.1.";
            case INVALID_IPV6 -> "The host " + detail + " is not a valid IPv6 address.";
            case NOT_HTTP, MISSING_SCHEME -> "Only http:// and https:// addresses can be checked; "
                    + shortened(candidate) + " is not one.";
        };
    }

    private static String spaceInHost(String candidate) {
        String joined = withoutSpaces(candidate);
        try {
            WebUrl.parse(joined);
            return "The address contains a space; did you mean " + shortened(joined) + "?";
        } catch (WebUrlException e) {
            return "The host name contains a space, which no host name can have.";
        }
    }

    /**
     * Whether the text before the first "/", "?", "#" or "\" is a host name with an optional
     * port: an IPv6 address in brackets, or letters, digits, "-", "_" and dots (any
     * international letter too), with a dot in it, or "localhost", or a port.
     */
    static boolean looksLikeHost(String s) {
        int end = 0;
        while (end < s.length() && "/?#\\".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        int hostEnd = end;
        int colon = s.lastIndexOf(':', end - 1);
        if (colon >= 0 && (s.charAt(0) != '[' || colon > s.indexOf(']'))) {
            if (colon + 1 == end || !allDigits(s, colon + 1, end)) {
                return false;
            }
            hostEnd = colon;
        }
        if (hostEnd == 0) {
            return false;
        }
        if (s.charAt(0) == '[') {
            return s.charAt(hostEnd - 1) == ']';
        }
        boolean dot = false;
        for (int i = 0; i < hostEnd; i++) {
            char c = s.charAt(i);
            if (c == '.' && i > 0 && i < hostEnd - 1) {
                dot = true;
            } else if (!Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.') {
                return false;
            }
        }
        boolean localhost = hostEnd == "localhost".length()
                && s.regionMatches(true, 0, "localhost", 0, hostEnd);
        return dot || localhost || hostEnd < end;
    }

    /** "http" or "https" when {@code scheme} is one letter off (or two swapped), else null. */
    static String typoOfHttp(String scheme) {
        if (io.webprobe.EditDistance.between(scheme, "https") <= 1) {
            return "https";
        }
        return io.webprobe.EditDistance.between(scheme, "http") <= 1 ? "http" : null;
    }

    private static final java.util.regex.Pattern ESCAPED_STRAY_PERCENT =
            java.util.regex.Pattern.compile("%25(?![0-9A-Fa-f]{2})");

    /**
     * A URL as a browser's address bar shows it: a "%" not followed by two hex digits as it was
     * typed ({@code /%zz}, {@code /100%}), where the request form ({@link #parseUserUrl},
     * {@link WebUrl#toUri()}) escapes it as {@code %25}. For messages naming a typed URL.
     */
    public static String asBrowserShows(String url) {
        return ESCAPED_STRAY_PERCENT.matcher(url).replaceAll("%");
    }

    /**
     * A URL as a browser's address bar shows it to people ({@link #asBrowserShows}), its
     * percent-encoded UTF-8 letters shown as letters: {@code /caf%C3%A9/na%C3%AFve.html} is
     * {@code /café/naïve.html}, {@code /%E4%B8%AD%E6%96%87.html} is {@code /中文.html}. Only
     * characters outside ASCII are decoded, and not those a browser keeps escaped so that an
     * address cannot mislead: spaces, control and invisible (format) characters, unassigned
     * and private-use code points, and look-alikes of "/" and "\". Escaped ASCII ({@code %20},
     * {@code %2F}) and bytes that are not UTF-8 are left as they are. An internationalised
     * host is shown in its letters, {@code xn--mller-kva.example} as {@code müller.example},
     * unless it could mislead ({@link IdnDisplay}). For display only: a request, a copy, a
     * file or an export keeps the URL itself. Null for null.
     */
    public static String forPeople(String url) {
        if (url == null) {
            return null;
        }
        url = IdnDisplay.inUrl(url);
        if (url.indexOf('%') < 0) {
            return asBrowserShows(url);
        }
        StringBuilder out = new StringBuilder(url.length());
        int i = 0;
        while (i < url.length()) {
            int lead = escapedByte(url, i);
            int len = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
            String decoded = len == 0 ? null : decodedLetter(url, i, len);
            if (decoded != null) {
                out.append(decoded);
                i += 3 * len;
            } else {
                out.append(url.charAt(i));
                i++;
            }
        }
        return asBrowserShows(out.toString());
    }

    /** The byte {@code %XX} at {@code i} stands for, or -1. */
    private static int escapedByte(String s, int i) {
        if (i + 2 >= s.length() || s.charAt(i) != '%') {
            return -1;
        }
        int hi = Character.digit(s.charAt(i + 1), 16);
        int lo = Character.digit(s.charAt(i + 2), 16);
        return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
    }

    /**
     * The character that the {@code len} escaped bytes at {@code i} encode in UTF-8, when they
     * are one and a browser shows it; else null.
     */
    private static String decodedLetter(String s, int i, int len) {
        byte[] bytes = new byte[len];
        for (int k = 0; k < len; k++) {
            int b = escapedByte(s, i + 3 * k);
            if (b < 0 || k > 0 && (b & 0xC0) != 0x80) {
                return null;
            }
            bytes[k] = (byte) b;
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null; // overlong, a surrogate, past U+10FFFF
        }
        int cp = text.codePointAt(0);
        if (text.length() != Character.charCount(cp) || cp < 0xA0) {
            return null;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.SURROGATE, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> null;
            default -> MISLEADING.indexOf(cp) >= 0 || Character.isWhitespace(cp)
                    || cp >= 0xFE00 && cp <= 0xFE0F ? null : text;
        };
    }

    /** Look-alikes of "/", "\", "?", "#" and "." kept escaped, as browsers keep them. */
    private static final String MISLEADING =
            "\u2044\u2215\u29F8\uFF0F\u2216\u29F5\u29F9\uFE68\uFF3C\uFF1F\uFF03"
            + "\u3002\uFF0E\uFE52\u0338\u115F\u1160\u3164\uFFA0";

    /**
     * The text as typed when it has at most {@value #MAX_SHOWN} characters; otherwise its
     * start and end with an ellipsis between, {@value #MAX_SHOWN} characters in all. Control
     * characters are shown as {@link #visible} shows them, so a message quoting what the user
     * gave never sends a terminal an escape sequence.
     */
    public static String shortened(String s) {
        s = visible(s);
        if (s.length() <= MAX_SHOWN) {
            return s;
        }
        int head = 60;
        int tail = MAX_SHOWN - head - 1;
        if (Character.isHighSurrogate(s.charAt(head - 1))) {
            head--;
        }
        int tailStart = s.length() - tail;
        if (Character.isLowSurrogate(s.charAt(tailStart))) {
            tailStart++;
        }
        return s.substring(0, head) + "…" + s.substring(tailStart);
    }

    /**
     * The text with each control character (C0, DEL and C1: U+0000-U+001F, U+007F-U+009F) as
     * {@code \xNN}: a URL line holding {@code ESC [31m} or {@code ESC ]0;title BEL}, echoed in
     * a message on a terminal, recoloured it or set its title.
     */
    public static String visible(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append("\\x").append(Character.forDigit(c >> 4, 16))
                        .append(Character.forDigit(c & 0xf, 16));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The index of the ":" ending a scheme at the start of {@code s}, or -1. */
    private static int schemeEnd(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text has a control character ({@link #visible} shows them as {@code \xNN})
     * other than a tab or a line break.
     */
    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
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
        if (uri.isOpaque() || Urls.host(uri).isEmpty()) {
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
