package io.webprobe.crawl;

import io.webprobe.http.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Request headers sent to the site's own URLs and to no other host: a staging site's sign-in
 * ({@code Authorization}, from a user name and password), a session cookie, a token. The crawl
 * file keeps those that hold no secret ({@link #kept()}), and of the others their names only
 * ({@link #notKept()}, ADR 0031): a plan read from a file sends the first, and knows the names
 * of the others it lacks ({@link #withheld()}) until they are given again ({@link #plus}).
 * {@link #toString()} names the headers without their values. Immutable.
 */
public final class SiteHeaders {
    /** None: every request as the crawl sends it by default. */
    public static final SiteHeaders NONE = new SiteHeaders(List.of(), List.of());

    /** Headers the engines set themselves; one given by hand would break or contradict them. */
    private static final List<String> OWN = List.of("Host", "Content-Length",
            "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Connection", "Accept-Encoding");

    private final List<Header> headers;
    /** Names of headers the crawl sent whose values are not known here (not kept on disk). */
    private final List<String> withheld;

    private SiteHeaders(List<Header> headers, List<String> withheld) {
        this.headers = List.copyOf(headers);
        this.withheld = List.copyOf(withheld);
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
        return headers.isEmpty() ? NONE : new SiteHeaders(headers, List.of());
    }

    /**
     * The headers a crawl file holds: those it keeps ({@link #kept()}), and the names of those
     * it sent whose values it does not keep ({@link #notKept()}), which this sends without.
     *
     * @throws IllegalArgumentException with a plain sentence when the kept ones cannot be sent
     */
    public static SiteHeaders stored(List<Header> kept, List<String> notKept) {
        SiteHeaders h = of(kept);
        List<String> names = new ArrayList<>();
        for (String n : notKept) {
            if (!named(h.headers, n) && names.stream().noneMatch(n::equalsIgnoreCase)) {
                names.add(new Header(n, "").name()); // a token, as a header's
            }
        }
        return names.isEmpty() ? h : new SiteHeaders(h.headers, names);
    }

    /**
     * Whether a crawl file keeps this header: one whose value may be a password ({@link
     * Header#secret()}) is kept by its name only, one with no value (it takes a header away,
     * or is sent empty) whole.
     */
    public static boolean keeps(Header h) {
        return !h.secret() || h.value().isEmpty();
    }

    /** The headers a crawl file keeps whole ({@link #keeps}), in the order given. */
    public List<Header> kept() {
        return headers.stream().filter(SiteHeaders::keeps).toList();
    }

    /**
     * The names of the headers whose values a crawl file does not keep: those among these
     * ({@link #keeps}), and those {@link #withheld()} already.
     */
    public List<String> notKept() {
        List<String> out = new ArrayList<>();
        for (Header h : headers) {
            if (!keeps(h)) {
                out.add(h.name());
            }
        }
        out.addAll(withheld);
        return out;
    }

    /**
     * Whether a header here has a value a crawl file does not keep (a sign-in, a token, a
     * cookie): given with this run, not read from the file.
     */
    public boolean secretGiven() {
        return !headers.stream().allMatch(SiteHeaders::keeps);
    }

    /**
     * The names of the headers the crawl sent whose values are not known here (its file does
     * not keep them, and they were not given again): it goes on without them. Empty for
     * headers given rather than read.
     */
    public List<String> withheld() {
        return withheld;
    }

    /**
     * The withheld headers in words, for the sentence that says a resume or a re-check goes
     * on without them: "its Authorization header, which is not kept on disk", "its Cookie and
     * X-Token headers, which are not kept on disk"; "" when there are none.
     */
    public String withheldClause() {
        int n = withheld.size();
        if (n == 0) {
            return "";
        }
        String names = n == 1 ? withheld.get(0)
                : String.join(", ", withheld.subList(0, n - 1)) + " and " + withheld.get(n - 1);
        return "its " + names + (n == 1 ? " header, which is" : " headers, which are")
                + " not kept on disk";
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
     * These headers with those given in place of any of the same name: a crawl file's with
     * the values it does not keep, given again ({@code --resume -H}, the window's memory), or
     * with the sign-in a site asked for in place of an Authorization among them. A withheld
     * name given is withheld no more.
     */
    public SiteHeaders plus(SiteHeaders given) {
        if (given.isEmpty()) {
            return this;
        }
        List<Header> out = new ArrayList<>(headers.size() + given.headers.size());
        for (Header h : headers) {
            if (!named(given.headers, h.name())) {
                out.add(h);
            }
        }
        out.addAll(given.headers);
        SiteHeaders sum = of(out);
        List<String> still = withheld.stream().filter(n -> !named(given.headers, n)).toList();
        return still.isEmpty() ? sum : new SiteHeaders(sum.headers, still);
    }

    private static boolean named(List<Header> headers, String name) {
        return headers.stream().anyMatch(h -> h.is(name));
    }

    /** The headers, in the order given. */
    public List<Header> headers() {
        return headers;
    }

    /** Whether there is no header to send ({@link #withheld()} ones may be named). */
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
        return o instanceof SiteHeaders s && s.headers.equals(headers)
                && s.withheld.equals(withheld);
    }

    @Override
    public int hashCode() {
        return headers.hashCode() * 31 + withheld.hashCode();
    }

    /** The names only: the values may be a password. */
    @Override
    public String toString() {
        return "SiteHeaders" + headers.stream().map(h -> h.name().toLowerCase(Locale.ROOT))
                .toList() + (withheld.isEmpty() ? "" : " without " + withheld);
    }
}
