package io.webprobe.ping;

import io.webprobe.http.TlsTrust;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the event loops' code up before a run's clock starts, against a server inside this
 * process, so that the run's first requests measure its targets rather than the JIT: a cold
 * client took ~13 ms to send and read its first request on loopback and ~1 ms for the next
 * dozen, and in an open loop at 1,000 req/s that backlog put 18 of a one-second run's requests
 * above 2 ms (p99 4.6-8.2 ms over 6 runs, where the server answered in 0.3 ms). The targets
 * see nothing of it.
 *
 * <p>{@value #REQUESTS} requests of the run's method and keep-alive setting go through a
 * throwaway {@link NioEngine} to a loopback server on its own thread ({@code ping-warmup}; the
 * server accepts on {@code ping-warmup-accept} and answers each connection on a virtual
 * {@code ping-warmup-server}); it lasts {@link #MAX_TIME} at most (~55 ms on a cold JVM, less
 * after; the requests still in flight then are abandoned) and ends at once when stopped. It
 * runs closed-loop: an open loop's pacing is not warmed; the parsing, the loops and the
 * statistics are. A failure of its set-up is logged at debug level and the run goes on cold.
 *
 * <p>When the run has https targets (on the event loops), {@value #TLS_PASSES} passes of
 * {@value #TLS_REQUESTS} requests, each on a new connection, then go over TLS to a loopback
 * server with a certificate of its own (in the jar, made for this and trusted by nothing
 * else), through a trust of the same kind as the run's (certificates checked, or not): a cold
 * client spent 40-90 ms in its first handshakes (certificate path checks, the TLS classes), which
 * became the p99 of a short https run. Those passes are the process's, not each run's: once
 * it has had their requests answered for a kind of trust, its later runs of that kind skip
 * them ({@link TlsWarmth}).
 *
 * <p>Thread-safe: {@link #start} once, {@link #stop} from any thread.
 */
final class LocalWarmUp {
    private static final Logger log = LoggerFactory.getLogger(LocalWarmUp.class);
    /** Requests sent: C1 has compiled the request path by then (300 did as well as 1,000). */
    static final int REQUESTS = 300;
    static final Duration MAX_TIME = Duration.ofSeconds(1);
    /** TLS passes, each with a new client context, so each begins with full handshakes. */
    static final int TLS_PASSES = 2;
    /** Requests of each TLS pass, one connection each. */
    static final int TLS_REQUESTS = 24;
    private static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            + "Content-Length: 640\r\n\r\n";
    /** Written whole, in one segment (two writes would wait on Nagle and a delayed ACK). */
    private static final byte[] ANSWER = (HEAD + "x".repeat(640))
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEAD_ANSWER = HEAD.getBytes(StandardCharsets.US_ASCII);
    /** The TLS server's certificate (127.0.0.1, made for the warm-up) and its key (PKCS #8). */
    private static final String CERT = "warmup-cert.pem";
    private static final String KEY = "warmup-key.pem";

    /** What this process has warmed of its TLS handshakes. */
    private static final TlsWarmth PROCESS_TLS = new TlsWarmth();

    /**
     * The TLS warm-up requests a process has had answered, for each kind of trust (certificates
     * checked, or not). Once a kind has had its {@value #TLS_PASSES} × {@value #TLS_REQUESTS},
     * a later run finds its handshake code at least as warm as the warm-up left it for the
     * first run (whose own handshakes warmed it further), so the TLS passes of that kind are
     * not sent again: a second https run in the window starts 0.1-0.3 s sooner, 1 s (the
     * warm-up's bound) on a busy machine. A warm-up cut short by its bound or a stop leaves the
     * rest of the requests to the next run. Thread-safe.
     */
    static final class TlsWarmth {
        private final AtomicInteger checked = new AtomicInteger();
        private final AtomicInteger unchecked = new AtomicInteger();

        /** The count for runs whose trust checks certificates, or not. */
        AtomicInteger answered(boolean verifies) {
            return verifies ? checked : unchecked;
        }
    }

    private final PingPlan target;
    private final Duration maxTime;
    private final int requests;
    private final TlsWarmth tlsWarmth;
    private volatile NioEngine engine;
    private volatile PingRun local;
    private volatile boolean stopped;
    private volatile Thread thread;

    /** @param target the run to warm up for: its method, keep-alive and user agent */
    LocalWarmUp(PingPlan target) {
        this(target, MAX_TIME);
    }

    /** @param maxTime how long the warm-up lasts at most (tests) */
    LocalWarmUp(PingPlan target, Duration maxTime) {
        this(target, maxTime, REQUESTS);
    }

    /** @param requests how many it sends (tests) */
    LocalWarmUp(PingPlan target, Duration maxTime, int requests) {
        this(target, maxTime, requests, PROCESS_TLS);
    }

    /** @param tlsWarmth what the process has warmed of its TLS handshakes (tests) */
    LocalWarmUp(PingPlan target, Duration maxTime, int requests, TlsWarmth tlsWarmth) {
        this.target = target;
        this.maxTime = maxTime;
        this.requests = requests;
        this.tlsWarmth = tlsWarmth;
    }

    /**
     * Starts the warm-up on its own thread.
     *
     * @return completes, never exceptionally, with the requests the local server answered
     */
    CompletableFuture<Long> start() {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                done.complete(warmUp());
            } finally {
                done.complete(0L); // out of memory or a bug: the run goes on (or fails) cold
            }
        }, "ping-warmup");
        t.setDaemon(true);
        thread = t;
        t.start();
        return done;
    }

    /** Ends the warm-up at once (the run was stopped): its requests in flight are abandoned. */
    void stop() {
        stopped = true;
        PingRun r = local;
        if (r != null) {
            r.stop(); // its loops end on their next turn
        }
        NioEngine e = engine;
        if (e != null) {
            e.stop(); // wakes them
        }
    }

    /** Waits for the warm-up's threads to end; false when they are still alive. */
    boolean await(Duration timeout) throws InterruptedException {
        Thread t = thread;
        if (t == null) {
            return true;
        }
        t.join(Math.max(1, timeout.toMillis()));
        return !t.isAlive();
    }

    private long warmUp() {
        if (stopped) {
            return 0;
        }
        long deadline = System.nanoTime() + maxTime.toNanos();
        long answered = 0;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            Thread.ofVirtual().name("ping-warmup-accept").start(() -> accept(server));
            answered += pass(PingPlan.of(List.of(URI.create("http://127.0.0.1:"
                            + server.getLocalPort() + "/")), target.userAgent())
                    .withMethod(target.method()).withKeepAlive(target.keepAlive())
                    .withCount(requests).withConcurrency(Math.min(target.concurrency(), 4))
                    .withTimeout(maxTime), deadline);
        } catch (IOException | RuntimeException e) {
            log.debug("The ping's warm-up did not run ({}); the run starts cold", e.toString());
            return answered;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return answered;
        }
        if (!target.http2() && target.targets().stream()
                .anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()))) {
            answered += warmUpTls(deadline);
        }
        return answered;
    }

    /**
     * The TLS passes (see the class comment), or what the process still lacks of them for the
     * run's kind of trust ({@link TlsWarmth}); what they answered.
     */
    private long warmUpTls(long deadline) {
        AtomicInteger warmed = tlsWarmth.answered(target.tls().verifies());
        int all = TLS_PASSES * TLS_REQUESTS;
        if (warmed.get() >= all) {
            return 0;
        }
        long answered = 0;
        try (ServerSocket server = tlsServer()) {
            Thread.ofVirtual().name("ping-warmup-accept").start(() -> accept(server));
            for (int left; !stopped && (left = all - warmed.get()) > 0; ) {
                TlsTrust trust;
                try (InputStream cert = LocalWarmUp.class.getResourceAsStream(CERT)) {
                    trust = target.tls().verifies() ? TlsTrust.fromPem(cert, CERT)
                            : TlsTrust.insecure();
                }
                trust.prepare();
                long pass = pass(PingPlan.of(List.of(URI.create("https://127.0.0.1:"
                                + server.getLocalPort() + "/")), target.userAgent())
                        .withMethod(target.method()).withKeepAlive(false).withTls(trust)
                        .withCount(Math.min(TLS_REQUESTS, left))
                        .withConcurrency(Math.min(target.concurrency(), 4))
                        .withTimeout(maxTime), deadline);
                if (pass == 0) {
                    break; // the time is up, or nothing answers: the rest is the next run's
                }
                warmed.addAndGet((int) pass);
                answered += pass;
            }
        } catch (IOException | GeneralSecurityException | TlsTrust.TrustException
                | RuntimeException e) {
            log.debug("The ping's TLS warm-up did not run ({}); its handshakes start cold",
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answered;
    }

    /** A loopback TLS server socket with the warm-up's own certificate (the JDK's TLS). */
    private static ServerSocket tlsServer() throws IOException, GeneralSecurityException {
        Certificate cert;
        try (InputStream in = LocalWarmUp.class.getResourceAsStream(CERT)) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String pem;
        try (InputStream in = LocalWarmUp.class.getResourceAsStream(KEY)) {
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] none = new char[0];
        store.setKeyEntry("warmup", key, none, new Certificate[] {cert});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(
                KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, none);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        ServerSocket server = context.getServerSocketFactory().createServerSocket();
        try {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** Runs one local pass of the plan until it ends, the deadline or a stop; its answers. */
    private long pass(PingPlan plan, long deadline) throws IOException, InterruptedException {
        if (stopped || deadline - System.nanoTime() <= 0) {
            return 0;
        }
        PingStats stats = new PingStats(plan);
        PingRun run = new PingRun(plan, PingListener.NONE, System::nanoTime, stats);
        CountDownLatch ended = new CountDownLatch(1);
        NioEngine e = new NioEngine(run, ended::countDown, "ping-warmup-loop-");
        local = run;
        engine = e;
        if (stopped) {
            run.stop();
            e.stop();
            return 0;
        }
        run.start(run.now(), System.currentTimeMillis());
        e.start();
        // one deadline for all of it: the time is up, the requests in flight are abandoned
        if (!ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            run.stop();
            e.stop();
        }
        e.awaitTermination(Duration.ofMillis(100));
        return stats.snapshot(run, true, run.now()).results().get(0).ok();
    }

    private static void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread.ofVirtual().name("ping-warmup-server").start(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers each request head on the connection with a 640-byte page. */
    private static void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            byte[] buf = new byte[8192];
            StringBuilder head = new StringBuilder();
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    head.append((char) buf[i]);
                    if (buf[i] == '\n' && head.length() >= 4
                            && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                        String h = head.toString();
                        head.setLength(0);
                        out.write(h.startsWith("HEAD ") ? HEAD_ANSWER : ANSWER);
                        out.flush();
                        if (h.toLowerCase(java.util.Locale.ROOT).contains("connection: close")) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException ended) {
            // the client closed the connection
        }
    }
}
