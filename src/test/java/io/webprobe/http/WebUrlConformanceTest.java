package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The web-platform-tests URL table ({@code urltestdata.json}, see its README next to it),
 * every case a crawler meets: an http(s) base, and either a failure or an http(s) result.
 * Each must give the browser's href (and components), or fail where browsers fail, except the
 * deliberate deviations listed in {@link #DEVIATIONS}.
 */
class WebUrlConformanceTest {
    /** Input of a case this parser answers differently on purpose, with the reason. */
    static final Map<String, String> DEVIATIONS = Map.of(
            "non-special://f:999999/c",
            "Another scheme is not parsed: the parser says NOT_HTTP (the crawler skips the link"
                    + " like mailto:) where browsers fail on the port; either way it is never"
                    + " requested.");

    record Case(int index, String input, String base, String href, Map<String, Object> parts) {
        boolean failure() {
            return href == null;
        }

        @Override
        public String toString() {
            return "#" + index + " " + printable(input) + " against " + base;
        }
    }

    static List<Case> crawlerCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        int index = 0;
        for (Object o : table()) {
            index++;
            if (!(o instanceof Map<?, ?> m)) {
                continue; // a comment
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parts = (Map<String, Object>) m;
            String base = (String) parts.get("base");
            boolean failure = Boolean.TRUE.equals(parts.get("failure"));
            String href = (String) parts.get("href");
            if (isHttp(base) && (failure || isHttp(href))) {
                cases.add(new Case(index, (String) parts.get("input"), base,
                        failure ? null : href, parts));
            }
        }
        return cases;
    }

    /**
     * The other cases whose input is an absolute http(s) URL: their base (about:blank, a
     * non-special URL, none) plays no part, so they test the parser as well.
     */
    static List<Case> absoluteHttpCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        int index = 0;
        for (Object o : table()) {
            index++;
            if (!(o instanceof Map<?, ?> m)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> parts = (Map<String, Object>) m;
            String base = (String) parts.get("base");
            String input = (String) parts.get("input");
            if (!isHttp(base) && isHttp(WebUrlParser.clean(input))) {
                boolean failure = Boolean.TRUE.equals(parts.get("failure"));
                cases.add(new Case(index, input, null, failure ? null : (String) parts.get("href"),
                        parts));
            }
        }
        return cases;
    }

    private static List<?> table() throws IOException {
        try (InputStream in = WebUrlConformanceTest.class.getResourceAsStream("urltestdata.json")) {
            return (List<?>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static boolean isHttp(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http:") || lower.startsWith("https:");
    }

    @Test
    void theTableHas150CasesForACrawler() throws IOException {
        assertEquals(150, crawlerCases().size());
    }

    @Test
    void allButTheDeliberateDeviationsPass() throws IOException {
        List<String> failed = new ArrayList<>();
        int passed = 0;
        for (Case c : crawlerCases()) {
            if (outcome(c).equals("ok")) {
                passed++;
            } else if (!DEVIATIONS.containsKey(c.input())) {
                failed.add(c + ": " + outcome(c));
            }
        }
        assertThat(failed).as("cases failing, %d/150 pass", passed).isEmpty();
        assertEquals(150 - DEVIATIONS.size(), passed, "cases passing of 150");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crawlerCases")
    void givesTheBrowsersResult(Case c) {
        String outcome = outcome(c);
        if (DEVIATIONS.containsKey(c.input())) {
            assertNotEquals("ok", outcome, "a listed deviation now passes: remove it from the list");
            return;
        }
        assertEquals("ok", outcome);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absoluteHttpCases")
    void givesTheBrowsersResultForEveryAbsoluteHttpUrl(Case c) {
        assertEquals("ok", outcome(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crawlerCases")
    void everyParsedUrlIsARequestableUri(Case c) throws Exception {
        if (c.failure()) {
            return;
        }
        WebUrl url = WebUrl.parse(c.input(), WebUrl.parse(c.base())).withoutFragment();
        URI uri = url.toUri();
        assertThat(onlyRefusedCharactersEscaped(url.href(), uri.toString()))
                .as("%s differs from the href %s only where URI refuses a character", uri, url)
                .isTrue();
        assertEquals(url.host(), uri.getHost(), "host seen by java.net.URI");
        HttpRequest.newBuilder(uri); // the JDK client accepts it
        assertEquals(url, WebUrl.parse(url.href()), "the serialisation parses to itself");
        assertEquals(url.key(), Urls.key(uri), "the key is the same from the URI");
        assertEquals(uri, Urls.toUri(url.requestUrl()), "the URI from the request form");
        String target = Urls.requestTarget(url.requestUrl());
        String uriTarget = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?"
                + uri.getRawQuery());
        if (target != null) { // what URI refuses in the path or query, sent as the browser does
            assertEquals(url.href().substring(url.pathStart(), url.queryEnd()), target,
                    "the target is the browser's");
            assertThat(onlyRefusedCharactersEscaped(target, uriTarget))
                    .as("the target %s is the URI's %s but for what URI refuses", target,
                            uriTarget)
                    .isTrue();
        } else {
            assertEquals(url.href().substring(url.pathStart(), url.queryEnd()), uriTarget,
                    "without a target of its own, the URI's is the browser's");
        }
    }

    /**
     * Whether {@code uri} is {@code href} with nothing changed but some of the characters
     * java.net.URI refuses ({@code [ ] | ^ { } ` \ %}) written as their escapes.
     */
    static boolean onlyRefusedCharactersEscaped(String href, String uri) {
        int j = 0;
        for (int i = 0; i < href.length(); i++, j++) {
            char c = href.charAt(i);
            if (j < uri.length() && uri.charAt(j) == c
                    && (c != '%' || PercentEncoding.isEscape(href, i))) {
                continue;
            }
            String escape = String.format("%%%02X", (int) c);
            if (c == '%' && !PercentEncoding.isEscape(href, i) && uri.startsWith("%25", j)) {
                j += 2;
                continue;
            }
            if ("[]|^{}`\\%".indexOf(c) < 0 || !uri.startsWith(escape, j)) {
                return false;
            }
            j += 2;
        }
        return j == uri.length();
    }

    /** "ok", or what went differently. */
    private static String outcome(Case c) {
        WebUrl base;
        try {
            base = c.base() == null ? null : WebUrl.parse(c.base());
        } catch (WebUrlException e) {
            return "the base fails: " + e.getMessage();
        }
        WebUrl url;
        try {
            url = WebUrl.parse(c.input(), base);
        } catch (WebUrlException e) {
            if (c.failure() && e.problem() != WebUrlException.Problem.NOT_HTTP) {
                return "ok";
            }
            return "fails (" + e.problem() + ": " + e.getMessage() + "), expected " + c.href();
        }
        if (c.failure()) {
            return "gives " + url.href() + ", expected failure";
        }
        List<String> wrong = new ArrayList<>();
        check(wrong, "href", c.href(), url.href());
        check(wrong, "protocol", c.parts().get("protocol"), url.scheme() + ":");
        check(wrong, "username", c.parts().get("username"), url.username());
        check(wrong, "password", c.parts().get("password"), url.password());
        check(wrong, "hostname", c.parts().get("hostname"), url.host());
        check(wrong, "port", c.parts().get("port"), url.port() < 0 ? "" : String.valueOf(url.port()));
        check(wrong, "pathname", c.parts().get("pathname"), url.path());
        check(wrong, "search", c.parts().get("search"),
                url.query() == null || url.query().isEmpty() ? "" : "?" + url.query());
        check(wrong, "hash", c.parts().get("hash"),
                url.fragment() == null || url.fragment().isEmpty() ? "" : "#" + url.fragment());
        return wrong.isEmpty() ? "ok" : String.join("; ", wrong);
    }

    private static void check(List<String> wrong, String part, Object expected, String actual) {
        if (expected != null && !expected.equals(actual)) {
            wrong.add(part + " " + printable(actual) + ", expected " + printable((String) expected));
        }
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && Character.isWhitespace(cp))
                    || Character.getType(cp) == Character.FORMAT) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append('"').toString();
    }
}
