package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The levels of {@link Frontier} alone, without HTTP: no item is handed out while a host's
 * first item is of a lower level, and {@link Frontier#awaitShallower} holds a page of level d
 * until no item of a lower level is in flight. So a URL is first found from a page at the
 * least depth that links to it, with the next level's pages fetched meanwhile.
 */
class FrontierLevelsTest {
    /** A queued URL stand-in: its host, its level (-1: none) and a name. */
    record Item(String host, int level, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(2);
    private final ManualTicker ticker = new ManualTicker();
    private final List<Frontier<Item>> frontiers = new ArrayList<>();

    @AfterEach
    void tearDown() {
        frontiers.forEach(Frontier::stop);
    }

    private Frontier<Item> frontier() {
        Frontier<Item> f = new Frontier<>(Item::host, Integer.MAX_VALUE, 0, ticker,
                Frontier.Limits.UNBOUNDED, null, null,
                new Frontier.Levels<>(Item::level, PATIENCE.toNanos()));
        frontiers.add(f);
        return f;
    }

    /** Starts {@code awaitShallower(item)} on a thread of its own. */
    private static CompletableFuture<Void> awaiting(Frontier<Item> f, Item item) {
        return CompletableFuture.runAsync(() -> {
            try {
                f.awaitShallower(item);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** A take on a thread of its own. */
    private static CompletableFuture<Item> async(Frontier<Item> f) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return f.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Whether some thread is parked in awaitShallower (it looked, and must wait). */
    private static boolean someoneAwaits() {
        return someoneParkedIn("awaitShallower");
    }

    /** Whether some thread is parked in take (it looked, and must wait). */
    private static boolean someoneTakes() {
        return someoneParkedIn("take");
    }

    /** Whether some thread waits inside the frontier's method of that name. */
    private static boolean someoneParkedIn(String method) {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e ->
                (e.getKey().getState() == Thread.State.WAITING
                        || e.getKey().getState() == Thread.State.TIMED_WAITING)
                        && java.util.Arrays.stream(e.getValue()).anyMatch(s ->
                        s.getClassName().equals(Frontier.class.getName())
                                && s.getMethodName().equals(method)));
    }

    @Test
    void aPageWaitsToTakeOnItsLinksUntilEveryShallowerPageInFlightIsDone() throws Exception {
        Frontier<Item> f = frontier();
        Item a = new Item("site", 1, "a");
        Item b = new Item("site", 1, "b");
        Item a2 = new Item("site", 2, "a2");
        f.add(a);
        f.add(b);
        assertThat(f.take()).isEqualTo(a);
        assertThat(f.take()).isEqualTo(b);
        f.awaitShallower(a); // nothing shallower than level 1: at once
        f.add(a2); // a found a2
        f.done(a);
        assertThat(f.take()).isEqualTo(a2); // fetched while b, of level 1, is still in flight

        CompletableFuture<Void> a2Waits = awaiting(f, a2);
        await().atMost(ManualTicker.STUCK).until(FrontierLevelsTest::someoneAwaits);
        assertThat(a2Waits).isNotDone();

        f.done(b);
        a2Waits.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aHostWhoseFirstItemIsDeeperWaitsForAShallowerOneOfAnotherHost() throws Exception {
        Frontier<Item> f = frontier();
        Item deep = new Item("first", 3, "deep");
        Item shallow = new Item("second", 2, "shallow");
        Item external = new Item("elsewhere", -1, "external");
        f.add(deep);
        f.add(shallow);
        f.add(external);

        // the first host is first in turn, but its first item is of a deeper level
        assertThat(f.take()).isEqualTo(shallow);
        assertThat(f.take()).isIn(deep, external); // level 2 is in flight, none is queued
        assertThat(f.take()).isIn(deep, external);
    }

    @Test
    void itemsWithoutALevelNeitherWaitNorHoldAnyoneBack() throws Exception {
        Frontier<Item> f = frontier();
        Item page = new Item("site", 1, "page");
        Item external = new Item("elsewhere", -1, "external");
        Item deeper = new Item("site", 2, "deeper");
        f.add(external);
        f.add(page);
        assertThat(f.take()).isEqualTo(external);
        assertThat(f.take()).isEqualTo(page);
        f.add(deeper);
        f.done(page);
        assertThat(f.take()).isEqualTo(deeper);
        // the external link still in flight does not hold the deeper page
        f.awaitShallower(deeper);
        f.awaitShallower(new Item("elsewhere", -1, "another external"));
    }

    /**
     * A crawl resumed from a file made before levels existed may hold a host's queue out of
     * level order: it is served in its order, never held up.
     */
    @Test
    void aQueueOutOfLevelOrderIsServedInItsOrderAndNeverHeldUp() throws Exception {
        Frontier<Item> f = frontier();
        Item five = new Item("site", 5, "five");
        Item three = new Item("site", 3, "three");
        f.add(five);
        f.add(three);
        assertThat(f.take()).isEqualTo(five);
        assertThat(f.take()).isEqualTo(three);
        f.done(five);
        f.done(three);
        assertThat(f.take()).isNull(); // over
    }

    /** A page that times out does not hold every deeper page for its whole timeout. */
    @Test
    void aShallowerPageSlowerThanThePatienceHoldsNoOneLonger() throws Exception {
        Frontier<Item> f = frontier();
        Item slow = new Item("site", 1, "slow");
        Item deeper = new Item("site", 2, "deeper");
        f.add(slow);
        f.add(deeper);
        assertThat(f.take()).isEqualTo(slow);
        assertThat(f.take()).isEqualTo(deeper);
        ticker.advance(PATIENCE.minusMillis(1));
        CompletableFuture<Void> waits = awaiting(f, deeper);
        await().atMost(ManualTicker.STUCK).until(FrontierLevelsTest::someoneAwaits);
        assertThat(waits).isNotDone(); // 1 ms before the slow page's patience is out

        ticker.advance(java.time.Duration.ofMillis(1));
        f.timeMoved();

        waits.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
        f.awaitShallower(new Item("site", 2, "another")); // at once now
    }

    /**
     * The bug: a shallower page waiting out a server's Retry-After held every deeper page of
     * every other host for as long.
     */
    @Test
    void aShallowerItemWaitingOutALongRetryHoldsNoOtherHost() throws Exception {
        Frontier<Item> f = frontier();
        Item shallow = new Item("busy", 1, "shallow");
        Item deeper = new Item("other", 2, "deeper");
        f.add(shallow);
        assertThat(f.take()).isEqualTo(shallow);
        f.retryLater(shallow, TimeUnit.SECONDS.toNanos(60)); // a 429 with Retry-After: 60
        f.done(shallow);
        f.add(deeper);

        assertThat(async(f)).succeedsWithin(ManualTicker.STUCK).isEqualTo(deeper);
    }

    @Test
    void stopReleasesAPageWaitingForShallowerOnes() throws Exception {
        Frontier<Item> f = frontier();
        Item a = new Item("site", 1, "a");
        Item b = new Item("site", 2, "b");
        f.add(a);
        f.add(b);
        assertThat(f.take()).isEqualTo(a);
        assertThat(f.take()).isEqualTo(b);
        CompletableFuture<Void> waits = awaiting(f, b);
        await().atMost(ManualTicker.STUCK).until(FrontierLevelsTest::someoneAwaits);

        f.stop();

        waits.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The bug: an item added while a host's last chunk was read back from the store (the
     * lock released, its tail empty) went before the chunk's items: a deeper page ahead of
     * shallower ones of the same host.
     */
    @Test
    void anItemAddedWhileAChunkIsReadBackGoesBehindIt() throws Exception {
        java.util.Map<Long, List<Item>> disk = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Frontier<Item> f = new Frontier<>(Item::host, Integer.MAX_VALUE, 0, ticker,
                new Frontier.Limits(2, 1_000, 2), new Frontier.Overflow<>() {
                    @Override
                    public long write(List<Item> items) {
                        long id = ids.incrementAndGet();
                        disk.put(id, List.copyOf(items));
                        return id;
                    }

                    @Override
                    public List<Item> read(long chunk) throws InterruptedException {
                        reading.countDown();
                        release.await();
                        return disk.remove(chunk);
                    }
                }, null, new Frontier.Levels<>(Item::level, PATIENCE.toNanos()));
        frontiers.add(f);
        Item i0 = new Item("site", 1, "i0");
        Item i1 = new Item("site", 1, "i1");
        Item i2 = new Item("site", 1, "i2");
        Item i3 = new Item("site", 1, "i3");
        f.add(i0);
        f.add(i1); // two in memory
        f.add(i2);
        f.add(i3); // a chunk of two on disk, the tail empty again
        assertThat(f.take()).isEqualTo(i0);
        assertThat(f.take()).isEqualTo(i1);
        CompletableFuture<Item> third = async(f); // reads the chunk back
        assertThat(reading.await(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Item deeper = new Item("site", 2, "deeper"); // found on i0 meanwhile
        f.add(deeper);
        release.countDown();

        assertThat(third).succeedsWithin(ManualTicker.STUCK).isEqualTo(i2);
        assertThat(f.take()).isEqualTo(i3);
        assertThat(f.take()).isEqualTo(deeper);
    }

    /**
     * The bug: a host at its limit of requests in flight (--max-per-host 1) whose one page
     * hung held every other host's deeper pages until that page's timeout, not the patience.
     */
    @Test
    void aHostAtItsLimitHoldsOtherHostsDeeperItemsNoLongerThanThePatience() throws Exception {
        Frontier<Item> f = new Frontier<>(Item::host, 1, 0, ticker, Frontier.Limits.UNBOUNDED,
                null, null, new Frontier.Levels<>(Item::level, PATIENCE.toNanos()));
        frontiers.add(f);
        Item a1 = new Item("a", 1, "a1");
        Item a2 = new Item("a", 1, "a2");
        Item b1 = new Item("b", 2, "b1");
        f.add(a1);
        f.add(a2);
        f.add(b1);
        assertThat(f.take()).isEqualTo(a1); // and hangs
        ticker.advance(PATIENCE.minusMillis(1));
        CompletableFuture<Item> next = async(f);
        await().atMost(ManualTicker.STUCK).until(FrontierLevelsTest::someoneTakes);
        assertThat(next).isNotDone(); // a2 is shallower and a1 within the patience

        ticker.advance(java.time.Duration.ofMillis(1));
        f.timeMoved();

        assertThat(next).succeedsWithin(ManualTicker.STUCK).isEqualTo(b1);
        f.done(a1);
        assertThat(f.take()).isEqualTo(a2);
    }

    /**
     * The bug: a page put back with no delay (a 503 with Retry-After: 0) and taken again
     * before the first take's done no longer held deeper pages while it was fetched again.
     */
    @Test
    void anItemTakenAgainBeforeItsFirstTakeIsDoneStillHoldsDeeperPages() throws Exception {
        Frontier<Item> f = frontier();
        Item q = new Item("site", 1, "q");
        Item p = new Item("site", 2, "p");
        f.add(q);
        assertThat(f.take()).isEqualTo(q); // worker 1
        f.retryLater(q, 0);
        assertThat(f.take()).isSameAs(q); // worker 2, at once
        f.done(q); // worker 1's take ends
        f.add(p);
        assertThat(f.take()).isEqualTo(p);

        CompletableFuture<Void> waits = awaiting(f, p);
        await().atMost(ManualTicker.STUCK).until(FrontierLevelsTest::someoneAwaits);
        assertThat(waits).isNotDone(); // q is in flight again

        f.done(q);
        waits.get(ManualTicker.STUCK.toSeconds(), TimeUnit.SECONDS);
    }
}
