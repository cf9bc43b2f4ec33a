package io.webprobe.ping;

import io.webprobe.NamedThreads;
import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.HostAddresses;
import io.webprobe.http.UrlSyntax;
import io.webprobe.http.Urls;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The host names of a run's targets, resolved before its clock starts ({@link
 * PingEngine#prepare}), on both engines: in parallel ({@code ping-resolve-N} daemon threads,
 * at most {@value #THREADS}), all of them bounded by the run's timeout together. A lookup
 * still going when the timeout is up is abandoned (its thread ends when the system answers)
 * and its name counted as not resolving. So no engine thread waits for DNS on the clock, and a
 * target that cannot be set up (a name that does not resolve, a port out of range, a URL that
 * is not http or https) is known before the first request: the run records one failure for it
 * and requests it no more ({@link PingRun#skip}), instead of failing it again every few
 * microseconds for the whole run.
 */
final class HostLookups {
    /** Lookups at once at most. */
    static final int THREADS = 16;

    /** A host's addresses, or why it has none. */
    record Outcome(List<InetAddress> addresses, ErrorClassifier.Classified failure) {}

    private HostLookups() {}

    /**
     * Why target {@code u} cannot be requested at all, whatever its host resolves to (a port
     * out of range, a URL that is not http or https), or null.
     */
    static ErrorClassifier.Classified problem(URI u) {
        String problem = UrlSyntax.problem(u);
        int port = problem == null ? Urls.port(u) : 0;
        if (problem == null && (port < 1 || port > 65_535)) {
            problem = "The port " + port + " is out of range (1 to 65535)";
        }
        return problem == null ? null : ErrorClassifier.invalidUrl(problem);
    }

    /**
     * Resolves the hosts; returns at once, the lookups on threads of their own.
     *
     * @param hosts host names or IP literals (as {@link Urls#host} gives them)
     * @param timeout how long all of them may take together
     * @return completes, never exceptionally, with every host's outcome, in the order given
     */
    static CompletableFuture<Map<String, Outcome>> resolve(Collection<String> hosts,
            Duration timeout) {
        return resolve(hosts, timeout, HostLookups::lookUp);
    }

    /** @param lookUp one host's lookup, on a thread of the pool (tests give a slow one) */
    static CompletableFuture<Map<String, Outcome>> resolve(Collection<String> hosts,
            Duration timeout, java.util.function.Function<String, Outcome> lookUp) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(hosts));
        if (distinct.isEmpty()) {
            return CompletableFuture.completedFuture(Map.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, distinct.size()),
                NamedThreads.daemon("ping-resolve-"));
        List<CompletableFuture<Outcome>> each = new ArrayList<>(distinct.size());
        try {
            for (String h : distinct) {
                each.add(CompletableFuture.supplyAsync(() -> lookUp.apply(h), pool));
            }
        } finally {
            pool.shutdown(); // the threads end with their last lookup
        }
        Outcome late = new Outcome(List.of(), new ErrorClassifier.Classified(ErrorKind.DNS,
                "The host name did not resolve within "
                + io.webprobe.Words.timeout(timeout)));
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, timeout.toNanos(), TimeUnit.NANOSECONDS)
                .handle((v, e) -> {
                    Map<String, Outcome> out = new LinkedHashMap<>();
                    for (int i = 0; i < distinct.size(); i++) {
                        out.put(distinct.get(i), each.get(i).getNow(late));
                    }
                    return out;
                });
    }

    /** One host, on the calling thread. */
    static Outcome lookUp(String host) {
        try {
            return new Outcome(HostAddresses.resolve(host), null);
        } catch (UnknownHostException | SecurityException | IllegalArgumentException e) {
            return new Outcome(List.of(), ErrorClassifier.dnsFailure());
        }
    }
}
