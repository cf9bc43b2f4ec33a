package io.webprobe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread factories for Webprobe's pools: daemon threads named {@code prefix + N} (so a thread
 * dump says whose they are) that log an uncaught failure once instead of dying silently. An
 * {@link OutOfMemoryError} goes to the JVM's default handler instead, which the launcher sets
 * to end the program with one sentence (a pool that lost a worker to it cannot go on).
 */
public final class NamedThreads {
    private static final Logger log = LoggerFactory.getLogger(NamedThreads.class);

    /**
     * The priority of threads that do a job's bulk work (the crawl's workers): below the
     * window's own thread, so a crawl at full speed on a machine with few cores leaves the
     * window a core when it needs one, and below the crawl file's one writer, which sets the
     * pace of a fast crawl (ADR 0013). The JVM honours it where the launcher asks it to
     * ({@code -XX:ThreadPriorityPolicy=1} on Linux, for the window and for {@code crawl}: a
     * raised nice value, which needs no privilege); elsewhere it changes nothing.
     */
    public static final int BULK_PRIORITY = Thread.MIN_PRIORITY;

    private NamedThreads() {}

    /** E.g. {@code daemon("crawl-worker-")} makes crawl-worker-1, crawl-worker-2... */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> newThread(r, prefix + n.incrementAndGet());
    }

    /**
     * Like {@link #daemon} but remembers its threads so an owner can wait until every one has
     * ended: {@code ExecutorService.awaitTermination} returns while the last worker is still
     * on its way out, which a job's {@code close()} promises not to do.
     */
    public static Joinable joinable(String prefix) {
        return new Joinable(prefix, Thread.NORM_PRIORITY);
    }

    /** Like {@link #joinable} for threads that do a job's bulk work ({@link #BULK_PRIORITY}). */
    public static Joinable bulk(String prefix) {
        return new Joinable(prefix, BULK_PRIORITY);
    }

    /** A thread factory whose threads can be joined; see {@link #joinable}. */
    public static final class Joinable implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger n = new AtomicInteger();
        private final List<Thread> made = new CopyOnWriteArrayList<>();
        private final int priority;

        private Joinable(String prefix, int priority) {
            this.prefix = prefix;
            this.priority = priority;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = NamedThreads.newThread(r, prefix + n.incrementAndGet());
            t.setPriority(priority);
            made.add(t);
            return t;
        }

        /** Waits up to {@code timeout} in all for every thread made so far to end. */
        public boolean join(Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            for (Thread t : made) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                t.join(left);
            }
            made.removeIf(t -> !t.isAlive());
            return made.isEmpty();
        }
    }

    private static Thread newThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((th, e) -> {
            Thread.UncaughtExceptionHandler last = Thread.getDefaultUncaughtExceptionHandler();
            if (e instanceof OutOfMemoryError && last != null) {
                last.uncaughtException(th, e);
            } else {
                log.error("Uncaught failure in {}", th.getName(), e);
            }
        });
        return t;
    }
}
