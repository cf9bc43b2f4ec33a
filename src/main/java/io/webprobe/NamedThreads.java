package io.webprobe;

import java.util.concurrent.ThreadFactory;
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

    private NamedThreads() {}

    /** E.g. {@code daemon("crawl-worker-")} makes crawl-worker-1, crawl-worker-2... */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
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
        };
    }
}
