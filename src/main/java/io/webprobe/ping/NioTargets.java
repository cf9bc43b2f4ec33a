package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.Http1RequestEncoder;
import io.webprobe.http.TlsTrust;
import io.webprobe.http.Urls;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.net.ssl.SSLEngine;

/**
 * The targets of a run as the event loops need them, shared by every loop: each URL's request
 * head (encoded once), its endpoint (scheme, host and port: targets with the same endpoint may
 * share a connection), whether it speaks TLS, and what makes it impossible to request at all (a
 * port out of range, a URL that is not http or https). Host names are resolved before the
 * run's clock starts ({@link #resolveAll}, from {@link NioEngine#prepare}), all at once; a
 * target whose name does not resolve is then not requested ({@link PingRun#skip}). Without
 * that step (a throwaway run to a literal address), a name is resolved on first use, by
 * whichever loop needs it first, once per endpoint, and a name that does not resolve fails
 * every request to it as {@link io.webprobe.http.ErrorKind#DNS}.
 *
 * <p>TLS handshakes are gated per endpoint ({@link #handshakeGate}): the first connection to
 * an https endpoint handshakes alone, and the others wait until its first answer is in (on TLS
 * 1.3 the session ticket comes just before), so that they resume its TLS session (an
 * abbreviated handshake: no key exchange or certificate check on TLS 1.2, no certificate check
 * on 1.3) instead of fifty full handshakes at once. Thread-safe.
 */
final class NioTargets {
    private static final String[] ALPN = {"http/1.1"};
    private static final int GATE_NONE = 0;
    private static final int GATE_PIONEER = 1;
    private static final int GATE_OPEN = 2;
    /** After the first handshake, the others wait this long at most for the first answer. */
    private static final long ANSWER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What a connection about to handshake may do. */
    enum Gate {
        /** Handshake now: the endpoint's session exists, or its first handshake failed. */
        GO,
        /** Handshake now, as the endpoint's first; call {@link #handshakeEnded} when it ends. */
        PIONEER,
        /** Another connection is making the endpoint's first handshake: wait for it. */
        WAIT
    }

    private record Target(int endpoint, byte[] head, ErrorClassifier.Classified problem) {}

    private record Endpoint(String host, int port, boolean tls) {}

    private final List<Target> targets;
    private final List<Endpoint> endpoints;
    /**
     * Per endpoint: null (not resolved yet), an InetSocketAddress[], or the Classified failure
     * of a name that does not resolve.
     */
    private final AtomicReferenceArray<Object> resolved;
    /** Per endpoint: the index of the address that last accepted a connection. */
    private final AtomicIntegerArray working;
    /** Per endpoint: GATE_NONE, GATE_PIONEER or GATE_OPEN. */
    private final AtomicIntegerArray gates;
    /** Per endpoint: when the gate opens anyway (clock), 0 until the first handshake is done. */
    private final AtomicLongArray openAt;
    private final TlsTrust trust;
    private final int maxHead;

    NioTargets(PingPlan plan) {
        this.trust = plan.tls();
        Map<String, Integer> ids = new HashMap<>();
        List<Endpoint> eps = new ArrayList<>();
        List<Target> out = new ArrayList<>(plan.targets().size());
        int max = 0;
        for (URI u : plan.targets()) {
            ErrorClassifier.Classified problem = HostLookups.problem(u);
            if (problem != null) {
                out.add(new Target(-1, new byte[0], problem));
                continue;
            }
            int port = Urls.port(u);
            boolean tls = u.getScheme().equalsIgnoreCase("https");
            String host = Urls.host(u);
            String key = (tls ? "https://" : "http://") + host + ":" + port;
            int id = ids.computeIfAbsent(key, k -> {
                eps.add(new Endpoint(host, port, tls));
                return eps.size() - 1;
            });
            byte[] head = Http1RequestEncoder.encode(u, plan.requestTargets().get(u),
                    plan.method(), plan.headers(),
                    plan.keepAlive(), plan.userAgent());
            max = Math.max(max, head.length);
            out.add(new Target(id, head, null));
        }
        this.targets = List.copyOf(out);
        this.endpoints = List.copyOf(eps);
        this.resolved = new AtomicReferenceArray<>(eps.size());
        this.working = new AtomicIntegerArray(eps.size());
        this.gates = new AtomicIntegerArray(eps.size());
        this.openAt = new AtomicLongArray(eps.size());
        this.maxHead = Math.max(1, max);
        if (eps.stream().anyMatch(Endpoint::tls)) {
            // not on a loop thread after the first request's clock has started
            trust.prepare();
        }
    }

    /** Why target {@code t} cannot be requested at all, or null. */
    ErrorClassifier.Classified setupProblem(int t) {
        return targets.get(t).problem();
    }

    /**
     * Resolves every endpoint's host name, in parallel, all within {@code timeout} ({@link
     * HostLookups}); returns at once. Called before the clock starts, so that no loop waits
     * for DNS while requests are timed.
     *
     * @return completes, never exceptionally, when every endpoint is resolved or known not to
     */
    CompletableFuture<Void> resolveAll(Duration timeout) {
        List<String> hosts = endpoints.stream().map(Endpoint::host).toList();
        return HostLookups.resolve(hosts, timeout).thenAccept(found -> {
            for (int e = 0; e < endpoints.size(); e++) {
                Endpoint ep = endpoints.get(e);
                HostLookups.Outcome o = found.get(ep.host());
                if (o != null) {
                    resolved.compareAndSet(e, null, o.failure() != null ? o.failure()
                            : addresses(o.addresses(), ep.port()));
                }
            }
        });
    }

    /**
     * Why target {@code t} cannot be requested in this run: {@link #setupProblem}, or its host
     * name did not resolve; null when it can be (or its name was not looked up yet).
     */
    ErrorClassifier.Classified unusable(int t) {
        Target target = targets.get(t);
        if (target.problem() != null) {
            return target.problem();
        }
        return resolved.get(target.endpoint()) instanceof ErrorClassifier.Classified c ? c : null;
    }

    private static InetSocketAddress[] addresses(List<InetAddress> all, int port) {
        InetSocketAddress[] each = new InetSocketAddress[all.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = new InetSocketAddress(all.get(i), port);
        }
        return each;
    }

    /** The endpoint's address to connect to first; null when the host name does not resolve. */
    InetSocketAddress address(int t) {
        return address(t, preferred(t), 0);
    }

    /** Which of the endpoint's addresses to try first: the one that last accepted a connection. */
    int preferred(int t) {
        return working.get(targets.get(t).endpoint());
    }

    /**
     * One of the endpoint's addresses ({@link HostAddresses}: all of the name's, and both
     * loopback addresses for {@code localhost}), resolved once.
     *
     * @param first the index of the first one tried ({@link #preferred}, taken once)
     * @param attempt 0 for that one, 1 for the next when it refused...
     * @return the address, or null when the name does not resolve or none is left
     */
    InetSocketAddress address(int t, int first, int attempt) {
        int e = targets.get(t).endpoint();
        Object a = resolved.get(e);
        if (a == null) {
            // not resolved before the clock (no prepare step): now, on this loop
            Endpoint ep = endpoints.get(e);
            HostLookups.Outcome o = HostLookups.lookUp(ep.host());
            a = o.failure() != null ? o.failure() : addresses(o.addresses(), ep.port());
            resolved.compareAndSet(e, null, a);
            a = resolved.get(e);
        }
        if (!(a instanceof InetSocketAddress[] each) || attempt >= each.length) {
            return null;
        }
        return each[(first + attempt) % each.length];
    }

    /**
     * The address accepted a connection: later ones try it first.
     *
     * @param index {@code first + attempt} of the {@link #address(int, int, int)} that did
     */
    void connected(int t, int index) {
        int e = targets.get(t).endpoint();
        if (resolved.get(e) instanceof InetSocketAddress[] each) {
            working.set(e, index % each.length);
        }
    }

    /** The encoded request head of target {@code t}. */
    byte[] head(int t) {
        return targets.get(t).head();
    }

    /** Equal for targets that may share a connection. */
    int endpoint(int t) {
        return targets.get(t).endpoint();
    }

    /** Whether target {@code t} is https. */
    boolean tls(int t) {
        int e = targets.get(t).endpoint();
        return e >= 0 && endpoints.get(e).tls();
    }

    /**
     * Whether a new TLS connection to target {@code t}'s endpoint may handshake now.
     *
     * @param now the run's clock
     */
    Gate handshakeGate(int t, long now) {
        int e = targets.get(t).endpoint();
        int g = gates.get(e);
        if (g == GATE_OPEN) {
            return Gate.GO;
        }
        long at = openAt.get(e);
        if (g == GATE_PIONEER && at != 0 && now - at >= 0) {
            gates.set(e, GATE_OPEN); // a slow first answer: do not hold everyone up for it
            return Gate.GO;
        }
        if (g == GATE_NONE && gates.compareAndSet(e, GATE_NONE, GATE_PIONEER)) {
            return Gate.PIONEER;
        }
        return gates.get(e) == GATE_OPEN ? Gate.GO : Gate.WAIT;
    }

    /**
     * The endpoint's first handshake is done: its session is cached (TLS 1.2) or its ticket is
     * on the way (1.3). The gate opens at the first answer, or shortly after anyway.
     */
    void handshakeDone(int t, long now) {
        openAt.compareAndSet(targets.get(t).endpoint(), 0, now + ANSWER_WAIT_NANOS | 1);
    }

    /**
     * The endpoint's first connection got its first answer, or failed (then the others need not
     * wait for a session that will not come, and handshake in parallel).
     */
    void handshakeEnded(int t) {
        gates.set(targets.get(t).endpoint(), GATE_OPEN);
    }

    /** A client TLS engine for a new connection to target {@code t}'s endpoint. */
    SSLEngine newTlsEngine(int t) {
        Endpoint ep = endpoints.get(targets.get(t).endpoint());
        return trust.clientEngine(ep.host(), ep.port(), ALPN);
    }

    /** The longest request head. */
    int maxHeadBytes() {
        return maxHead;
    }
}
