package io.webprobe.crawl;

import io.webprobe.http.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request headers sent to the site's own URLs and to no other host: a staging site's sign-in
 * ({@code Authorization}, from a user name and password), a session cookie, a token. Never
 * written to the crawl file (a resume is given them again) and never shown: {@link #toString()}
 * names the headers without their values. Immutable.
 */
public final class SiteHeaders {
    /** None: every request as the crawl sends it by default. */
    public static final SiteHeaders NONE = new SiteHeaders(List.of());

    /** Headers the engines set themselves; one given by hand would break or contradict them. */
    private static final List<String> OWN = List.of("Host", "Content-Length",
            "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Connection", "Accept-Encoding");

    private final List<Header> headers;

    private SiteHeaders(List<Header> headers) {
        this.headers = List.copyOf(headers);
    }

    /**
     * These headers, checked.
     *
     * @throws IllegalArgumentException with a plain sentence ({@link #problem}) when one cannot
     *     be sent
     */
    public static SiteHeaders of(List<Header> headers) {
        String problem = problem(headers);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return headers.isEmpty() ? NONE : new SiteHeaders(headers);
    }

    /**
     * Why these headers cannot be sent, one sentence, or null when they can: a header the
     * crawl sets itself, the User-Agent (a setting of its own, sent to every host), or two
     * sign-ins. One given with an empty value is never a problem: it sends nothing, and takes
     * away the default of its name ({@link Header#sent}), the User-Agent and Accept-Encoding
     * too (not Host).
     */
    public static String problem(List<Header> headers) {
        for (Header h : headers) {
            if (h.removes()) {
                continue;
            }
            for (String own : OWN) {
                if (h.is(own)) {
                    return "The " + own + " header is set by Webprobe itself for each request, "
                            + "so it cannot be given.";
                }
            }
            if (h.is("User-Agent")) {
                return "Set the User-Agent with the user agent setting (--user-agent), which "
                        + "every request sends, not as a header.";
            }
        }
        return Header.signInProblem(headers);
    }

    /**
     * Header lines as the command line's {@code -H} and the Crawl tab's Request headers box
     * take them, one each ({@link Header#parse}), checked as {@link #of} checks them: the one
     * rule for both, and the sentence both show.
     *
     * @throws IllegalArgumentException with one sentence about the first line that cannot be
     *     sent
     */
    public static SiteHeaders parse(List<String> lines) {
        List<Header> all = new ArrayList<>(lines.size());
        for (String line : lines) {
            all.add(parseLine(line));
        }
        return of(all);
    }

    /**
     * One header line, {@link Header#parse} with its sentence ended.
     *
     * @throws IllegalArgumentException with one sentence when it is not a header
     */
    public static Header parseLine(String line) {
        try {
            return Header.parse(line);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw new IllegalArgumentException(m.endsWith(".") ? m : m + ".", e);
        }
    }

    /**
     * These headers with the sign-in a site asked for in place of an Authorization among
     * them (the one given was refused, or none was given).
     */
    public SiteHeaders signedIn(SiteHeaders signIn) {
        if (signIn.isEmpty()) {
            return this;
        }
        List<Header> out = new ArrayList<>(headers.size() + signIn.headers.size());
        for (Header h : headers) {
            if (signIn.headers.stream().noneMatch(s -> s.is(h.name()))) {
                out.add(h);
            }
        }
        out.addAll(signIn.headers);
        return of(out);
    }

    /** The headers, in the order given. */
    public List<Header> headers() {
        return headers;
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** These headers after a request's own, replacing one of the same name. */
    List<Header> addedTo(List<Header> own) {
        if (headers.isEmpty()) {
            return own;
        }
        List<Header> out = new ArrayList<>(own.size() + headers.size());
        for (Header h : own) {
            if (headers.stream().noneMatch(s -> s.is(h.name()))) {
                out.add(h);
            }
        }
        out.addAll(headers);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteHeaders s && s.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    /** The names only: the values may be a password. */
    @Override
    public String toString() {
        return "SiteHeaders" + headers.stream().map(h -> h.name().toLowerCase(Locale.ROOT))
                .toList();
    }
}
