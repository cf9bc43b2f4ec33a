package io.webprobe.store;

import io.webprobe.store.Op.Barrier;
import io.webprobe.store.Op.Nudge;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The crawl file writer's queue and its room: the writes waiting for the writer thread, and
 * the rows they may hold at most ({@link StoreWriter.Tuning#capacityRows()}). A write that
 * would go beyond waits for room (backpressure), after nudging the writer to run what it has
 * bound; the room a write holds is given back when its rows are run, or when it is released
 * unwritten. Thread-safe: workers put, the writer thread takes.
 */
final class WriteQueue {
    private static final Nudge NUDGE = new Nudge();

    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final Semaphore room;
    /**
     * Workers waiting for room, counted before they nudge the writer: a batch holds its rows'
     * room until its commit, so while any wait the batch is committed instead of waiting for
     * more writes.
     */
    private final AtomicInteger waitingForRoom = new AtomicInteger();
    private final int capacity;
    /**
     * The writer thread has ended and released what was queued: a write put after that is
     * released by its putter (a barrier completed, its room given back), so a flush racing
     * the close never waits for good.
     */
    private volatile boolean ended;
    /** The thread that takes the writes, woken for a nudge, a barrier or the close. */
    private volatile Thread writer;

    WriteQueue(int capacity) {
        this.capacity = capacity;
        this.room = new Semaphore(capacity);
    }

    /** The thread that takes from this queue. */
    void takenBy(Thread writer) {
        this.writer = writer;
    }

    /** Enqueues a write, first waiting for its room (the caller checked it is still taken). */
    void submit(Op op) throws InterruptedException {
        int n = Math.min(op.rows(), capacity);
        if (!room.tryAcquire(n)) {
            waitingForRoom.incrementAndGet();
            try {
                queue.add(NUDGE);
                LockSupport.unpark(writer);
                room.acquire(n);
            } finally {
                waitingForRoom.decrementAndGet();
            }
        }
        queue.add(op);
    }

    /** Enqueues a small write without waiting for room (it is tiny, or bounded elsewhere). */
    void put(Op op) {
        if (ended) { // nothing takes it any more; it took no room
            if (op instanceof Barrier b) {
                b.done().complete(null);
            }
            return;
        }
        int n = Math.min(op.rows(), capacity);
        if (op.bounded() && !room.tryAcquire(n)) {
            waitingForRoom.incrementAndGet();
            queue.add(NUDGE);
            LockSupport.unpark(writer);
            room.acquireUninterruptibly(n);
            waitingForRoom.decrementAndGet();
        }
        queue.add(op);
        if (op instanceof Barrier) {
            LockSupport.unpark(writer); // someone waits for it: no gathering
        }
        if (ended) { // the writer ended meanwhile, maybe after its last look at the queue
            releaseQueued();
        }
    }

    /** Releases every queued write (the writer has ended, or is ending). */
    void releaseQueued() {
        for (Op left; (left = queue.poll()) != null; ) {
            release(left);
        }
    }

    /** Gives back the room of a write and completes its barrier: it is done with. */
    void release(Op op) {
        if (op.bounded()) {
            room.release(Math.min(op.rows(), capacity));
        }
        if (op instanceof Barrier b) {
            b.done().complete(null);
        }
    }

    /** The next write, or null when none is queued. */
    Op poll() {
        return queue.poll();
    }

    /** The next write, waiting up to {@code nanos} for one; null when none came. */
    Op poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** Asks the writer to stop once it has taken everything queued before. */
    void stop() {
        queue.add(new Op.Stop());
        LockSupport.unpark(writer);
    }

    /** Whether a worker waits for room. */
    boolean anyWaiting() {
        return waitingForRoom.get() > 0;
    }

    /** Gives back room held by writes whose rows have run. */
    void giveBack(int rows) {
        room.release(rows);
    }

    /** The room a write holds while queued and bound: its rows, at most the whole queue's. */
    int roomOf(Op op) {
        return Math.min(op.rows(), capacity);
    }

    /** The writer has ended: what is queued, and whatever is put from now on, is released. */
    void end() {
        releaseQueued();
        ended = true;
        releaseQueued(); // what was put while the flag was not yet set
    }
}
