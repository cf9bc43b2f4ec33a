package io.webprobe.ping;

import io.webprobe.http.Header;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.StatusSet;
import io.webprobe.http.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to ping and how. Immutable; the {@code with*} methods derive changed copies.
 *
 * @param targets the URLs, each requested in turn (round robin)
 * @param method GET or HEAD
 * @param concurrency requests in flight at most (worker threads), 1 to 1000
 * @param mode how requests are paced
 * @param count requests per URL in {@link PingMode#COUNT} mode (and an optional cap per URL in
 *     {@link PingMode#RATE} mode; 0 = none)
 * @param duration how long {@link PingMode#DURATION} and {@link PingMode#RATE} runs last
 * @param rate total requests per second in {@link PingMode#RATE} mode
 * @param timeout deadline per request (connect, headers and body)
 * @param connectTimeout the longest a connection may take to open (each address tried), as
 *     asked; {@link #connectTimeoutInUse} is the shorter of it and {@code timeout}
 * @param followRedirects follow 3xx responses (up to {@link HttpProbe#MAX_REDIRECTS}), counting
 *     hops
 * @param headers extra request headers
 * @param keepAlive reuse connections between requests
 * @param warmup requests per URL sent first and left out of the statistics
 * @param success status codes counted as OK
 * @param userAgent the User-Agent header
 * @param tls which server certificates https targets may present
 * @param http2 ask https targets for HTTP/2 (ALPN), falling back to HTTP/1.1 where the server
 *     does not offer it; http targets stay on HTTP/1.1. Needs keep-alive.
 * @param requestTargets for a target whose URL as typed has a "%" not followed by two hex
 *     digits ({@code /100%}), which a URI holds only as "%25": the path and query to send as a
 *     browser sends them ({@link io.webprobe.http.UrlSyntax#requestTarget}); Webprobe's own
 *     HTTP/1.1 clients send it, so with HTTP/2 (java.net.http, which would send the URI's)
 *     such an https URL goes over HTTP/1.1 ({@link #overHttp1Note()})
 * @param clientWarmUp whether a run on the workers (HTTP/2, redirects followed) opens its
 *     connections and warms its client up with unmeasured requests to the targets before the
 *     clock ({@link WorkerWarmUp}, ADR 0017); true by default, false when the user chose the
 *     warm-up requests themselves ({@code --warmup N}: exactly N rounds, 0 for none)
 */
public record PingPlan(
        List<URI> targets,
        String method,
        int concurrency,
        PingMode mode,
        long count,
        Duration duration,
        double rate,
        Duration timeout,
        Duration connectTimeout,
        boolean followRedirects,
        List<Header> headers,
        boolean keepAlive,
        int warmup,
        StatusSet success,
        String userAgent,
        TlsTrust tls,
        boolean http2,
        Map<URI, String> requestTargets,
        boolean clientWarmUp) {

    /**
     * How much of a response body a request reads: a longer one (an endless stream, a large
     * download) is cut there, its connection closed, and its latency is the time to that point.
     */
    public static final long MAX_BODY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_CONCURRENCY = 10;
    public static final long DEFAULT_COUNT = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The connect timeout unless one is given: as a crawl's, 10 s (or the timeout, shorter). */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public PingPlan {
        targets = List.copyOf(targets);
        headers = List.copyOf(headers);
        requestTargets = Map.copyOf(requestTargets);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(success, "success");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(tls, "tls");
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("There are no URLs to ping");
        }
        for (Map.Entry<URI, String> t : requestTargets.entrySet()) {
            if (!targets.contains(t.getKey())
                    || !io.webprobe.http.FetchRequest.isTarget(t.getValue())) {
                throw new IllegalArgumentException("A request target must be a path for one of "
                        + "the URLs, was " + t.getValue() + " for " + t.getKey());
            }
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new IllegalArgumentException("The method must be GET or HEAD, not " + method);
        }
        if (concurrency < 1 || concurrency > 1000) {
            throw new InvalidSetting(Setting.CONCURRENCY, "must be between 1 and 1,000");
        }
        if (mode == PingMode.COUNT && count < 1) {
            throw new InvalidSetting(Setting.COUNT, "must be at least 1");
        }
        if (count < 0) {
            throw new InvalidSetting(Setting.COUNT, "cannot be negative");
        }
        if (mode != PingMode.COUNT && (duration.isZero() || duration.isNegative())) {
            throw new InvalidSetting(Setting.DURATION, "must be positive");
        }
        if (mode == PingMode.RATE && !(rate > 0 && rate <= 1_000_000)) {
            throw new InvalidSetting(Setting.RATE,
                    "must be above 0 and at most 1,000,000 requests/s");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw new InvalidSetting(Setting.TIMEOUT, "must be positive");
        }
        if (connectTimeout.isZero() || connectTimeout.isNegative()) {
            throw new IllegalArgumentException("The connect timeout must be positive");
        }
        if (warmup < 0) {
            throw new InvalidSetting(Setting.WARMUP, "cannot be negative");
        }
        for (Header h : headers) {
            if (h.removes()) {
                continue; // sends nothing (Header.sent), a connection header neither
            }
            for (String framing : new String[] {"Content-Length", "Transfer-Encoding", "TE",
                "Trailer", "Upgrade"}) {
                if (h.is(framing)) {
                    throw new IllegalArgumentException("The " + framing + " header belongs to "
                            + "the connection, which Webprobe manages itself; leave it out");
                }
            }
            if (h.is("Connection") && !http2) {
                throw new IllegalArgumentException("Webprobe sets the Connection header itself; "
                        + "for a new connection per request, turn keep-alive off (--no-keepalive)");
            }
        }
        if (headers.stream().filter(h -> h.is("Host") && !h.removes()).count() > 1) {
            throw new IllegalArgumentException("The Host header can be given only once");
        }
        if (http2 && headers.stream().anyMatch(h -> !h.removes()
                && (h.is("Host") || h.is("Connection")))) {
            throw new IllegalArgumentException("HTTP/2 sets the Host and Connection headers "
                    + "itself, so they cannot be given with it");
        }
        if (http2 && !keepAlive) {
            throw new IllegalArgumentException("HTTP/2 keeps its connections open, so it cannot "
                    + "be used without keep-alive");
        }
    }

    /**
     * A setting of the plan with a number, as the Ping tab labels it and as the command line
     * names its option: a rule it breaks names it the way the reader set it.
     */
    public enum Setting {
        CONCURRENCY("Concurrency", "--concurrency"),
        COUNT("Requests per URL", "--count"),
        DURATION("Duration", "--duration"),
        RATE("Rate", "--rate"),
        TIMEOUT("Timeout", "--timeout"),
        WARMUP("Warm-up requests", "--warmup");

        private final String label;
        private final String option;

        Setting(String label, String option) {
            this.label = label;
            this.option = option;
        }

        /** As the Ping tab labels it. */
        public String label() {
            return label;
        }

        /** The command line's option. */
        public String option() {
            return option;
        }
    }

    /**
     * A setting out of its range. The message names it by its Ping tab label;
     * {@link #forCommandLine()} names it by its option. One rule, two readers.
     */
    public static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Setting setting;
        private final String rule;

        InvalidSetting(Setting setting, String rule) {
            super(setting.label() + " " + rule);
            this.setting = setting;
            this.rule = rule;
        }

        public Setting setting() {
            return setting;
        }

        /** The same rule naming the command line's option: "--count must be at least 1". */
        public String forCommandLine() {
            return setting.option() + " " + rule;
        }
    }

    /**
     * Defaults: GET, concurrency 10, 10 requests per URL, 10 s timeout, keep-alive, the JDK's
     * certificate authorities.
     */
    public static PingPlan of(List<URI> targets, String userAgent) {
        return new PingPlan(targets, "GET", DEFAULT_CONCURRENCY, PingMode.COUNT, DEFAULT_COUNT,
                Duration.ofSeconds(10), 0, DEFAULT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, false,
                List.of(), true, 0,
                StatusSet.DEFAULT, userAgent, TlsTrust.defaults(), false, Map.of(), true);
    }

    public PingPlan withMethod(String m) {
        return copy(c -> c.method = m);
    }

    public PingPlan withConcurrency(int n) {
        return copy(c -> c.concurrency = n);
    }

    /** Closed loop, n requests per URL. */
    public PingPlan withCount(long n) {
        return copy(c -> {
            c.mode = PingMode.COUNT;
            c.count = n;
        });
    }

    /** Closed loop for a duration. */
    public PingPlan withDuration(Duration d) {
        return copy(c -> {
            c.mode = PingMode.DURATION;
            c.count = 0;
            c.duration = d;
        });
    }

    /** Open loop at a total rate for a duration. */
    public PingPlan withRate(double perSecond, Duration d) {
        return withRateAndCount(perSecond, d, 0);
    }

    /** Open loop at a total rate, with at most {@code n} requests per URL (0 = no cap). */
    public PingPlan withRateAndCount(double perSecond, Duration d, long n) {
        return copy(c -> {
            c.mode = PingMode.RATE;
            c.count = n;
            c.duration = d;
            c.rate = perSecond;
        });
    }

    public PingPlan withTimeout(Duration t) {
        return copy(c -> c.timeout = t);
    }

    /** The longest a connection may take to open ({@link #connectTimeoutInUse}). */
    public PingPlan withConnectTimeout(Duration t) {
        return copy(c -> c.connectTimeout = t);
    }

    /**
     * How long a connection may take to open, each address of its host tried: the connect
     * timeout, or the request's timeout when that is shorter (connecting is part of the
     * request), on every engine.
     */
    public Duration connectTimeoutInUse() {
        return connectTimeout.compareTo(timeout) < 0 ? connectTimeout : timeout;
    }

    public PingPlan withFollowRedirects(boolean f) {
        return copy(c -> c.followRedirects = f);
    }

    public PingPlan withHeaders(List<Header> h) {
        return copy(c -> c.headers = h);
    }

    public PingPlan withKeepAlive(boolean k) {
        return copy(c -> c.keepAlive = k);
    }

    public PingPlan withWarmup(int w) {
        return copy(c -> c.warmup = w);
    }

    /**
     * With or without the workers' own warm-up requests to the targets before the clock (see
     * {@link #clientWarmUp}); the event loops warm up inside the process either way.
     */
    public PingPlan withClientWarmUp(boolean w) {
        return copy(c -> c.clientWarmUp = w);
    }

    public PingPlan withSuccess(StatusSet s) {
        return copy(c -> c.success = s);
    }

    /** With other trusted certificates for https targets. */
    public PingPlan withTls(TlsTrust t) {
        return copy(c -> c.tls = t);
    }

    /**
     * Asks https targets for HTTP/2 (or not): each URL's result says which protocol answered
     * ({@link PingResult#protocol()}).
     */
    public PingPlan withHttp2(boolean h) {
        return copy(c -> c.http2 = h);
    }

    /** With the request targets of URLs typed with a stray "%" (see {@link #requestTargets}). */
    public PingPlan withRequestTargets(Map<URI, String> t) {
        return copy(c -> c.requestTargets = t);
    }

    /**
     * The URL as the user typed it and as it is requested: the URI's text, but for a target
     * with a {@link #requestTargets request target}, whose path and query are sent as typed.
     */
    public String shown(URI target) {
        String t = requestTargets.get(target);
        return t == null ? target.toString()
                : target.getScheme() + "://" + target.getRawAuthority() + t;
    }

    /**
     * With HTTP/2, a sentence naming the https URLs pinged over HTTP/1.1 instead because
     * java.net.http cannot request them as typed, for each reason there is: a host name with
     * an underscore ({@code a_b.localhost}), which it refuses and browsers accept; a path it
     * cannot send ({@code /a%zz} would go as {@code /a%25zz}, another URL to the server:
     * {@link #requestTargets}). Null when there are none. Said once, before the run (command
     * line) or with its end (Ping tab). A host reached over HTTP/1.1 at its next address
     * (refused at the system's first, {@link io.webprobe.http.NextAddress}) is known only as
     * the run goes: its Protocol says HTTP/1.1.
     */
    public String overHttp1Note() {
        if (!http2) {
            return null;
        }
        List<URI> https = targets.stream().filter(u -> "https".equalsIgnoreCase(u.getScheme()))
                .toList();
        List<URI> hosts = https.stream().filter(u -> u.getHost() == null).toList();
        List<URI> paths = https.stream().filter(u -> u.getHost() != null
                && io.webprobe.http.FetchRequest.targetBeyondUri(u, requestTargets.get(u)))
                .toList();
        List<String> notes = new ArrayList<>(2);
        if (!hosts.isEmpty()) {
            notes.add(overHttp1(hosts) + "Java's HTTP/2 client refuses an underscore in a "
                    + "host name (" + io.webprobe.http.Urls.host(hosts.get(0))
                    + "), which browsers accept.");
        }
        if (!paths.isEmpty()) {
            URI first = paths.get(0);
            notes.add(overHttp1(paths) + "Java's HTTP/2 client cannot send "
                    + (paths.size() == 1 ? "its path" : "their paths") + " as typed ("
                    + requestTargets.get(first) + " would go as "
                    + io.webprobe.http.FetchRequest.uriTarget(first)
                    + ", another URL to the server).");
        }
        return notes.isEmpty() ? null : String.join(" ", notes);
    }

    /**
     * A sentence saying that the ping goes straight to its URLs when {@code proxies} (the
     * JVM's: http.proxyHost, https.proxyHost, java.net.useSystemProxies) names an HTTP proxy
     * for one of them, which a crawl goes through; null when it names none (loopback is left
     * out of Java's proxies unless http.nonProxyHosts says otherwise). Every engine of the ping
     * connects directly (ADR 0034); said once, before the run (command line) or with its end
     * (Ping tab), as {@link #overHttp1Note()}.
     */
    public String directNote(java.net.ProxySelector proxies) {
        for (URI u : targets) {
            if (io.webprobe.http.Http1Probe.httpProxy(proxies, u) instanceof
                    java.net.InetSocketAddress p) {
                return "The ping connects straight to " + (targets.size() == 1 ? "its URL"
                        : "its URLs") + ", not through the proxy " + p.getHostString() + ":"
                        + p.getPort() + " set for Java, which a crawl goes through: the times "
                        + "are the servers' own, and a server reached only through the proxy "
                        + "fails to connect.";
            }
        }
        return null;
    }

    /** "URL is pinged over HTTP/1.1, not HTTP/2: " or "URL and N other URLs are…". */
    private String overHttp1(List<URI> those) {
        return shown(those.get(0)) + (those.size() == 1 ? " is" : " and "
                + io.webprobe.Words.count(those.size() - 1, "other URL") + " are")
                + " pinged over HTTP/1.1, not HTTP/2: ";
    }

    /** Requests in total, or -1 when the run is bounded by time only. */
    public long totalRequests() {
        if (mode == PingMode.COUNT || mode == PingMode.RATE && count > 0) {
            return (count + warmup) * targets.size();
        }
        return -1;
    }

    /**
     * Whether each URL has connections of its own: with several URLs and no more of them than
     * connections, the concurrency is split evenly among the URLs (connection k keeps to URL k
     * mod URLs), so a URL that stalls holds only its own connections.
     */
    public boolean connectionsPerUrl() {
        return targets.size() > 1 && targets.size() <= concurrency;
    }

    /**
     * Which connections were all busy when an open loop could not send on time: "every
     * connection", or with {@link #connectionsPerUrl} "every connection to their URL (5 of the
     * 10 each)", counted among the URLs requested ({@code notRequested} could not be set up:
     * their connections went to the others).
     */
    public String waitingConnections(long notRequested) {
        int urls = requestedUrls(notRequested);
        if (urls < 2) {
            return "every connection";
        }
        return "every connection to their URL (" + connectionsOfEachUrl(urls) + " of the "
                + concurrency + " each)";
    }

    /**
     * As {@link #waitingConnections}, when the requests not sent were all one URL's: "every
     * connection to it (3-4 of the 10)", or "every connection" when the URLs share them.
     */
    public String waitingConnectionsOfOneUrl(long notRequested) {
        int urls = requestedUrls(notRequested);
        return urls < 2 ? "every connection" : "every connection to it ("
                + connectionsOfEachUrl(urls) + " of the " + concurrency + ")";
    }

    /**
     * With {@link #connectionsPerUrl}, how many URLs share the connections ({@code notRequested}
     * of them left out); 1 when each connection takes whichever URL comes next.
     */
    private int requestedUrls(long notRequested) {
        return connectionsPerUrl() ? (int) Math.max(1, targets.size() - notRequested) : 1;
    }

    /** With {@link #connectionsPerUrl}: how many each of {@code urls} URLs has, "5" or "3-4". */
    private String connectionsOfEachUrl(int urls) {
        int few = concurrency / urls;
        int many = (concurrency + urls - 1) / urls;
        return few == many ? few + "" : few + "-" + many;
    }

    /** A closed-loop run waits for each answer before the next request (see {@link PingMode}). */
    public boolean closedLoop() {
        return mode != PingMode.RATE;
    }

    /** A changed copy: {@code change} sets the fields that differ. */
    private PingPlan copy(java.util.function.Consumer<Fields> change) {
        Fields c = new Fields(this);
        change.accept(c);
        return new PingPlan(targets, c.method, c.concurrency, c.mode, c.count, c.duration,
                c.rate, c.timeout, c.connectTimeout, c.followRedirects, c.headers, c.keepAlive,
                c.warmup,
                c.success, userAgent, c.tls, c.http2, c.requestTargets, c.clientWarmUp);
    }

    /** The plan's changeable fields, for {@link #copy}. */
    private static final class Fields {
        String method;
        int concurrency;
        PingMode mode;
        long count;
        Duration duration;
        double rate;
        Duration timeout;
        Duration connectTimeout;
        boolean followRedirects;
        List<Header> headers;
        boolean keepAlive;
        int warmup;
        StatusSet success;
        TlsTrust tls;
        boolean http2;
        Map<URI, String> requestTargets;
        boolean clientWarmUp;

        Fields(PingPlan p) {
            method = p.method;
            concurrency = p.concurrency;
            mode = p.mode;
            count = p.count;
            duration = p.duration;
            rate = p.rate;
            timeout = p.timeout;
            connectTimeout = p.connectTimeout;
            followRedirects = p.followRedirects;
            headers = p.headers;
            keepAlive = p.keepAlive;
            warmup = p.warmup;
            success = p.success;
            tls = p.tls;
            http2 = p.http2;
            requestTargets = p.requestTargets;
            clientWarmUp = p.clientWarmUp;
        }
    }
}
