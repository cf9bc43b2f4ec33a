package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpVersion;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What a {@link PingJob} and its {@link PingEngine} share while a run lasts: the plan, the
 * clock, the global request sequence and the way finished requests reach the statistics.
 *
 * <p>Request {@code i} goes to target {@code i % targets}; the first {@code warmup} rounds are
 * warm-up, and the measurement (its elapsed time, its duration) begins after them: when the
 * first counted request is claimed in a closed loop, at the first counted request's intended
 * start in an open loop. Engines take request numbers with {@link #claim()}, read time from
 * {@link #now()} (a {@link LongSupplier} of nanoseconds: {@link System#nanoTime()} in use, a
 * manual clock in the scheduling tests) and report every finished request through {@link #record}, which puts
 * it in the calling thread's {@link RecordRing} and hands it to the listener.
 *
 * <p>Thread-safe: {@link #claim()} and {@link #record} are called concurrently by the engine's
 * threads; {@link #start}, {@link #stop} and {@link #fail} by the job or an engine.
 */
final class PingRun {
    /** An open-loop request sent later than this after its intended start counts as late. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final PingPlan plan;
    private final PingListener listener;
    private final LongSupplier clock;
    private final PingStats stats;
    private final List<URI> targets;
    private final String[] urls;
    private final AtomicLong sequence = new AtomicLong();
    /**
     * With no more URLs than connections, each connection keeps to one URL (connection k to URL
     * k mod URLs): its requests reuse one kept-alive connection instead of reconnecting whenever
     * the next request is for another server, and a URL that stalls holds only its own
     * connections. Then each URL counts its own rounds here; else (more URLs than connections)
     * every connection takes the next request of the one sequence, for whichever URL it is.
     */
    private final java.util.concurrent.atomic.AtomicLongArray rounds;
    private final java.util.concurrent.atomic.AtomicBoolean measureBegun =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final LongAdder claimed = new LongAdder();
    /** Counted requests put on the wire, per target (warm-up rounds left out). */
    private final LongAdder[] sentBy;
    private final RunFailures failures;
    private final long total;
    private final double nanosPerRequest;
    /** Open loop: requests per second. */
    private final double rate;
    /** Warm-up requests, all targets: the requests numbered below this. */
    private final long warmupRequests;
    /** Open loop: the latest send of a counted request (clock). */
    private final LongAccumulator lastSend = new LongAccumulator(Math::max, Long.MIN_VALUE);
    /** Open loop: the highest request number put on the wire, or -1 ({@link #slots}). */
    private final LongAccumulator lastSent = new LongAccumulator(Math::max, -1);
    private volatile boolean stopping;
    /**
     * When {@link #stop} was called (clock), for an open loop's {@link #notSent}; meaningful
     * only when {@link #stopAsked}.
     */
    private volatile long stopNanos;
    /** Whether the run was stopped by {@link #stop} (not ended by a failure). */
    private volatile boolean stopAsked;
    private volatile boolean started;
    private volatile long startNanos;
    private volatile long startEpochMillis;
    /** When the measurement began (clock), or -1 while the warm-up lasts. */
    private volatile long measureStartNanos = -1;
    private volatile long endNanos;
    /**
     * Per target: why it is not requested in this run ({@link #skip}), or null. Written before
     * {@link #start}, read after it by threads started after it, so plain fields do.
     */
    private final ErrorClassifier.Classified[] skipped;
    private int skippedCount;
    /**
     * The targets requested (not {@linkplain #skip skipped}), in order: with {@link #rounds},
     * connection {@code slot} keeps to {@code requested[slot % length]}, so a URL that cannot
     * be set up leaves its share of the connections to the others. Set by {@link #start}.
     */
    private int[] requested;
    /**
     * A closed loop for a duration with more URLs than connections (one sequence): per target,
     * the clock before which its turns are passed over ({@link #pauseAfter}); null otherwise.
     */
    private final java.util.concurrent.atomic.AtomicLongArray pausedUntil;
    /** Whether any target was ever paused (claims look at {@link #pausedUntil} only then). */
    private volatile boolean anyPaused;
    /**
     * With a listener: the counted requests put on the wire and not recorded, by number, with
     * their intended start and send (clock); at the end, those a stop abandoned in flight
     * ({@link #tellAbandoned}). Null without a listener (nobody is told of any request).
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, OnTheWire> unrecorded;

    /** A request's intended start (-1 in a closed loop) and send, on the run's clock. */
    private record OnTheWire(long intended, long send) {}

    /**
     * @param clock nanoseconds, like {@link System#nanoTime()}
     */
    PingRun(PingPlan plan, PingListener listener, LongSupplier clock, PingStats stats) {
        this.plan = plan;
        this.listener = listener;
        this.clock = clock;
        this.stats = stats;
        this.targets = plan.targets();
        this.urls = targets.stream().map(plan::shown).toArray(String[]::new);
        this.total = plan.totalRequests();
        this.rate = plan.rate();
        this.nanosPerRequest = plan.mode() == PingMode.RATE ? 1e9 / rate : 0;
        this.warmupRequests = (long) plan.warmup() * targets.size();
        this.failures = new RunFailures(targets.size());
        this.sentBy = new LongAdder[targets.size()];
        for (int t = 0; t < sentBy.length; t++) {
            sentBy[t] = new LongAdder();
        }
        this.skipped = new ErrorClassifier.Classified[targets.size()];
        this.rounds = plan.connectionsPerUrl()
                ? new java.util.concurrent.atomic.AtomicLongArray(targets.size()) : null;
        this.pausedUntil = rounds == null && plan.mode() == PingMode.DURATION
                ? new java.util.concurrent.atomic.AtomicLongArray(targets.size()) : null;
        this.unrecorded = listener == PingListener.NONE ? null
                : new java.util.concurrent.ConcurrentHashMap<>();
    }

    PingPlan plan() {
        return plan;
    }

    List<URI> targets() {
        return targets;
    }

    /** The run's clock, in nanoseconds. */
    long now() {
        return clock.getAsLong();
    }

    /** Sets the clock origin; called once, before the engine starts. */
    void start(long nanos, long epochMillis) {
        requested = java.util.stream.IntStream.range(0, targets.size())
                .filter(t -> skipped[t] == null).toArray();
        startEpochMillis = epochMillis;
        startNanos = nanos;
        if (warmupRequests == 0) {
            measureStartNanos = nanos;
            endNanos = nanos + plan.duration().toNanos();
        } else if (nanosPerRequest > 0) {
            long measured = intendedStart(warmupRequests);
            measureStartNanos = measured;
            endNanos = measured + plan.duration().toNanos();
        } else {
            // closed loop: the duration starts with the first counted request (claim())
            endNanos = nanos + Long.MAX_VALUE / 4;
        }
        started = true;
    }

    boolean started() {
        return started;
    }

    /** The clock at the start (valid once {@link #started()}). */
    long startNanos() {
        return startNanos;
    }

    /**
     * When the measurement began, after the warm-up (clock), or -1 while the warm-up lasts;
     * in an open loop the first counted request's intended start, which may lie ahead.
     */
    long measureStartNanos() {
        return measureStartNanos;
    }

    /**
     * Open loop: counted requests sent per second, over {@link #scheduleSeconds} (a run that
     * keeps to its rate achieves exactly it; one that fell behind sent fewer in the same time,
     * which lowers it); 0 in a closed loop or before any send.
     *
     * @param sent counted requests finished
     * @param now the time of the figures (a finished run's end)
     */
    double achievedRate(long sent, long now) {
        double window = scheduleSeconds(now);
        return window <= 0 || sent == 0 ? 0 : sent / window;
    }

    /**
     * Open loop: the seconds the sends covered, from the measurement's start to the last counted
     * send plus one interval, or, while the schedule still owes requests (it fell behind), to
     * {@code now} or the schedule's end if sooner: a run that sent one request in 2 s before
     * its time ran out achieved 0.5 req/s, not the rate of one interval. 0 in a closed loop or
     * before any send.
     */
    double scheduleSeconds(long now) {
        long last = lastSend.get();
        long from = measureStartNanos;
        if (nanosPerRequest == 0 || last == Long.MIN_VALUE || from < 0) {
            return 0;
        }
        double covered = Math.max(0, last - from) + nanosPerRequest;
        if (total < 0 || claimed.sum() < total) {
            covered = Math.max(covered, Math.min(now, endNanos) - from);
        }
        return covered / 1e9;
    }

    /**
     * Open loop: counted requests the schedule had before the end that were never sent, because
     * the requests before them were still waiting for answers when the duration ran out (the
     * server was slower than rate ÷ concurrency allows), or, for a run stopped ({@link #stop}),
     * when it was stopped: those due before the stop; 0 in a closed loop or a failed run.
     * The sum of its targets' ({@link #notSent(int)}): a connection on time has claimed its
     * next request before it is due, so at a stop a URL may have claimed more than its share,
     * and those are no requests another URL sent (the run's figure, all claims taken from all
     * requests due, said 114 where its URLs' said 119). With the requests sent and those a
     * stop abandoned in flight, every request due is counted once: {@code due = sent +
     * abandoned + not sent}.
     */
    long notSent() {
        long sum = 0;
        for (int t = 0; t < skipped.length; t++) {
            sum += notSent(t);
        }
        return sum;
    }

    /**
     * {@link #notSent()}, of target {@code t}: its counted requests among the schedule's
     * (request {@code i} is target {@code i mod URLs}'s; its warm-up rounds left out) that were
     * not put on the wire. With a connection pool of its own ({@link
     * PingPlan#connectionsPerUrl}) a slow URL falls behind alone, so this names the URL the
     * requests not sent were for. Those sent, not those claimed: a connection that had claimed
     * a request due before the stop and was about to send it when the stop came did not send
     * it (counting the claims, it was neither sent nor not sent).
     */
    long notSent(int t) {
        long slots = slots();
        if (slots <= 0 || skipped[t] != null) {
            return 0;
        }
        return Math.max(0, share(slots, t) - plan.warmup() - sentBy[t].sum());
    }

    /** Target {@code t}'s requests among the first {@code slots} of the schedule. */
    private long share(long slots, int t) {
        int n = targets.size();
        return slots / n + (t < slots % n ? 1 : 0);
    }

    /**
     * Open loop: the requests the schedule had before the end, or before the stop when it came
     * first; 0 when none are owed (a failed run's figures are incomplete anyway).
     */
    private long slots() {
        if (nanosPerRequest == 0 || stopping && !stopAsked || !started) {
            return 0;
        }
        long end = stopAsked && stopNanos - endNanos < 0 ? stopNanos : endNanos;
        // and those up to the last one sent: a connection that found its request due just
        // after the stop read the clock, before it saw the stop, sent it, so it was due (else
        // a request due before it and not sent was counted nowhere)
        long slots = Math.max(scheduledBefore(end - startNanos), lastSent.get() + 1);
        return total >= 0 ? Math.min(slots, total) : slots;
    }

    /**
     * Open loop: how many requests the schedule starts less than {@code nanos} after the start,
     * counted with {@link #offset}, as {@link #claim()} decides which fall before the end: a
     * count of its own in floating point ({@code ceil(nanos / interval)}) disagreed with it by
     * one now and then ({@code --rate 3 -d 5s} sent 15 and said 1 was not sent).
     */
    private long scheduledBefore(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long k = (long) Math.ceil(nanos / nanosPerRequest);
        while (k > 0 && offset(k - 1) >= nanos) {
            k--;
        }
        while (offset(k) < nanos) {
            k++;
        }
        return k;
    }

    /**
     * Target {@code t} cannot be set up (its host name does not resolve, its port is out of
     * range...: {@link HostLookups}): it is not requested in this run. Its one failure, with
     * {@code why}, is recorded by {@link #recordSkipped} when the engine starts, and the
     * requests are claimed for the other targets only. Called before {@link #start}.
     */
    void skip(int t, ErrorClassifier.Classified why) {
        if (skipped[t] == null) {
            skippedCount++;
        }
        skipped[t] = why;
    }

    /** Why target {@code t} is not requested in this run, or null: see {@link #skip}. */
    ErrorClassifier.Classified skipped(int t) {
        return skipped[t];
    }

    /** How many targets are not requested in this run. */
    int skippedCount() {
        return skippedCount;
    }

    /**
     * Records the one failure of each {@linkplain #skip skipped} target, as its first counted
     * request (sent and failed now): its row, the per-request log and the exit code say what
     * is wrong with it. Called once, by the engine's first thread, when it starts.
     */
    void recordSkipped(RecordRing ring) {
        int n = targets.size();
        for (int t = 0; skippedCount > 0 && t < n; t++) {
            ErrorClassifier.Classified why = skipped[t];
            if (why == null) {
                continue;
            }
            long i = (long) plan.warmup() * n + t;
            claimed.increment();
            sending(i);
            long now = now();
            record(ring, i, -1, now, now, 0, why.kind(), why.message(), 0, 0);
        }
    }

    /**
     * A closed loop for a duration does not retry a connection that failed at once faster
     * than this: one that is refused (nothing listens), cannot be routed or whose host does
     * not resolve waits until this long after its send before its next request.
     */
    static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * When the connection (or worker) that just had this failure may claim its next request,
     * or {@link Long#MIN_VALUE} for at once. In a closed loop for a duration, a connection
     * refused, not routed, or to a name that does not resolve, that failed within {@link
     * #PACE_NANOS} of its send, waits until then (never past the run's end): such a failure
     * took the client microseconds and the server nothing, so at full speed the URL counted
     * hundreds of thousands of "requests" a second, and its per-request log grew by megabytes.
     * A count ({@code -n}) or a rate bounds them already, and is kept as asked. A request
     * that followed a redirect reached a server, and is not paced either. With more URLs
     * than connections (one sequence for all) it is the URL that waits: the connection goes
     * on at once with the other URLs' turns, and waits only when every URL is paused.
     */
    long pauseAfter(long i, ErrorKind error, long send, long done, int hops) {
        if (error == null || hops != 0 || plan.mode() != PingMode.DURATION
                || done - send >= PACE_NANOS) {
            return Long.MIN_VALUE;
        }
        if (error != ErrorKind.REFUSED && error != ErrorKind.CONNECT && error != ErrorKind.DNS) {
            return Long.MIN_VALUE;
        }
        long until = send + PACE_NANOS;
        long end = endNanos;
        until = until - end > 0 ? end : until;
        if (pausedUntil == null) {
            return until; // the connection keeps to this URL: it waits
        }
        // one sequence for every URL: the URL waits, not the connection, which goes on with
        // the others' turns (claim() passes the paused one's over); it waits only when every
        // URL is paused or skipped, until the first of them may be tried again
        pausedUntil.accumulateAndGet(targetIndex(i), until, (a, b) -> b - a > 0 ? b : a);
        anyPaused = true;
        long first = until;
        for (int t = 0; t < pausedUntil.length(); t++) {
            if (skipped[t] != null) {
                continue;
            }
            long u = pausedUntil.get(t);
            if (u - done <= 0) {
                return Long.MIN_VALUE; // a URL that may be asked now
            }
            first = u - first < 0 ? u : first;
        }
        return first;
    }

    /** From now on nothing is claimed and nothing more is recorded. */
    void stop() {
        if (!stopping) {
            stopNanos = now();
            stopAsked = true;
        }
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /**
     * An engine thread failed unexpectedly: the run stops, and its end says why in one sentence
     * (the details go to the log). The first failure wins.
     */
    void fail(Throwable t) {
        failures.fail(t);
        stopping = true;
    }

    /** What went wrong in the run, in sentences. */
    RunFailures failures() {
        return failures;
    }

    /**
     * The next request number, or -1 when the run has no more requests to send: stopped, the
     * count reached, the duration over (closed loop: now; open loop: now, or the request's
     * intended start falls after the end, so a client behind its schedule stops at the end
     * instead of sending its backlog).
     */
    long claim() {
        if (stopping) {
            return -1;
        }
        if (plan.mode() == PingMode.DURATION && now() - endNanos >= 0) {
            return -1;
        }
        long i = sequence.getAndIncrement();
        if (skippedCount > 0) {
            if (skippedCount == targets.size()) {
                return -1;
            }
            while (skipped[targetIndex(i)] != null) {
                i = sequence.getAndIncrement(); // a live target's comes within one round
            }
        }
        if (anyPaused) {
            i = pastPaused(i);
        }
        if (total >= 0 && i >= total) {
            return -1;
        }
        if (plan.mode() == PingMode.RATE
                && (intendedStart(i) - endNanos >= 0 || now() - endNanos >= 0)) {
            return -1;
        }
        if (warmupRequests > 0 && nanosPerRequest == 0 && (i == warmupRequests
                        || (skippedCount > 0 || anyPaused) && i > warmupRequests
                                && !measureBegun.get())
                && measureBegun.compareAndSet(false, true)) {
            long t = now(); // the warm-up is over: the measurement and its duration begin
            endNanos = t + plan.duration().toNanos();
            measureStartNanos = t;
        }
        claimed.increment();
        return i;
    }

    /**
     * The next request for the connection (or worker) numbered {@code slot} (0 to concurrency -
     * 1), or -1 when it has no more to send. With no more URLs than connections the slot keeps
     * to URL {@code slot % URLs} (of the URLs requested: {@link #requested}) and its request
     * numbers are that URL's rounds ({@code round * URLs + URL}, the numbers {@link #claim()}
     * would give it, so an open loop's schedule is the same); else this is {@link #claim()}.
     */
    long claim(int slot) {
        if (rounds == null) {
            return claim();
        }
        if (stopping) {
            return -1;
        }
        if (plan.mode() == PingMode.DURATION && now() - endNanos >= 0) {
            return -1;
        }
        if (requested.length == 0) {
            return -1; // every URL's one failure is recorded apart (recordSkipped)
        }
        int t = requested[slot % requested.length];
        long round = rounds.getAndIncrement(t);
        if (total >= 0 && round >= total / targets.size()) {
            return -1;
        }
        long i = round * targets.size() + t;
        if (plan.mode() == PingMode.RATE
                && (intendedStart(i) - endNanos >= 0 || now() - endNanos >= 0)) {
            return -1;
        }
        if (round == plan.warmup() && round > 0 && nanosPerRequest == 0
                && measureBegun.compareAndSet(false, true)) {
            long at = now(); // the first counted request of any URL: the measurement begins
            endNanos = at + plan.duration().toNanos();
            measureStartNanos = at;
        }
        claimed.increment();
        return i;
    }

    /**
     * Request {@code i}, or the first after it whose target is neither paused ({@link
     * #pauseAfter}) nor skipped: the turns of a URL refused a moment ago go by, so no
     * connection waits on them while another URL could use it. When every target is paused
     * (another connection paused the last one since this one's pause was decided), a round's
     * last request is kept: one failure more.
     */
    private long pastPaused(long i) {
        long now = now();
        long next = i;
        for (int k = 1; k < targets.size(); k++) {
            int t = targetIndex(next);
            if (pausedUntil.get(t) - now <= 0 && skipped[t] == null) {
                return next;
            }
            next = sequence.getAndIncrement();
        }
        return next;
    }

    /** Requests claimed so far. */
    long claimed() {
        return claimed.sum();
    }

    /** {@link #sending(long, long, long)} of a request with no intended start, sent now. */
    void sending(long i) {
        sending(i, -1, now());
    }

    /**
     * The engine puts request {@code i} on the wire now (after any wait for its intended
     * start): counted, unless it is a warm-up round, among its target's {@link #sent(int)}.
     *
     * @param intended its intended start (clock), or -1 in a closed loop
     * @param send now, the time it goes (clock), as {@link #record} will be given it
     */
    void sending(long i, long intended, long send) {
        if (i / targets.size() >= plan.warmup()) {
            sentBy[targetIndex(i)].increment();
            if (unrecorded != null) {
                unrecorded.put(i, new OnTheWire(intended, send));
            }
        }
        if (nanosPerRequest > 0) {
            lastSent.accumulate(i);
        }
    }

    /**
     * Counted requests to target {@code t} put on the wire so far, finished or not (those
     * abandoned by a stop included).
     */
    long sent(int t) {
        return sentBy[t].sum();
    }

    /** Whether no request is left to send (stopped, count reached or time over). */
    boolean sendingDone(long now) {
        if (stopping || total >= 0 && allClaimed()) {
            return true;
        }
        return plan.mode() != PingMode.COUNT && now - endNanos >= 0;
    }

    /**
     * Nanoseconds from {@code now} to the end of an open loop for a duration that has sent all
     * it will before it (its last request was due before the end: {@code --rate 0.5 -d 3s}
     * sends at 0 and 2 s), or 0 when the run ends when its engine does: it lasts its duration,
     * as wrk2's and oha's do, and its rates are over it. A closed loop, a count sent, a stop,
     * a failure or no URL that could be set up: 0.
     */
    long untilEnd(long now) {
        if (plan.mode() != PingMode.RATE || skippedCount == targets.size()
                || sendingDone(now)) {
            return 0;
        }
        return Math.max(0, endNanos - now);
    }

    private boolean allClaimed() {
        if (rounds == null) {
            return sequence.get() >= total;
        }
        for (int t = 0; t < rounds.length(); t++) {
            if (skipped[t] == null && rounds.get(t) < total / targets.size()) {
                return false;
            }
        }
        return true;
    }

    /** Open loop: the clock time request {@code i} is meant to start; else -1. */
    long intendedStart(long i) {
        return nanosPerRequest == 0 ? -1 : startNanos + offset(i);
    }

    /**
     * Open loop: nanoseconds from the start to request {@code i}'s intended start, i × 10⁹ ÷
     * rate, exact whenever that is a whole number (request 51 at 3 req/s starts at 17 s, not
     * 1 ns before, where {@code i * (1e9 / rate)} put it, inside a 17 s run).
     */
    private long offset(long i) {
        return (long) (i * 1e9 / rate);
    }

    /** The target index of request {@code i}. */
    int targetIndex(long i) {
        return (int) (i % targets.size());
    }

    /** A ring for the calling engine thread (see {@link RecordRing}). */
    RecordRing newRing(boolean shared) {
        return stats.newRing(shared);
    }

    /**
     * Records one finished request and hands it to the listener, unless the run is stopping:
     * a request still in flight at the stop is abandoned, in no figure but its URL's count of
     * those ({@link PingResult#abandoned}: sent less finished), and told to the listener only
     * at the end, as abandoned ({@link #tellAbandoned}).
     *
     * @param ring the calling thread's ring
     * @param i the request number from {@link #claim()}
     * @param intended its intended start (clock), or -1 in a closed loop
     * @param send when it was actually sent (clock)
     * @param done when its body ended or it failed (clock)
     * @param status the final HTTP status, or 0 on failure
     * @param error the failure, or null
     * @param message a plain explanation of the failure, or ""
     * @param bytes body bytes received
     * @param hops redirects followed
     */
    void record(RecordRing ring, long i, long intended, long send, long done, int status,
            ErrorKind error, String message, long bytes, int hops) {
        record(ring, i, intended, send, done, status, error, message, bytes, hops,
                HttpVersion.HTTP_1_1);
    }

    /** As above, with the HTTP version the response came over. */
    void record(RecordRing ring, long i, long intended, long send, long done, int status,
            ErrorKind error, String message, long bytes, int hops, HttpVersion version) {
        if (error == ErrorKind.CANCELLED || stopping) {
            return; // abandoned: told at the end (tellAbandoned)
        }
        if (unrecorded != null) {
            unrecorded.remove(i);
        }
        int t = targetIndex(i);
        boolean warmup = i / targets.size() < plan.warmup();
        failures.note(t, warmup, error, message); // out of files: throws, the run ends
        long serviceNanos = done - send;
        long responseNanos = intended >= 0 ? done - intended : serviceNanos;
        boolean late = intended >= 0 && send - intended > LATE_NANOS;
        boolean success = error == null && plan.success().contains(status);
        int flags = (warmup ? RecordRing.FLAG_WARMUP : 0) | (late ? RecordRing.FLAG_LATE : 0)
                | (success ? RecordRing.FLAG_SUCCESS : 0)
                | (error != null ? 0 : version == HttpVersion.HTTP_2 ? RecordRing.FLAG_HTTP2
                        : version == HttpVersion.HTTP_1_0 ? RecordRing.FLAG_HTTP10 : 0);
        ring.put(t, status, error == null ? -1 : error.ordinal(), flags, hops,
                responseNanos / 1000, serviceNanos / 1000, bytes, done);
        if (intended >= 0 && !warmup) {
            lastSend.accumulate(send);
        }
        if (listener == PingListener.NONE) {
            return; // nobody reads the record: skip building it
        }
        listener.onRequest(new RequestRecord(i, urls[t], epochMillis(send),
                offsetMillis(intended, send), status, responseNanos / 1e6, serviceNanos / 1e6,
                bytes, error, message == null ? "" : message, hops, warmup, false));
    }

    /** The wall-clock time, in Unix milliseconds, of {@code send} on the run's clock. */
    private long epochMillis(long send) {
        return startEpochMillis + TimeUnit.NANOSECONDS.toMillis(send - startNanos);
    }

    /**
     * A request's intended start (a closed loop's: its send) in milliseconds from the
     * measurement's start ({@link RequestRecord#intendedOffsetMillis}).
     */
    private double offsetMillis(long intended, long send) {
        long measured = measureStartNanos;
        return ((intended >= 0 ? intended : send) - (measured < 0 ? startNanos : measured))
                / 1e6;
    }

    /**
     * Tells the listener of each counted request put on the wire and never recorded, in the
     * order of their numbers ({@link RequestRecord#abandoned}): those a stop abandoned in
     * flight, as many as the final snapshot's {@link PingResult#abandoned} (sent less
     * finished), so the per-request log has a line for every request the run put on the
     * wire. Called once, when the engine's threads have ended, before the listener's
     * {@link PingListener#onFinished}.
     */
    void tellAbandoned() {
        if (unrecorded == null || unrecorded.isEmpty()) {
            return;
        }
        List<Long> numbers = new java.util.ArrayList<>(unrecorded.keySet());
        java.util.Collections.sort(numbers);
        for (long i : numbers) {
            OnTheWire r = unrecorded.remove(i);
            // a URL not requested: its one failure, dropped by a stop that came first, was
            // no request on the wire (its row counts none abandoned)
            if (r != null && skipped[targetIndex(i)] == null) {
                listener.onRequest(RequestRecord.abandoned(i, urls[targetIndex(i)],
                        epochMillis(r.send()), offsetMillis(r.intended(), r.send())));
            }
        }
    }
}
