package io.webprobe.ping;

import io.webprobe.http.Header;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-form request headers of a ping, the one rule for the command line's {@code -H} and
 * the Ping tab's Headers box: each is "Name: value" ({@link Header#parse}), and a request signs
 * in once at most ({@link Header#signInProblem}: one Authorization header, or a user and
 * password, not both).
 */
public final class PingHeaders {
    private PingHeaders() {}

    /**
     * The headers given, then the sign-in if any, checked.
     *
     * @param given one "Name: value" each, in order
     * @param signIn the sign-in of a user and password ({@code --user}), or null
     * @throws IllegalArgumentException with a plain sentence (no full stop: the caller adds
     *     it) naming the header that cannot be sent
     */
    public static List<Header> of(List<String> given, Header signIn) {
        List<Header> parsed = new ArrayList<>(given.size() + 1);
        for (String h : given) {
            parsed.add(Header.parse(h));
        }
        if (signIn != null) {
            parsed.add(signIn);
        }
        String problem = Header.signInProblem(parsed);
        if (problem != null) {
            throw new IllegalArgumentException(problem.endsWith(".")
                    ? problem.substring(0, problem.length() - 1) : problem);
        }
        return List.copyOf(parsed);
    }

    /**
     * The headers of a box's text, one per line; blank lines are skipped.
     *
     * @throws IllegalArgumentException as {@link #of}
     */
    public static List<Header> ofLines(String text) {
        List<String> lines = text == null ? List.of()
                : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return of(lines, null);
    }
}
