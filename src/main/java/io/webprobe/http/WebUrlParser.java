package io.webprobe.http;

import io.webprobe.http.PercentEncoding.EncodeSet;
import io.webprobe.http.WebUrlException.Problem;
import java.nio.charset.Charset;
import java.util.Locale;

/**
 * The basic URL parser of the WHATWG URL Standard (section 4.4) for the special schemes http
 * and https, without state override. The states appear as methods, in the standard's order:
 * scheme start and scheme; no scheme; special relative or authority; relative and relative
 * slash; special authority slashes and special authority ignore slashes; authority, host and
 * port; path start and path; query; fragment. Instead of buffers, the URL is written straight
 * into its serialisation (section 4.5), whose component boundaries are recorded; as the
 * standard fills the components in serialisation order, nothing is ever moved, and path
 * segments are removed by truncating. Another scheme stops the parse with
 * {@link Problem#NOT_HTTP}.
 *
 * <p>One instance per parse; not thread-safe (use {@link WebUrl#parse}).
 */
final class WebUrlParser {
    private static final int EOF = -1;

    private final String in;
    private final int len;
    private final WebUrl base;
    /** The query's encoding when not UTF-8 ({@link Encodings#forUrls}), else null. */
    private final Charset encoding;
    private final StringBuilder out;
    private boolean https;
    private int hostStart;
    private int hostEnd;
    private int port = -1;
    private int pathStart;
    private int queryStart = -1;
    private int fragmentStart = -1;
    private int segmentStart;

    WebUrlParser(String input, WebUrl base) {
        this(input, base, null);
    }

    /**
     * @param encoding the encoding of the document the input is in, or null for UTF-8: the
     *     query is encoded in it (the standard's "encoding-parsing a URL" of the HTML standard)
     */
    WebUrlParser(String input, WebUrl base, Charset encoding) {
        this.in = clean(input);
        this.len = in.length();
        this.base = base;
        this.encoding = Encodings.forUrls(encoding);
        this.out = new StringBuilder(len + 16 + (base == null ? 0 : base.href().length()));
    }

    /**
     * The input without leading and trailing C0 controls and spaces, and without any ASCII
     * tab or newline: the standard's first two steps. Returns the input itself when clean.
     */
    static String clean(String input) {
        int from = 0;
        int to = input.length();
        while (from < to && input.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && input.charAt(to - 1) <= ' ') {
            to--;
        }
        StringBuilder sb = null;
        for (int i = from; i < to; i++) {
            char c = input.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (sb == null) {
                    sb = new StringBuilder(to - from).append(input, from, i);
                }
            } else if (sb != null) {
                sb.append(c);
            }
        }
        if (sb != null) {
            return sb.toString();
        }
        return from == 0 && to == input.length() ? input : input.substring(from, to);
    }

    private int at(int i) {
        return i < len ? in.charAt(i) : EOF;
    }

    private static boolean isSlash(int c) {
        return c == '/' || c == '\\'; // a backslash is a slash in special URLs
    }

    WebUrl parse() throws WebUrlException {
        int colon = schemeEnd();
        if (colon < 0) {
            // no scheme state: a base with an http(s) URL (never an opaque path) is relative
            if (base == null) {
                throw new WebUrlException(Problem.MISSING_SCHEME, "");
            }
            relative(0);
        } else {
            int schemeLength = colon;
            boolean http = schemeLength == 4 && in.regionMatches(true, 0, "http", 0, 4);
            https = schemeLength == 5 && in.regionMatches(true, 0, "https", 0, 5);
            if (!http && !https) {
                throw new WebUrlException(Problem.NOT_HTTP,
                        in.substring(0, colon).toLowerCase(Locale.ROOT));
            }
            int p = colon + 1;
            if (base != null && base.isHttps() == https) {
                // special relative or authority state
                if (at(p) == '/' && at(p + 1) == '/') {
                    authority(p + 2);
                } else {
                    relative(p);
                }
            } else {
                // special authority slashes state, then special authority ignore slashes
                authority(p);
            }
        }
        return new WebUrl(out.toString(), https ? 5 : 4, hostStart, hostEnd, port, pathStart,
                queryStart, fragmentStart);
    }

    /** The scheme state: the index of the ":" ending a valid scheme, or -1 (no scheme). */
    private int schemeEnd() {
        if (len == 0 || !isAsciiAlpha(in.charAt(0))) {
            return -1;
        }
        for (int i = 1; i < len; i++) {
            char c = in.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!isAsciiAlpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isAsciiAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The relative state, with the base's scheme, at {@code p}. */
    private void relative(int p) throws WebUrlException {
        https = base.isHttps();
        int c = at(p);
        if (isSlash(c)) {
            // relative slash state
            if (isSlash(at(p + 1))) {
                authority(p + 2);
                return;
            }
            copyBase(base.pathStart());
            path(p + 1);
            return;
        }
        copyBase(base.pathEnd());
        if (c == '?') {
            query(p + 1);
        } else if (c == '#') {
            out.append(base.href(), base.pathEnd(), base.queryEnd());
            queryStart = base.queryStart();
            fragment(p + 1);
        } else if (c == EOF) {
            out.append(base.href(), base.pathEnd(), base.queryEnd());
            queryStart = base.queryStart();
        } else {
            shortenPath();
            path(p);
        }
    }

    /** Starts the URL as the base's scheme and authority, and its path when {@code to} says. */
    private void copyBase(int to) {
        out.setLength(0);
        out.append(base.href(), 0, to);
        hostStart = base.hostStart();
        hostEnd = base.hostEnd();
        port = base.port();
        pathStart = base.pathStart();
    }

    /**
     * The special authority ignore slashes state at {@code p}, then the authority, host and
     * port states up to the path.
     */
    private void authority(int p) throws WebUrlException {
        while (isSlash(at(p))) {
            p++;
        }
        out.setLength(0);
        out.append(https ? "https://" : "http://");
        int end = p;
        int lastAt = -1;
        for (int c = at(end); c != EOF && !isSlash(c) && c != '?' && c != '#'; c = at(++end)) {
            if (c == '@') {
                lastAt = end;
            }
        }
        int hostFrom = p;
        if (lastAt >= 0) {
            if (lastAt + 1 == end) {
                throw new WebUrlException(Problem.MISSING_HOST, in.substring(p, end));
            }
            userinfo(p, lastAt);
            hostFrom = lastAt + 1;
        }
        // host state: a ":" outside brackets starts the port
        int colon = -1;
        boolean inBrackets = false;
        for (int i = hostFrom; i < end && colon < 0; i++) {
            char c = in.charAt(i);
            if (c == '[') {
                inBrackets = true;
            } else if (c == ']') {
                inBrackets = false;
            } else if (c == ':' && !inBrackets) {
                colon = i;
            }
        }
        int hostTo = colon >= 0 ? colon : end;
        if (hostTo == hostFrom) {
            throw new WebUrlException(Problem.MISSING_HOST, in.substring(p, end));
        }
        hostStart = out.length();
        HostParser.parse(in, hostFrom, hostTo, out);
        hostEnd = out.length();
        if (colon >= 0) {
            port(colon + 1, end);
        }
        pathStart = out.length();
        // path start state
        path(isSlash(at(end)) ? end + 1 : end);
    }

    /** Writes "user:password@" (each percent-encoded) for the userinfo {@code in[from, to)}. */
    private void userinfo(int from, int to) {
        int start = out.length();
        int passwordStart = -1;
        for (int i = from; i < to; ) {
            if (in.charAt(i) == ':' && passwordStart < 0) {
                out.append(':');
                passwordStart = out.length();
                i++;
            } else {
                i = PercentEncoding.appendEncoded(out, in, i, PercentEncoding.USERINFO);
            }
        }
        if (passwordStart == out.length()) {
            out.setLength(passwordStart - 1); // an empty password is not serialised
        }
        if (out.length() > start) {
            out.append('@');
        }
    }

    /** The port state for {@code in[from, to)}: digits only, at most 65535, default dropped. */
    private void port(int from, int to) throws WebUrlException {
        for (int i = from; i < to; i++) {
            if (in.charAt(i) < '0' || in.charAt(i) > '9') {
                throw new WebUrlException(Problem.INVALID_PORT, in.substring(from, to));
            }
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (in.charAt(i) - '0');
            if (value > 65535) {
                throw new WebUrlException(Problem.PORT_OUT_OF_RANGE, in.substring(from, to));
            }
        }
        if (from == to || value == (https ? 443 : 80)) {
            return;
        }
        port = value;
        out.append(':').append(value);
    }

    /** The path state from {@code p}, starting a new segment; goes on to query and fragment. */
    private void path(int p) {
        startSegment();
        for (int i = p; i < len; ) {
            char c = in.charAt(i);
            if (isSlash(c)) {
                endSegment(true);
                startSegment();
                i++;
            } else if (c == '?') {
                endSegment(false);
                query(i + 1);
                return;
            } else if (c == '#') {
                endSegment(false);
                fragment(i + 1);
                return;
            } else {
                i = PercentEncoding.appendEncoded(out, in, i, PercentEncoding.PATH);
            }
        }
        endSegment(false);
    }

    private void startSegment() {
        segmentStart = out.length();
        out.append('/');
    }

    /**
     * Ends the segment written since {@link #startSegment}: "." and ".." (also as "%2e")
     * are removed, ".." with the segment before it; at the end of the path they leave an
     * empty segment, so "a/.." is "/" and "a/." is "a/". Other segments, empty ones
     * included, are kept as written.
     */
    private void endSegment(boolean slashFollows) {
        int from = segmentStart + 1;
        int length = out.length() - from;
        if (isDoubleDot(from, length)) {
            out.setLength(segmentStart);
            shortenPath();
            if (!slashFollows) {
                out.append('/');
            }
        } else if (isSingleDot(from, length)) {
            out.setLength(slashFollows ? segmentStart : segmentStart + 1);
        }
    }

    /** Removes the path's last segment, if any. */
    private void shortenPath() {
        int i = out.length() - 1;
        while (i >= pathStart && out.charAt(i) != '/') {
            i--;
        }
        if (i >= pathStart) {
            out.setLength(i);
        }
    }

    private boolean isSingleDot(int from, int length) {
        return length == 1 ? out.charAt(from) == '.' : length == 3 && isEncodedDot(from);
    }

    private boolean isDoubleDot(int from, int length) {
        return switch (length) {
            case 2 -> out.charAt(from) == '.' && out.charAt(from + 1) == '.';
            case 4 -> (out.charAt(from) == '.' && isEncodedDot(from + 1))
                    || (isEncodedDot(from) && out.charAt(from + 3) == '.');
            case 6 -> isEncodedDot(from) && isEncodedDot(from + 3);
            default -> false;
        };
    }

    private boolean isEncodedDot(int i) {
        return out.charAt(i) == '%' && out.charAt(i + 1) == '2'
                && (out.charAt(i + 2) | 0x20) == 'e';
    }

    /** The query state from {@code p} (the "?" is written here). */
    private void query(int p) {
        queryStart = out.length();
        out.append('?');
        int end = in.indexOf('#', p);
        if (end < 0) {
            end = len;
        }
        if (encoding != null && !isAscii(p, end)) {
            PercentEncoding.appendEncoded(out, in.substring(p, end), encoding,
                    PercentEncoding.SPECIAL_QUERY);
        } else {
            for (int i = p; i < end; ) {
                i = PercentEncoding.appendEncoded(out, in, i, PercentEncoding.SPECIAL_QUERY);
            }
        }
        if (end < len) {
            fragment(end + 1);
        }
    }

    private boolean isAscii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (in.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The fragment state from {@code p} (the "#" is written here). */
    private void fragment(int p) {
        fragmentStart = out.length();
        out.append('#');
        EncodeSet set = PercentEncoding.FRAGMENT;
        for (int i = p; i < len; ) {
            i = PercentEncoding.appendEncoded(out, in, i, set);
        }
    }
}
