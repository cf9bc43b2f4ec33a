package io.webprobe.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.webprobe.Words;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt for every host of a crawl (RFC 9309), parsed by crawler-commons. Each origin's file
 * is fetched once: the first worker that needs it fetches it, the others wait for the same future
 * and get the same answer. Policy: 2xx is parsed for the agent "webprobe" (falling back to "*");
 * 4xx but 429 means everything is allowed; 3xx is followed up to five hops; a 5xx or 429 is
 * retried after each of {@code retryDelays}, and if it still fails the host is treated as fully
 * disallowed (RFC 9309 2.3.1.4), with a reason saying so; so is a host whose robots.txt connects
 * and then does not answer within the timeout (asked once: a second try would only wait as long
 * again), and so is one whose answer breaks off after its status line (the connection closed
 * before the Content-Length, or reset, on every try: a file that cannot be read whole is read like
 * a server error, as Google does, never as "allow all"). A host that cannot be reached at all
 * (DNS, refused, TLS refused at once; a reset after the same retries) gets no rules: robots.txt is
 * not what is wrong, and its pages' own fetches report the real failure. Thread-safe.
 */
final class RobotsRules {
    private static final Logger log = LoggerFactory.getLogger(RobotsRules.class);
    private static final String AGENT = "webprobe";
    private static final int MAX_REDIRECTS = 5;
    private static final long MAX_ROBOTS_BYTES = 500L * 1024; // RFC 9309: at least 500 KiB

    /** What robots.txt says for one origin. */
    record HostRules(BaseRobotRules rules, String disallowReason) {}

    private final HttpProbe probe;
    private final Duration timeout;
    private final List<Duration> retryDelays;
    /** No Crawl-delay makes the parser disallow the whole site: the crawl caps it instead. */
    private final SimpleRobotRulesParser parser =
            new SimpleRobotRulesParser(Long.MAX_VALUE, SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
    private final ConcurrentHashMap<String, CompletableFuture<HostRules>> byOrigin =
            new ConcurrentHashMap<>();

    RobotsRules(HttpProbe probe, Duration timeout, List<Duration> retryDelays) {
        this.probe = probe;
        this.timeout = timeout;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /**
     * The rules for {@code uri}'s origin. A worker that finds another one fetching them waits
     * for that fetch, however long it takes (the fetch itself is bounded by its requests'
     * deadlines), and gets its answer: a waiter once gave up after a guessed bound (too short
     * when robots.txt redirects, each hop having its own deadline) and then allowed everything,
     * as it also did when the fetch failed unexpectedly, so pages that robots.txt disallows
     * were crawled. A fetch that fails unexpectedly is read as a robots.txt that could not be
     * read, for the fetching worker and every waiter alike. When the fetching worker is
     * interrupted (its crawl stopping) a waiter fetches the file itself.
     */
    HostRules rulesFor(URI uri) throws InterruptedException {
        String origin = origin(uri);
        while (true) {
            CompletableFuture<HostRules> mine = new CompletableFuture<>();
            CompletableFuture<HostRules> existing = byOrigin.putIfAbsent(origin, mine);
            if (existing == null) {
                return fetchInto(origin, mine);
            }
            try {
                return existing.get();
            } catch (ExecutionException e) {
                // only an interrupted fetch completes exceptionally, and it has left the map:
                // go round and fetch (or wait for whoever fetches) anew
            }
        }
    }

    private HostRules fetchInto(String origin, CompletableFuture<HostRules> mine)
            throws InterruptedException {
        try {
            mine.complete(fetch(origin));
        } catch (InterruptedException e) {
            byOrigin.remove(origin, mine);
            mine.completeExceptionally(e);
            throw e;
        } catch (RuntimeException | Error e) {
            // a bug, not an answer from the site: never read as "allow all"
            log.warn("robots.txt of {} could not be fetched", origin, e);
            mine.complete(new HostRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE),
                    "robots.txt could not be read, so the site is treated as disallowed"));
            if (e instanceof Error error) {
                throw error;
            }
        }
        return mine.join();
    }

    private HostRules fetch(String origin) throws InterruptedException {
        String robotsUrl = origin + "/robots.txt";
        for (int attempt = 0; ; attempt++) {
            AtomicInteger answered = new AtomicInteger();
            FetchResponse r = fetchFollowingRedirects(URI.create(robotsUrl), answered);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            int status = r.status();
            if (status >= 200 && status < 300) {
                byte[] body = r.body() == null ? new byte[0] : r.body().bytes(); // ≤ 500 KiB
                BaseRobotRules rules = parser.parseContent(robotsUrl, body,
                        r.contentType().isEmpty() ? "text/plain" : r.contentType(), List.of(AGENT));
                return new HostRules(rules, "Blocked by robots.txt");
            }
            if (status >= 300 && status < 500 && status != 429) {
                // RFC 9309 2.3.1.3: unavailable (4xx, or still redirecting after five hops)
                // means no restrictions. A 429 is the server asking us to slow down, not a
                // missing file: like a 5xx it is retried and, if it persists, read as "keep
                // out" (as Google does).
                return allowAll();
            }
            if (status == 0 && r.error() == ErrorKind.TIMEOUT) {
                // connected, then no answer within the timeout: a network error, so RFC 9309
                // 2.3.1.4's complete disallow; asking again would only wait as long once more
                return new HostRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE),
                        "robots.txt did not answer within the timeout (" + Words.timeout(timeout)
                                + "; the Timeout setting, --timeout), so the site is treated "
                                + "as disallowed");
            }
            // the status line arrived, then the body broke off: a file that is there but cannot
            // be read whole is a server error, not a missing file; a 3xx or 4xx (but 429) that
            // broke off is read by its status, as above: unavailable
            int cut = status == 0 ? answered.get() : 0;
            boolean cutOff = cut > 0 && (cut < 300 || cut >= 500 || cut == 429);
            if (cut > 0 && !cutOff) {
                return allowAll();
            }
            if (cutOff && attempt >= retryDelays.size()) {
                return new HostRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE),
                        "robots.txt could not be read (HTTP " + cut + ", but "
                                + brokenOff(r) + "), so the site is treated as disallowed");
            }
            if (!cutOff && status == 0
                    && (unreachable(r.error()) || attempt >= retryDelays.size())) {
                // No answer at all (the host cannot be reached, refuses TLS, or resets every
                // connection): robots.txt is not what is wrong. Let each page's fetch report
                // the real failure instead of blaming robots.txt.
                return allowAll();
            }
            if (attempt >= retryDelays.size()) {
                return new HostRules(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE),
                        "robots.txt could not be read (HTTP " + status + "), so the site is "
                                + "treated as disallowed");
            }
            // A server error may be temporary: wait (interruptibly) and ask again.
            new CountDownLatch(1).await(retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * What went wrong after the status line: what the server's answer had wrong, as the error
     * classifier says it ("invalid Content-Length: abc"), or else that the connection broke.
     */
    private static String brokenOff(FetchResponse r) {
        String why = r.errorMessage() == null ? "" : r.errorMessage().strip();
        // a malformed answer is an I/O error with the reason; a break is CLOSED or RESET
        return r.error() == ErrorKind.IO && !why.isEmpty() ? CrawlTally.lowerFirst(why)
                : "the connection broke before the whole file arrived";
    }

    /**
     * @param answered set to the status of the last answer whose head arrived (also when its
     *     body then broke off, which the response, a failure, no longer tells)
     */
    private FetchResponse fetchFollowingRedirects(URI uri, AtomicInteger answered) {
        URI current = uri;
        FetchResponse r = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            answered.set(0);
            r = probe.fetch(new FetchRequest(current, "GET", timeout, MAX_ROBOTS_BYTES,
                    (status, type) -> {
                        answered.set(status);
                        return true;
                    }));
            if (!r.isRedirect()) {
                return r;
            }
            try {
                current = Urls.resolve(current, r.location());
            } catch (URISyntaxException e) {
                return r;
            }
        }
        return r; // still redirecting after five hops: treated like an unreachable file
    }

    /** Failures not worth asking again for: the host cannot be reached at all. */
    private static boolean unreachable(ErrorKind kind) {
        // a certificate that is not trusted now will not be in a second either
        return kind == ErrorKind.DNS || kind == ErrorKind.REFUSED || kind == ErrorKind.CONNECT
                || kind == ErrorKind.CONNECT_TIMEOUT || kind == ErrorKind.INVALID_URL
                || kind == ErrorKind.TLS || kind == ErrorKind.TLS_CERTIFICATE
                || kind == ErrorKind.TLS_HOSTNAME;
    }

    private static HostRules allowAll() {
        return new HostRules(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), "");
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + Urls.hostAndPort(uri);
    }
}
