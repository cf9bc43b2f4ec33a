package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-host rules of {@link Frontier} alone, without HTTP: the limit on items in flight per
 * host, the least gap between two starts on a host, a host put on hold by
 * {@link Frontier#retryLater}, and that a host that must wait never holds back another.
 *
 * <p>Time is a {@link ManualTicker}: it stands still unless the test moves it, so "B's items
 * are handed out while A waits" is shown with the clock standing still, and a gap is shown
 * exact: nothing for A a millisecond before its time (a take begun then waits, see
 * {@link PendingTake}), A's item at its time. No check depends on how fast the machine is; a
 * take that must return at once may take up to {@link ManualTicker#STUCK} before the test calls
 * it stuck. Only the last test runs on the system clock, for the wake-ups of real timed waits.
 */
class FrontierHostsTest {
    /** A queued URL stand-in: its host key and a name. */
    record Item(String host, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Item A1 = new Item("a", "A1");
    private static final Item A2 = new Item("a", "A2");
    private static final Item A3 = new Item("a", "A3");
    private static final Item B1 = new Item("b", "B1");
    private static final Item B2 = new Item("b", "B2");
    private static final Item B3 = new Item("b", "B3");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /**
     * How long before its time an item is shown not to be handed out. A waiting take sleeps
     * (real time) for what is left of the manual wait, so a margin of a few nanoseconds would
     * make it spin.
     */
    private static final Duration JUST = Duration.ofMillis(1);

    private final ManualTicker ticker = new ManualTicker();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Frontier<Item>> frontiers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        frontiers.forEach(Frontier::stop); // releases any take still waiting
        pool.shutdownNow();
    }

    /** A frontier on the manual clock. */
    private Frontier<Item> frontier(int maxPerHost, long gapMillis) {
        Frontier<Item> f = new Frontier<>(Item::host, maxPerHost, gapMillis * MS, ticker,
                Frontier.Limits.UNBOUNDED, null);
        frontiers.add(f);
        return f;
    }

    private <T> Future<T> async(Callable<T> task) {
        return pool.submit(task);
    }

    /** A take that must find its item at once (fails, rather than hangs, when stuck). */
    private Item takeNow(Frontier<Item> f) throws Exception {
        return async(f::take).get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
    }

    /** Moves the manual clock and tells the frontier. */
    private void advance(Frontier<Item> f, Duration d) {
        ticker.advance(d);
        f.timeMoved();
    }

    @Test
    void maxPerHostOneHandsOutAnotherHostWhileTheFirstHostIsBusy() throws Exception {
        Frontier<Item> f = frontier(1, 0);
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        f.add(B1);
        // A2 is next in turn order, but host a already has its one request in flight
        assertThat(takeNow(f)).isEqualTo(B1);
        f.done(B1);
        PendingTake<Item> next = PendingTake.waiting(f); // an idle worker still may not start A2
        assertThat(f.queued()).isEqualTo(1);
        assertThat(f.inFlight()).isEqualTo(1);

        f.done(A1);
        assertThat(next.get()).isEqualTo(A2);
        f.done(A2);
        assertThat(takeNow(f)).isNull(); // all done: the crawl is over
    }

    @Test
    void theGapSpacesStartsOnOneHostWhileAnotherHostIsServedInBetween() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 300);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        assertThat(f.take()).isEqualTo(A1); // at 0
        advance(f, Duration.ofMillis(10));
        assertThat(takeNow(f)).isEqualTo(B1); // at 10 ms: b does not wait for a's gap

        advance(f, Duration.ofMillis(290).minus(JUST));
        PendingTake<Item> a2 = PendingTake.waiting(f); // 1 ms before A1's 300 ms: nothing
        advance(f, JUST);
        assertThat(a2.get()).isEqualTo(A2); // 300 ms after A1

        PendingTake<Item> b2 = PendingTake.waiting(f); // b's 300 ms are not over yet
        advance(f, Duration.ofMillis(10).minus(JUST));
        PendingTake.assertNothingToHandOut(f); // 1 ms before B1's 300 ms
        advance(f, JUST);
        assertThat(b2.get()).isEqualTo(B2); // 300 ms after B1
        assertThat(ticker.now()).isEqualTo(ManualTicker.at(Duration.ofMillis(310)));
    }

    /**
     * The bug: a URL that robots.txt forbids took its host's turn as if it had been fetched,
     * so under --max-rps 2 the next page waited ~1 s instead of 0.5 s, and a site with many
     * disallowed URLs crawled up to twice as slowly.
     */
    @Test
    void anItemThatSentNoRequestGivesItsHostsTurnBack() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 300);
        f.add(A1);
        f.add(A2);
        f.add(A3);
        assertThat(f.take()).isEqualTo(A1); // fetched at 0
        advance(f, Duration.ofMillis(300));
        assertThat(takeNow(f)).isEqualTo(A2); // at 300 ms, and forbidden by robots.txt
        f.sentNothing(A2);
        f.done(A2);

        assertThat(takeNow(f)).isEqualTo(A3); // at once: 300 ms after A1, the last request
        assertThat(ticker.now()).isEqualTo(ManualTicker.at(Duration.ofMillis(300)));
        f.sentNothing(A1); // not the host's last start: changes nothing
        f.done(A1);
        f.done(A3);
        assertThat(takeNow(f)).isNull();
    }

    @Test
    void aHostWaitingOutALongGapNeverHoldsBackAnotherHost() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", TimeUnit.SECONDS.toNanos(60));
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        f.add(B3);
        assertThat(takeNow(f)).isEqualTo(A1);
        f.done(A1);
        // the clock stands still: b is served entirely while a waits out its 60 s
        for (Item b : List.of(B1, B2, B3)) {
            assertThat(takeNow(f)).isEqualTo(b);
            f.done(b);
        }
        PendingTake<Item> a2 = PendingTake.waiting(f); // waits for a, the crawl is not over
        assertThat(ticker.now()).isEqualTo(ManualTicker.START);

        advance(f, Duration.ofSeconds(60).minus(JUST));
        PendingTake.assertNothingToHandOut(f);
        advance(f, JUST);
        assertThat(a2.get()).isEqualTo(A2);
        f.done(A2);
        assertThat(takeNow(f)).isNull();
    }

    @Test
    void aHostGapAppliesToItsHostOnlyAndTheLargerGapWins() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", 300 * MS);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        assertThat(f.take()).isEqualTo(A1);
        // without the host gap, a's turn would come before B2
        assertThat(takeNow(f)).isEqualTo(B1);
        assertThat(takeNow(f)).isEqualTo(B2);
        advance(f, Duration.ofMillis(300).minus(JUST));
        PendingTake<Item> a2 = PendingTake.waiting(f);
        advance(f, JUST);
        assertThat(a2.get()).isEqualTo(A2);

        // a smaller host gap does not shorten the frontier-wide one
        Frontier<Item> g = frontier(Integer.MAX_VALUE, 300);
        g.setHostGap("a", 50 * MS);
        g.add(A1);
        g.add(A2);
        assertThat(g.take()).isEqualTo(A1);
        advance(g, Duration.ofMillis(50));
        PendingTake.assertNothingToHandOut(g); // the host's own 50 ms are over, not the 300
        advance(g, Duration.ofMillis(250).minus(JUST));
        PendingTake<Item> second = PendingTake.waiting(g);
        advance(g, JUST);
        assertThat(second.get()).isEqualTo(A2);
    }

    @Test
    void retryLaterPutsTheItemFirstAndHoldsItsHostWhileOthersAreServed() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        f.add(B3);
        assertThat(f.take()).isEqualTo(A1);
        f.retryLater(A1, 400 * MS);
        f.done(A1);
        assertThat(f.queued()).isEqualTo(5); // A1 back, A2, B1-B3

        // host a waits; neither A1 nor A2 comes between b's items, all handed out at once
        for (Item b : List.of(B1, B2, B3)) {
            assertThat(takeNow(f)).isEqualTo(b);
            f.done(b);
        }
        // nothing in flight, only the retried item queued: the crawl is not over
        assertThat(f.inFlight()).isZero();
        advance(f, Duration.ofMillis(400).minus(JUST));
        PendingTake<Item> retried = PendingTake.waiting(f);
        advance(f, JUST);
        assertThat(retried.get()).as("the retried item, not null").isEqualTo(A1);
        assertThat(takeNow(f)).as("then the rest of its host").isEqualTo(A2);
        f.done(A1);
        f.done(A2);
        assertThat(takeNow(f)).isNull();
    }

    @Test
    void expeditedItemsAreHandedOutAtOnceWithoutTheirHostsGapOrLimit() throws Exception {
        Frontier<Item> f = frontier(1, 300);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        f.add(B3);
        assertThat(f.take()).isEqualTo(A1); // at 0; a is busy and then waits 300 ms
        assertThat(takeNow(f)).isEqualTo(B1); // b is busy too
        f.done(B1);
        PendingTake<Item> waiting = PendingTake.waiting(f); // nothing is due

        f.expedite(i -> i == A2 || i == B3 || i.name().equals("A3"));
        // the waiting worker wakes for the expedited items; the clock has not moved
        assertThat(waiting.get()).isEqualTo(A2);
        assertThat(takeNow(f)).isEqualTo(B3);
        Item a3 = new Item("a", "A3");
        f.add(a3); // queued after: expedited too
        assertThat(takeNow(f)).isEqualTo(a3);
        f.done(A2);
        f.done(B3);
        f.done(a3);
        assertThat(f.queued()).isEqualTo(1); // B2, still spaced 300 ms after B1
        assertThat(f.inFlight()).isEqualTo(1); // A1
        PendingTake<Item> b2 = PendingTake.waiting(f);
        advance(f, Duration.ofMillis(300));
        assertThat(b2.get()).isEqualTo(B2);
        f.done(B2);
        f.done(A1);
        assertThat(takeNow(f)).isNull(); // all done: the crawl is over
    }

    /**
     * Expedites A2 and starts a take whose scan for it holds the frontier's lock until
     * {@code release}; returns once the scan has begun.
     */
    private Future<Item> takeScanningUntil(Frontier<Item> f, CountDownLatch release)
            throws InterruptedException {
        CountDownLatch scanning = new CountDownLatch(1);
        f.expedite(i -> {
            scanning.countDown(); // the take's scan holds the frontier's lock here
            try {
                release.await(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i == A2;
        });
        Future<Item> scan = async(f::take); // the next take moves the matching items
        assertThat(scanning.await(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return scan;
    }

    @Test
    void theCountersAreReadWithoutWaitingForATakeThatScansTheQueuesForAnExclusion()
            throws Exception {
        Frontier<Item> f = frontier(1, 300);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        assertThat(f.take()).isEqualTo(A1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Item> scan = takeScanningUntil(f, release);

        // what the crawl's progress (the FX thread's tick) reads, while the scan goes on
        Future<List<Object>> read = async(() -> List.of(f.queued(), f.inFlight(),
                f.isPaused()));
        assertThat(read.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS))
                .containsExactly(2, 1, false);
        assertThat(scan).isNotDone();

        release.countDown();
        assertThat(scan.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS)).isEqualTo(A2);
        assertThat(f.queued()).isEqualTo(1);
        assertThat(f.inFlight()).isEqualTo(2);
    }

    @Test
    void pauseDoesNotWaitForATakeThatScansTheQueuesForAnExclusion() throws Exception {
        Frontier<Item> f = frontier(1, 300);
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Item> scan = takeScanningUntil(f, release);

        // Pause, pressed on the FX thread, returns while the scan goes on
        async(() -> {
            f.setPaused(true);
            return null;
        }).get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
        assertThat(f.isPaused()).isTrue();
        assertThat(scan).isNotDone();

        // paused, the scan's take hands nothing out; Resume wakes it
        release.countDown();
        f.setPaused(false);
        assertThat(scan.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS)).isEqualTo(A2);
    }

    @Test
    void stopWakesEveryWorkerWaitingForADelayedHost() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", TimeUnit.SECONDS.toNanos(30));
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        f.done(A1);
        List<PendingTake<Item>> takes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // each worker sits in a timed wait for host a's next start
            takes.add(PendingTake.waiting(f));
        }
        await().atMost(ManualTicker.STUCK).until(() -> takes.stream()
                .allMatch(t -> t.thread().getState() == Thread.State.TIMED_WAITING));
        assertThat(takes).noneMatch(PendingTake::isDone);

        assertThat(f.stop()).as("dropped").isEqualTo(1);
        for (PendingTake<Item> take : takes) {
            assertThat(take.get()).isNull();
        }
    }

    /**
     * A 429 classified just before a stop is dropped as the queued URLs are, and the caller
     * is told so it can count the URL as not done (the stop's count left it out: it was in
     * flight). Seen: the progress's queued count was one short after such a stop.
     */
    @Test
    void aRetryAfterTheStopIsRefusedSoItsUrlIsCountedNotDone() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        assertThat(f.stop()).as("dropped from the queue").isEqualTo(1);
        assertThat(f.retryLater(A1, 0)).isFalse();
        assertThat(f.queued()).isZero();
    }

    @Test
    void noLostWakeUpWithManyWorkersOnOneSpacedHost() throws Exception {
        // on the system clock: the workers' real timed waits must hand the timing on
        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        Frontier<Item> f = new Frontier<>(Item::host, Integer.MAX_VALUE, 100 * MS, Ticker.SYSTEM,
                Frontier.Limits.UNBOUNDED, null, (item, at) -> starts.add(at));
        frontiers.add(f);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new Item("a", "A" + i));
            f.add(items.get(i));
        }
        ConcurrentLinkedQueue<Item> taken = new ConcurrentLinkedQueue<>();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(async(() -> {
                int mine = 0;
                for (Item item; (item = f.take()) != null; ) {
                    taken.add(item);
                    mine++;
                    f.done(item);
                }
                return mine; // this worker got null: it saw the end
            }));
        }
        int total = 0;
        for (Future<Integer> w : workers) {
            total += w.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(10);
        assertThat(taken).containsExactlyInAnyOrderElementsOf(items); // each exactly once
        // nine gaps of at least 100 ms between ten starts, by the frontier's own clock
        List<Long> at = List.copyOf(starts);
        assertThat(at).hasSize(10);
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 1)).as("ns between starts %d and %d", i - 1, i)
                    .isGreaterThanOrEqualTo(100 * MS);
        }
    }
}
