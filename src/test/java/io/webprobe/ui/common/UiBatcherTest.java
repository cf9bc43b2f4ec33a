package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UiBatcher} with a real ticker (10 ms) and a fake UI executor that only records what is
 * posted, so the test decides when the "UI thread" (the test thread) runs a flush.
 */
class UiBatcherTest {
    private static final Duration PERIOD = Duration.ofMillis(10);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingUiExecutor ui = new RecordingUiExecutor();
    private final CountingTimer timer = new CountingTimer();
    private final List<List<Item>> batches = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    record Item(int producer, int seq) {}

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        timer.shutdownNow();
        assertThat(timer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private UiBatcher<Item> batcher(Duration period) {
        UiBatcher<Item> b = new UiBatcher<>(ui, timer, period, batches::add);
        toClose.add(b);
        return b;
    }

    private int delivered() {
        return batches.stream().mapToInt(List::size).sum();
    }

    private static ConditionFactory waiting() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2));
    }

    /** Waits until the single-thread timer has run {@code n} more ticks of the batcher. */
    private void awaitTicks(int n) {
        int target = timer.ticks.get() + n;
        waiting().until(() -> timer.ticks.get() >= target);
    }

    @Test
    void deliversEveryItemFromConcurrentProducersExactlyOnceAndInOrderPerProducer()
            throws Exception {
        int producers = 4;
        int perProducer = 2_500;
        UiBatcher<Item> batcher = batcher(PERIOD);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        toClose.add(pool::shutdownNow);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            done.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perProducer; i++) {
                    batcher.offer(new Item(producer, i));
                }
            }, pool));
        }
        CompletableFuture<Void> allDone = CompletableFuture.allOf(done.toArray(new CompletableFuture[0]));
        go.countDown();

        // Act as the UI thread: run whatever flush is posted while the producers work.
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!allDone.isDone()) {
            assertThat(System.nanoTime()).as("producers finish in time").isLessThan(deadline);
            ui.runNext(Duration.ofMillis(50));
        }
        allDone.get();
        batcher.close();
        ui.runAllPosted();

        assertThat(delivered()).isEqualTo(producers * perProducer);
        List<Item> all = batches.stream().flatMap(List::stream).toList();
        Map<Integer, List<Integer>> seqByProducer = all.stream().collect(Collectors.groupingBy(
                Item::producer, Collectors.mapping(Item::seq, Collectors.toList())));
        assertThat(seqByProducer).hasSize(producers);
        List<Integer> expected = IntStream.range(0, perProducer).boxed().toList();
        seqByProducer.forEach((producer, seqs) ->
                assertThat(seqs).as("items of producer %d", producer).isEqualTo(expected));
        // batched, not one UI call per item
        assertThat(ui.executed.get()).isLessThan(producers * perProducer / 10);
    }

    @Test
    void keepsAtMostOneFlushPendingWhileTheUiThreadIsBusy() {
        UiBatcher<Item> b = batcher(PERIOD);
        b.offer(new Item(0, 0));
        waiting().until(() -> ui.pending() == 1);

        // Many ticks pass while the UI thread does not drain: still one flush posted.
        for (int round = 0; round < 10; round++) {
            b.offer(new Item(0, round + 1));
            awaitTicks(5);
            assertThat(ui.pending()).as("posted flushes after round %d", round).isEqualTo(1);
        }

        ui.runAllPosted();
        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).extracting(Item::seq)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);

        // Once drained, the next tick may post again, and again only one.
        b.offer(new Item(0, 11));
        waiting().until(() -> ui.pending() == 1);
        awaitTicks(5);
        assertThat(ui.pending()).isEqualTo(1);
        ui.runAllPosted();
        assertThat(delivered()).isEqualTo(12);
    }

    @Test
    void closePostsAFinalFlushWithTheRestAndStopsTicking() throws Exception {
        // A period so long that no tick happens: only close() can deliver.
        UiBatcher<Item> b = batcher(Duration.ofHours(1));
        b.offer(new Item(0, 0));
        b.offer(new Item(1, 0));
        assertThat(ui.pending()).isZero();

        b.close();
        assertThat(ui.pending()).isEqualTo(1);
        ui.runAllPosted();
        assertThat(batches).containsExactly(List.of(new Item(0, 0), new Item(1, 0)));

        b.close(); // idempotent: no second final flush
        assertThat(ui.pending()).isZero();
    }

    @Test
    void closeWithAFastTickerDeliversTheRestAndNoTickFollows() throws Exception {
        UiBatcher<Item> b = batcher(PERIOD);
        b.offer(new Item(0, 0));
        waiting().until(() -> ui.pending() == 1);
        ui.runAllPosted();
        for (int i = 1; i <= 3; i++) {
            b.offer(new Item(0, i));
        }

        b.close();
        // A tick already running when close() was called may still have posted; nothing after.
        timer.submit(() -> { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        int ticksAfterClose = timer.ticks.get();
        ScheduledFuture<?> later = timer.schedule(() -> { }, PERIOD.toMillis() * 10, TimeUnit.MILLISECONDS);
        later.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(timer.ticks.get()).as("ticks after close").isEqualTo(ticksAfterClose);

        ui.runAllPosted();
        assertThat(delivered()).isEqualTo(4);
        assertThat(batches.stream().flatMap(List::stream).map(Item::seq).toList())
                .containsExactly(0, 1, 2, 3);
    }

    @Test
    void callsTheConsumerWithAnEmptyListOnATickWithNothingNew() {
        UiBatcher<Item> b = batcher(PERIOD);
        waiting().until(() -> ui.pending() == 1);
        ui.runAllPosted();
        assertThat(batches).containsExactly(List.of());

        b.offer(new Item(0, 0));
        waiting().until(() -> ui.pending() == 1);
        ui.runAllPosted();
        waiting().until(() -> ui.pending() == 1);
        ui.runAllPosted();
        assertThat(batches).hasSize(3);
        assertThat(batches.get(1)).containsExactly(new Item(0, 0));
        assertThat(batches.get(2)).isEmpty();
    }

    @Test
    void flushNowDeliversWithoutWaitingForATick() {
        UiBatcher<Item> b = batcher(Duration.ofHours(1));
        b.offer(new Item(0, 0));
        b.flushNow();
        ui.runAllPosted();
        assertThat(batches).containsExactly(List.of(new Item(0, 0)));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("start signal never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A UI executor that only records: the test runs the posted tasks when it wants to. */
    static final class RecordingUiExecutor implements Executor {
        private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
        final AtomicInteger executed = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            posted.add(task);
        }

        int pending() {
            return posted.size();
        }

        /** Runs the next posted task, waiting at most {@code wait} for one. */
        void runNext(Duration wait) throws InterruptedException {
            Runnable r = posted.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (r != null) {
                executed.incrementAndGet();
                r.run();
            }
        }

        /** Runs every task posted so far, in order, on the calling thread. */
        void runAllPosted() {
            for (Runnable r; (r = posted.poll()) != null; ) {
                executed.incrementAndGet();
                r.run();
            }
        }
    }

    /** A real single-thread timer that counts how often periodic tasks (the ticks) ran. */
    static final class CountingTimer extends ScheduledThreadPoolExecutor {
        final AtomicInteger ticks = new AtomicInteger();

        CountingTimer() {
            super(1, r -> {
                Thread t = new Thread(r, "test-ui-timer");
                t.setDaemon(true);
                return t;
            });
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay,
                long period, TimeUnit unit) {
            return super.scheduleAtFixedRate(() -> {
                command.run();
                ticks.incrementAndGet();
            }, initialDelay, period, unit);
        }
    }
}
