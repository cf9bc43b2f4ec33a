package io.webprobe.crawl;

import io.webprobe.NamedThreads;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running crawl of one site: the worker loop and the lifecycle. Owns its worker threads
 * ({@code crawl-worker-N}) and the {@link HttpProbe} it is given, and closes both in
 * {@link #close()}; the {@link CrawlSink} (the crawl file) belongs to the caller.
 *
 * <p>Each worker takes a URL from the {@link Frontier} and hands it to the {@link UrlVisitor},
 * which asks robots.txt ({@link RobotsGate}), fetches it ({@link Fetcher}), lets the
 * {@link ResponseClassifier} decide what the answer means and turns it into a visit
 * ({@link VisitMaker}: the row, the page's links, the URLs found, through the
 * {@link LinkGraph}); the worker writes the visit to the sink and only then queues the URLs it
 * found, so the crawl file always holds a URL before its result. Every URL is fetched at most
 * once. The crawl ends when the frontier is empty and nothing is in flight, or when stopped;
 * then {@link CrawlListener#onFinished} is called once and {@link #completion()} completes.
 *
 * <p>Thread-safe. Listener methods run on worker threads; see {@link CrawlListener}.
 * See docs/CONCURRENCY.md for the threads and locks.
 */
public final class CrawlJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrawlJob.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final CrawlPlan plan;
    private final HttpProbe probe;
    private final CrawlSink sink;
    private final CrawlListener listener;
    private final ResumeState resumeFrom;
    private final Ticker ticker;
    private final RobotsRules robots;
    private final Admission admission;
    private final LinkGraph graph;
    private final VisitMaker visits;
    private final UrlVisitor visitor;
    private final AddressGuard.Resolver resolver;
    private final AddressGuard.Privacy privacy;
    private final Frontier<QueueItem> frontier;
    private final ExecutorService workers;
    private final NamedThreads.Joinable workerThreads = NamedThreads.bulk("crawl-worker-");
    /** Closed with the job (after its workers end). */
    private final List<AutoCloseable> owned;

    private final CrawlTally tally;
    private final RunTime time;
    private final AtomicInteger liveWorkers = new AtomicInteger();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** A resumed crawl's page that could not connect is asked again after this. */
    private final Duration retryUnreached = RetryWaits.unreached();
    private final CompletableFuture<CrawlSummary> completion = new CompletableFuture<>();
    /**
     * Orders Pause and Resume (the FX thread) with the end's state (the last worker): pressed
     * as the crawl ended, their state went to the file after "finished" or "stopped".
     */
    private final Object endLock = new Object();
    /** Whether the end's state is written (or a finished crawl continued ends); endLock. */
    private boolean concluded;
    private volatile boolean stopping;
    /**
     * Continuing a crawl that had finished: nothing to fetch, nothing in the file changes, and
     * a stop (Ctrl-C as it opens) does not make it a stopped crawl.
     */
    private final boolean alreadyFinished;
    /** Why a worker's unexpected failure stopped the crawl (a plain sentence), or null. */
    private volatile String failure;
    /** The site not answering at all: a fresh crawl's start URL, a resumed crawl's pages. */
    private volatile SiteReach reach;
    /** Why the crawl stopped when its site did not answer (kept in the file), else null. */
    private volatile String unreached;
    /** Whether {@link #failure} is a resume stopped by the site's 401s (no sign-in kept). */
    private volatile boolean signInRefused;
    /** The scheme the site's first 401 asked for ("Basic", "Bearer"...), or null. */
    private volatile String signInScheme;
    /** The plan with what was changed while running (exclude patterns added). */
    private volatile CrawlPlan current;
    private final java.util.concurrent.ConcurrentHashMap<Thread, ActiveFetch> active =
            new java.util.concurrent.ConcurrentHashMap<>();


    CrawlJob(CrawlJobBuilder b) {
        this.plan = b.plan;
        this.current = b.plan;
        // the site's sign-in goes to its own URLs only (the scope as it widens after the start
        // URL's redirect), on the start's domain, never down from https (SignInScope)
        Admission scope = new Admission(b.plan);
        this.admission = scope;
        this.probe = SiteHeadersProbe.wrap(b.probe, b.plan.siteHeaders(),
                SignInScope.of(b.plan, scope::inScope));
        this.sink = b.sink;
        this.listener = b.listener;
        this.resumeFrom = b.resume;
        // a file that holds no URL at all starts over (see start())
        this.alreadyFinished = resumeFrom != null && resumeFrom.lastId() != 0
                && resumeFrom.finished();
        this.ticker = b.ticker;
        this.owned = List.copyOf(b.owned);
        this.resolver = b.resolver;
        this.privacy = b.privacy;
        this.tally = new CrawlTally(plan.isList(), plan.isList() ? ""
                : plan.startRequestUrls().get(0));
        this.reach = SiteReach.fresh(plan.isList());
        this.time = new RunTime(ticker);
        Politeness p = plan.politeness();
        this.frontier = new Frontier<>(item -> item.hostKey, p.maxPerHost(plan.threads()),
                p.delay().toNanos(), ticker, b.frontierLimits, new Frontier.Overflow<>() {
                    @Override
                    public long write(List<QueueItem> items) {
                        return sink.spill(QueueItem.encode(items));
                    }

                    @Override
                    public List<QueueItem> read(long chunk) throws InterruptedException {
                        return QueueItem.decode(sink.unspill(chunk), graph::hostKeyOf);
                    }
                }, b.startLog,
                new Frontier.Levels<>(QueueItem::level, b.levelPatience.toNanos()));
        this.robots = new RobotsRules(probe, plan.timeout(), b.robotsRetryDelays);
        this.graph = new LinkGraph(plan, admission, sink);
        this.visits = new VisitMaker(plan, graph, ParseBudget.forHeap());
        this.visitor = new UrlVisitor(plan,
                new RobotsGate(robots, plan.respectRobots(), p.maxCrawlDelay().toMillis(),
                        frontier::setHostGap),
                new Fetcher(probe, plan.timeout(), plan.maxBodyBytes(), () -> stopping, ticker),
                new ResponseClassifier(p, b.clock), visits,
                new SitemapSeeder(robots, probe, plan.timeout(), graph, plan.maxPages()),
                frontier, tally, sink, () -> stopping, this::part);
        this.workers = Executors.newFixedThreadPool(plan.threads(), workerThreads);
    }

    /**
     * A new crawl.
     *
     * @param probe the HTTP backend; the job closes it when it stops or closes
     * @param sink where the crawl is kept; the caller closes it after the job
     */
    public static CrawlJobBuilder builder(CrawlPlan plan, HttpProbe probe, CrawlSink sink) {
        return new CrawlJobBuilder(plan, probe, sink);
    }

    public CrawlPlan plan() {
        return plan;
    }

    /** Starts the workers (after restoring a resumed crawl's state). May be called once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a crawl job can be started only once");
        }
        time.start();
        if (stopping && !alreadyFinished) {
            // stopped before it started (Stop pressed while the window made the job): it ends
            // here, stopped, as from any stop
            finish();
            return;
        }
        visitor.guard(AddressGuard.forStart(Urls.host(plan.startUrl()), plan.allowPrivate(),
                resolver, privacy));
        try {
            // asked as typed, as a browser asks them (/100%.html, not its URI's /100%25.html)
            List<String> asked = plan.startRequestUrls();
            List<URI> starts = asked.stream().map(Urls::toUri).toList();
            // a file that holds no URL at all (its first write failed, a full disk say) had
            // its start URLs in flight: the crawl starts over, its time kept
            boolean nothingStored = resumeFrom != null && resumeFrom.lastId() == 0;
            if (nothingStored) {
                time.ranBefore(resumeFrom.elapsedBefore());
            }
            if (resumeFrom == null || nothingStored) {
                admission.start(starts);
                for (QueueItem item : graph.start(asked)) {
                    queue(item);
                }
            } else {
                restore(resumeFrom, starts);
                // headers read from its file (none a password) are no sign-in given
                reach = SiteReach.resumed(plan.siteHeaders().secretGiven());
            }
            if (resumeFrom != null) {
                // a resume may run with other threads (--threads, the window's Threads): the
                // file says what its crawl runs with now, for a later look, resume or Settings
                sink.planChanged(current);
            }
            if (!alreadyFinished) { // a finished crawl continued keeps its times as they are
                sink.started();
                if (resumeFrom != null) {
                    sink.stopReason(""); // it runs again: the last stop's reason is old news
                }
                synchronized (endLock) {
                    // Pause pressed while the job was being started (the window starts it on
                    // another thread, after it shows the job) is kept: "running" was written
                    // over it, and the crawl went on paused
                    sink.state(frontier.isPaused() ? CrawlState.PAUSED : CrawlState.RUNNING,
                            time.ranBefore());
                }
            }
        } catch (InterruptedException e) {
            // interrupted while the start URLs went to the crawl file: no worker is started,
            // so the job ends here, stopped, and its listener hears so as from any stop
            Thread.currentThread().interrupt();
            stop();
            finish();
            return;
        }
        frontier.begin();
        liveWorkers.set(plan.threads());
        for (int i = 0; i < plan.threads(); i++) {
            try {
                workers.execute(this::workerLoop);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // stopped meanwhile: the workers that started end as stopped; the rest never
                // will, so they are counted out here (the last one out finishes the job)
                if (liveWorkers.addAndGet(i - plan.threads()) == 0) {
                    finish();
                }
                return;
            }
        }
    }

    private void restore(ResumeState state, List<URI> starts) throws InterruptedException {
        time.ranBefore(state.elapsedBefore());
        // a list check has no site to settle on: its file is not asked (one look through it)
        admission.restore(starts, state.siteHosts(), plan.isList() ? null : settledStart(state));
        // the counts first: the progress shows what was crawled while the URLs are read (a
        // crawl of millions takes seconds)
        ResumeState.Counts counts = state.counts();
        tally.restore(counts);
        graph.restore(state, counts);
        visitor.sitemapsAlreadyRead(state.sitemapsRead() || !plan.useSitemaps());
        // a folder left out while the crawl ran is left out still: its queued URLs get their
        // skipped row (the unpaced line: no request, no host's delay), none is fetched
        admission.excludeQueued(plan.scope().exclude());
        if (admission.excludesQueued()) {
            frontier.expedite(admission::excludedLater);
        }
        state.forEachQueued(q -> {
            if (q.brokenBefore()) {
                tally.brokenBefore(q.id());
            }
            queue(graph.queued(q));
        });
    }

    /** Where the resumed crawl's start URL had led, or null when its file does not say. */
    private static URI settledStart(ResumeState state) {
        String u = state.startChainEnd();
        try {
            return u.isEmpty() ? null : Urls.toUri(u);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Where the site starts as the crawl settled on it: the start URL, or where its own
     * redirects led (http to https, to www.), as soon as the crawl follows them; null for a
     * list check. Callable from any thread.
     */
    public URI site() {
        return admission.site();
    }

    /**
     * Workers finish their current request, then wait; the crawl's clock stops. Once the crawl
     * has ended (its last state written), it does nothing; a finished crawl continued (nothing
     * to fetch) keeps "finished" in its file, which neither its start nor its end writes.
     */
    public void pause() {
        synchronized (endLock) {
            if (concluded) {
                return;
            }
            time.pause();
            frontier.setPaused(true);
            if (!alreadyFinished) { // its file is not changed: it stays finished
                sink.state(CrawlState.PAUSED, time.elapsed());
            }
        }
    }

    /** Workers take URLs again; the crawl's clock runs. Once the crawl has ended, nothing. */
    public void resume() {
        synchronized (endLock) {
            if (concluded) {
                return;
            }
            time.resume();
            frontier.setPaused(false);
            if (!alreadyFinished) { // its file is not changed: it stays finished
                sink.state(CrawlState.RUNNING, time.elapsed());
            }
        }
    }

    /**
     * Leaves out every URL matching {@code pattern} from now on: new links to one are counted
     * as excluded, queued ones get a skipped row at once (they leave their host's queue for
     * the frontier's unpaced line, so none waits for the host's delay). The crawl file keeps
     * the pattern, so a resume leaves them out too. Returns at once.
     */
    public void exclude(java.util.regex.Pattern pattern) {
        java.util.List<java.util.regex.Pattern> all = new java.util.ArrayList<>(
                current.scope().exclude());
        all.add(pattern);
        current = current.withScope(current.scope().withExclude(all));
        admission.excludeAlso(pattern);
        // against the URI form, as process() matches them
        frontier.expedite(item -> pattern.matcher(item.uri().toString()).find());
        sink.planChanged(current);
    }

    /** What each worker is fetching now, longest first. */
    public List<ActiveFetch> activeFetches() {
        long now = ticker.nanoTime();
        List<ActiveFetch> out = new java.util.ArrayList<>();
        for (ActiveFetch f : active.values()) {
            out.add(f);
        }
        out.sort((a, b) -> Long.compare(a.startNanos(), b.startNanos()));
        List<ActiveFetch> timed = new java.util.ArrayList<>(out.size());
        for (ActiveFetch f : out) {
            timed.add(new ActiveFetch(f.worker(), f.url(), f.startNanos(),
                    Duration.ofNanos(now - f.startNanos())));
        }
        return timed;
    }

    public boolean isPaused() {
        return frontier.isPaused();
    }

    /**
     * For tests that drive the job with a manual {@link Ticker}: the ticker moved, so workers
     * waiting for a host's next start look at the time again.
     */
    void timeMoved() {
        frontier.timeMoved();
    }

    /**
     * Stops the crawl: nothing more is fetched, requests in flight are abandoned. The probe is
     * closed here rather than at {@link #close()}: a worker blocked reading a slow answer from
     * a socket does not see an interrupt, but returns at once when its connection closes.
     */
    public void stop() {
        stopping = true;
        tally.unvisited(frontier.stop());
        workers.shutdownNow();
        probe.close();
    }

    /** Completes with the summary when the crawl ends (finished or stopped). */
    public CompletableFuture<CrawlSummary> completion() {
        return completion;
    }

    /** The counters now; callable from any thread. */
    public CrawlProgress progress() {
        return new CrawlProgress(
                tally.crawled(),
                frontier.queued() + tally.unvisitedCount(),
                frontier.inFlight(),
                tally.broken(),
                time.elapsed(),
                frontier.isPaused(),
                ended.get(), // set before the listener hears of the end
                // the skipped rows, as the Skipped filter counts them; URLs the user's own
                // limits left out have no row (the summary counts them by reason)
                graph.skippedRows() + tally.excludedLater(),
                tally.blocked(),
                stopping ? 0 : tally.retryWaiting());
    }

    /** Stops if running and waits (bounded) for every worker thread to end. */
    @Override
    public void close() {
        stop();
        try {
            if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    || !workerThreads.join(CLOSE_WAIT)) {
                workers.shutdownNow();
                if (!workers.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                        || !workerThreads.join(CLOSE_WAIT)) {
                    log.warn("Crawl workers did not end within {}", CLOSE_WAIT.multipliedBy(2));
                }
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            probe.close();
            if (!started.get()) {
                finish();
            }
            for (AutoCloseable c : owned) {
                try {
                    c.close();
                } catch (Exception e) {
                    log.warn("Could not close {}", c, e);
                }
            }
        }
    }

    private void workerLoop() {
        try {
            while (true) {
                QueueItem item = frontier.take();
                if (item == null) {
                    return;
                }
                try {
                    if (!stopping) {
                        process(item);
                    }
                } catch (RuntimeException | Error e) {
                    failedOn(item, e);
                } finally {
                    frontier.done(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failedOn(null, e); // in the frontier: no URL of its own
        } finally {
            if (liveWorkers.decrementAndGet() == 0) {
                finish();
            }
        }
    }

    private void process(QueueItem item) throws InterruptedException {
        graph.taken(item.id); // before its request: a cookie set from now on is sent with it
        if (item.awaitingRetry) {
            item.awaitingRetry = false;
            tally.retryTaken();
        }
        VisitMaker.Made made;
        Thread me = Thread.currentThread();
        active.put(me, new ActiveFetch(me.getName(), item.url, ticker.nanoTime(), Duration.ZERO));
        try {
            if (admission.excludedLater(item)) {
                made = visits.skipped(item, SkipReason.EXCLUDED,
                        SkipReason.EXCLUDED.label() + " (added during the crawl)");
                if (!item.external && !item.revisit) {
                    // left out, it takes no place of --max-pages, as a URL an exclude pattern
                    // keeps out from the start takes none (and as a resume counts the file)
                    admission.release();
                }
            } else {
                made = visitor.visit(item);
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                throw e;
            }
            tally.unvisited(); // stopped while robots.txt was read: not a result
            return;
        } catch (RuntimeException e) {
            if (stopping) {
                tally.unvisited(); // interrupted by stop(): not a result
                return;
            }
            log.error("Unexpected failure on {}", item.url, e);
            made = visits.failed(item, ErrorKind.IO,
                    "Webprobe failed on this URL (an internal error; the details are in its log)");
        } finally {
            active.remove(me);
        }
        if (made == null) {
            return; // cancelled by stop(), or asked again later
        }
        if (made.visit().result().status() == 401 && !item.external && signInScheme == null) {
            // the command line names the option that gives this kind of sign-in
            signInScheme = io.webprobe.http.AuthChallenge.scheme(made.visit().headers());
        }
        if (reach.holdBack(item, made.visit().result())) {
            // a site that has not answered yet: not a result, still to fetch on a resume
            if (reach.givenUp() || stopping) {
                tally.unvisited(); // fetched again on the next resume
                if (!stopping && !reach.forResume()) {
                    tally.startUnreached(made.visit().result());
                    unreached = tally.startFailure();
                } else if (failure == null && !stopping) {
                    failure = reach.why();
                    unreached = reach.unreached();
                    signInRefused = reach.signInRefused();
                }
                stop();
            } else {
                item.awaitingRetry = true;
                tally.retryQueued();
                if (!frontier.retryLater(item, retryUnreached.toNanos())) {
                    tally.unvisited(); // stopped meanwhile: fetched again on the next resume
                }
            }
            return;
        }
        try {
            sink.visited(made.visit());
            graph.visited(item.id);
            noteElapsed();
        } catch (InterruptedException e) {
            tally.unvisited(); // stopped while the store was full: fetched again on resume
            throw e;
        }
        for (QueueItem found : made.toQueue()) {
            queue(found);
        }
        tally.counted(item, made.visit().result());
        listener.onResult(made.visit().result());
        for (CrawlResult skipped : made.skippedRows()) {
            listener.onResult(skipped);
        }
        if (sink.failure() != null) {
            stop(); // the crawl file cannot be written: going on would lose what is fetched
        }
    }

    /**
     * Part of a page's links, read ahead of its visit (a page of thousands of links): written,
     * then its new URLs queued, as a whole visit's are ({@link #process}).
     */
    private void part(QueueItem page, LinkGraph.Part part) throws InterruptedException {
        sink.visitedPart(page.id, part.discovered(), part.links());
        for (QueueItem found : part.toQueue()) {
            queue(found);
        }
        for (CrawlResult skipped : part.skippedRows()) {
            listener.onResult(skipped);
        }
    }

    /**
     * Queues a URL the crawl file holds as still to fetch. One found as the crawl stops (a
     * page written as Stop was pressed) is left for a resume, and counted as such: the end
     * line's "queued" is what the file leaves to fetch.
     */
    private void queue(QueueItem item) {
        if (!frontier.add(item)) {
            tally.unvisited();
        }
    }

    /** The time of the last {@link CrawlSink#elapsed} (ticker nanos). */
    private final java.util.concurrent.atomic.AtomicLong elapsedNoted =
            new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);

    /** Notes the running time in the crawl file about once a second (one worker does). */
    private void noteElapsed() {
        if (alreadyFinished) {
            return;
        }
        long now = ticker.nanoTime();
        long last = elapsedNoted.get();
        if ((last == Long.MIN_VALUE || now - last >= 1_000_000_000L)
                && elapsedNoted.compareAndSet(last, now)) {
            sink.elapsed(time.elapsed());
        }
    }

    /**
     * A failure nothing else handled on a worker (out of memory, a bug): the crawl cannot go
     * on as if the URL had been done, and must never look finished with it still to do. Out of
     * memory goes first to the program's handler, which ends the program at once and leaves
     * the crawl file as a kill would: running, with the URL still to fetch on a resume. Where
     * that handler returns (there is none), and for any other failure, the crawl stops as a
     * Stop would (stopped, resumable, the URL not done) and its summary says why.
     */
    private void failedOn(QueueItem item, Throwable e) {
        Thread.UncaughtExceptionHandler last = Thread.getDefaultUncaughtExceptionHandler();
        if (e instanceof OutOfMemoryError && last != null) {
            last.uncaughtException(Thread.currentThread(), e);
        }
        String where = item == null ? "" : " on " + item.url;
        log.error("Unexpected failure{}; the crawl stops", where, e);
        if (failure == null) {
            failure = e instanceof OutOfMemoryError && item != null
                    ? io.webprobe.OutOfMemory.crawlStoppedOn(item.url,
                            io.webprobe.OutOfMemory.HEAP_LIMIT)
                    : e instanceof OutOfMemoryError ? io.webprobe.OutOfMemory.SENTENCE
                    // its jar replaced under it: a class not yet loaded cannot be read now
                    : io.webprobe.UpdatedWhileRunning.explains(e)
                            ? io.webprobe.UpdatedWhileRunning.SENTENCE
                    : "Webprobe failed" + where + ", so the crawl stopped there (the details"
                    + " are in its log).";
        }
        if (item != null) {
            tally.unvisited();
        }
        stop();
    }

    private void finish() {
        if (ended.get()) {
            return;
        }
        workers.shutdown(); // idle workers end now; close() is only needed to stop early
        Duration elapsed;
        synchronized (endLock) { // a Pause pressed now comes too late: it writes nothing
            concluded = true;
            time.end();
            elapsed = alreadyFinished ? time.ranBefore() : time.elapsed();
            if (!alreadyFinished) {
                if (stopping && unreached != null) {
                    sink.stopReason(unreached); // stopped for a site that did not answer
                }
                sink.state(stopping ? CrawlState.STOPPED : CrawlState.FINISHED, elapsed);
            }
        }
        CrawlSink.Conclusion c;
        String failure = this.failure != null ? this.failure : sink.failure();
        // a worker stopped by close() carries its interrupt here; the crawl's last state and
        // figures must still be written and read back, so the flag waits until they are
        boolean wasInterrupted = Thread.interrupted();
        try {
            try {
                c = sink.conclude();
            } catch (InterruptedException e) {
                // stop() wakes the frontier before it interrupts the pool: the last worker
                // may be here already when its interrupt lands. Read once more (a second
                // interrupt, close() giving up on a stalled disk, ends the wait)
                wasInterrupted = true;
                c = sink.conclude();
            }
        } catch (InterruptedException e) {
            wasInterrupted = true;
            c = new CrawlSink.Conclusion(0, 0, Map.of(), 0, List.of(), null);
        } catch (RuntimeException e) {
            log.error("Could not read the crawl's figures back", e);
            c = new CrawlSink.Conclusion(0, 0, Map.of(), 0, List.of(), null);
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure == null) {
            failure = sink.failure();
        }
        tally.brokenRedirects(c.brokenRedirects()); // the progress's broken count says so too
        Map<SkipReason, Long> skipped = admission.countedByReason();
        c.rowSkips().forEach((why, n) -> skipped.merge(why, n, Long::sum));
        String startProblem = tally.startFailure() != null ? tally.startFailure()
                : c.startProblem();
        boolean stopped = stopping && !alreadyFinished;
        CrawlSummary summary = CrawlSummary.builder()
                .stopped(stopped)
                .counts(tally.crawled(), tally.broken(), c.brokenLinks())
                .elapsed(elapsed)
                .startFailure(startProblem, tally.startError(),
                        tally.startFailure() != null ? tally.startStatus() : 0)
                .skipped(skipped)
                .sitemaps((int) Math.min(Integer.MAX_VALUE, c.sitemapUrls()),
                        stopped ? List.of() : c.orphans()) // unfetched pages may link to them
                .failure(failure)
                .warnings(visitor.warnings())
                .signIn(signInRefused, signInScheme)
                .accepted(c.accepted())
                .startNote(tally.startNote())
                .cut(c.cut())
                .excludedHrefs(admission.excludedHrefs())
                .build();
        if (ended.compareAndSet(false, true)) {
            // the listener first: whoever waits on completion() finds it told
            try {
                listener.onFinished(summary);
            } finally {
                completion.complete(summary);
            }
        }
    }
}
