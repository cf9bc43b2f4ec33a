package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-host rules of {@link Frontier} alone, without HTTP: the limit on items in flight per
 * host, the least gap between two starts on a host, a host put on hold by
 * {@link Frontier#retryLater}, and that a host that must wait never holds back another.
 *
 * <p>Gaps are checked as lower bounds only, measured from just before the first take to just
 * after the later one returns, which brackets the frontier's own clock readings.
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
    private static final Item B1 = new Item("b", "B1");
    private static final Item B2 = new Item("b", "B2");
    private static final Item B3 = new Item("b", "B3");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long a take that must come at once may take on a slow machine. */
    private static final long PROMPT_SECONDS = 5;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Frontier<Item>> frontiers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        frontiers.forEach(Frontier::stop); // releases any take still waiting
        pool.shutdownNow();
    }

    private Frontier<Item> frontier(int maxPerHost, long gapMillis) {
        Frontier<Item> f = new Frontier<>(Item::host, maxPerHost, gapMillis * MS);
        frontiers.add(f);
        return f;
    }

    private <T> Future<T> async(Callable<T> task) {
        return pool.submit(task);
    }

    /** A take that must not block long: fails instead of hanging when it does. */
    private Item promptTake(Frontier<Item> f) throws Exception {
        return async(f::take).get(PROMPT_SECONDS, TimeUnit.SECONDS);
    }

    /** An item and when its take returned (System.nanoTime()). */
    record Taken(Item item, long at) {}

    private Future<Taken> timedTake(Frontier<Item> f) {
        return async(() -> {
            Item item = f.take();
            return new Taken(item, System.nanoTime());
        });
    }

    private static void assertStillWaiting(Future<?> take) {
        assertThatThrownBy(() -> take.get(200, TimeUnit.MILLISECONDS))
                .as("take() should still be waiting")
                .isInstanceOf(TimeoutException.class);
    }

    @Test
    void maxPerHostOneHandsOutAnotherHostWhileTheFirstHostIsBusy() throws Exception {
        Frontier<Item> f = frontier(1, 0);
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        f.add(B1);
        // A2 is next in turn order, but host a already has its one request in flight
        assertThat(promptTake(f)).isEqualTo(B1);
        Future<Item> next = async(f::take);
        f.done(B1);
        assertStillWaiting(next); // an idle worker still may not start A2
        assertThat(f.queued()).isEqualTo(1);
        assertThat(f.inFlight()).isEqualTo(1);

        f.done(A1);
        assertThat(next.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isEqualTo(A2);
        f.done(A2);
        assertThat(promptTake(f)).isNull(); // all done: the crawl is over
    }

    @Test
    void theGapSpacesStartsOnOneHostWhileAnotherHostIsServedInBetween() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 300);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        long beforeA1 = System.nanoTime();
        assertThat(f.take()).isEqualTo(A1);
        long beforeB1 = System.nanoTime();
        assertThat(promptTake(f)).isEqualTo(B1); // b does not wait for a's gap
        Taken a2 = timedTake(f).get(PROMPT_SECONDS, TimeUnit.SECONDS);
        Taken b2 = timedTake(f).get(PROMPT_SECONDS, TimeUnit.SECONDS);

        assertThat(a2.item()).isEqualTo(A2);
        assertThat(b2.item()).isEqualTo(B2);
        assertThat(a2.at() - beforeA1).as("ns between the starts on host a")
                .isGreaterThanOrEqualTo(300 * MS);
        assertThat(b2.at() - beforeB1).as("ns between the starts on host b")
                .isGreaterThanOrEqualTo(300 * MS);
    }

    @Test
    void aHostWaitingOutALongGapNeverHoldsBackAnotherHost() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", TimeUnit.SECONDS.toNanos(30));
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        f.add(B3);
        assertThat(promptTake(f)).isEqualTo(A1);
        f.done(A1);
        // if b had to wait for a's 30 s, these would time out
        for (Item b : List.of(B1, B2, B3)) {
            assertThat(promptTake(f)).isEqualTo(b);
            f.done(b);
        }
        Future<Item> a2 = async(f::take);
        assertStillWaiting(a2);
        assertThat(f.stop()).as("dropped").isEqualTo(1);
        assertThat(a2.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aHostGapAppliesToItsHostOnlyAndTheLargerGapWins() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", 300 * MS);
        f.add(A1);
        f.add(A2);
        f.add(B1);
        f.add(B2);
        long beforeA1 = System.nanoTime();
        assertThat(f.take()).isEqualTo(A1);
        // without the host gap, a's turn would come before B2
        assertThat(promptTake(f)).isEqualTo(B1);
        assertThat(promptTake(f)).isEqualTo(B2);
        Taken a2 = timedTake(f).get(PROMPT_SECONDS, TimeUnit.SECONDS);
        assertThat(a2.item()).isEqualTo(A2);
        assertThat(a2.at() - beforeA1).isGreaterThanOrEqualTo(300 * MS);

        // a smaller host gap does not shorten the frontier-wide one
        Frontier<Item> g = frontier(Integer.MAX_VALUE, 300);
        g.setHostGap("a", 50 * MS);
        g.add(A1);
        g.add(A2);
        long before = System.nanoTime();
        assertThat(g.take()).isEqualTo(A1);
        Taken second = timedTake(g).get(PROMPT_SECONDS, TimeUnit.SECONDS);
        assertThat(second.item()).isEqualTo(A2);
        assertThat(second.at() - before).isGreaterThanOrEqualTo(300 * MS);
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
        long retryAt = System.nanoTime();
        f.retryLater(A1, 400 * MS);
        f.done(A1);
        assertThat(f.queued()).isEqualTo(5); // A1 back, A2, B1-B3

        // host a waits; neither A1 nor A2 comes between b's items
        for (Item b : List.of(B1, B2, B3)) {
            assertThat(promptTake(f)).isEqualTo(b);
            f.done(b);
        }
        // nothing in flight, only the retried item queued: the crawl is not over
        assertThat(f.inFlight()).isZero();
        Taken retried = timedTake(f).get(PROMPT_SECONDS, TimeUnit.SECONDS);
        assertThat(retried.item()).as("the retried item, not null").isEqualTo(A1);
        assertThat(retried.at() - retryAt).isGreaterThanOrEqualTo(400 * MS);
        assertThat(promptTake(f)).as("then the rest of its host").isEqualTo(A2);
        f.done(A1);
        f.done(A2);
        assertThat(promptTake(f)).isNull();
    }

    @Test
    void stopWakesEveryWorkerWaitingForADelayedHost() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 0);
        f.setHostGap("a", TimeUnit.SECONDS.toNanos(30));
        f.add(A1);
        f.add(A2);
        assertThat(f.take()).isEqualTo(A1);
        f.done(A1);
        List<Thread> workers = new ArrayList<>();
        List<CompletableFuture<Item>> takes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Item> take = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    take.complete(f.take());
                } catch (Throwable e) {
                    take.completeExceptionally(e);
                }
            }, "waiting-worker-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
            takes.add(take);
        }
        // each worker sits in a timed wait for host a's next start
        await().atMost(Duration.ofSeconds(5)).until(() -> workers.stream()
                .allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
        assertThat(takes).noneMatch(CompletableFuture::isDone);

        f.stop();
        for (CompletableFuture<Item> take : takes) {
            assertThat(take.get(PROMPT_SECONDS, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void noLostWakeUpWithManyWorkersOnOneSpacedHost() throws Exception {
        Frontier<Item> f = frontier(Integer.MAX_VALUE, 100);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(new Item("a", "A" + i));
            f.add(items.get(i));
        }
        ConcurrentLinkedQueue<Taken> taken = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(async(() -> {
                int mine = 0;
                for (Item item; (item = f.take()) != null; ) {
                    taken.add(new Taken(item, System.nanoTime()));
                    mine++;
                    f.done(item);
                }
                return mine; // this worker got null: it saw the end
            }));
        }
        int total = 0;
        for (Future<Integer> w : workers) {
            total += w.get(10, TimeUnit.SECONDS);
        }
        assertThat(total).isEqualTo(10);
        // each exactly once (the order of the records may differ from the order of the takes)
        assertThat(taken).extracting(Taken::item).containsExactlyInAnyOrderElementsOf(items);
        long last = taken.stream().mapToLong(Taken::at).max().orElseThrow();
        // nine gaps of 100 ms between ten starts
        assertThat(last - start).isGreaterThanOrEqualTo(900 * MS);
    }
}
