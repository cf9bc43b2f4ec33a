package io.webprobe.app;

import io.webprobe.UserDirs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net under every thread: a failure nobody else handled is logged once and, when it
 * must end the program, reported as one sentence on stderr before the process exits with 2.
 *
 * <ul>
 *   <li>Out of memory, on any thread: one sentence naming {@code WEBPROBE_JAVA_OPTS}, then the
 *       process halts (no shutdown hooks: they could wait for a job that is gone). Catching it
 *       here rather than with {@code -XX:+ExitOnOutOfMemoryError} keeps the JVM's own
 *       "Terminating due to java.lang.OutOfMemoryError" line away from the user.
 *   <li>Anything else on the main thread (the program cannot go on): one sentence pointing at
 *       the log file, exit 2.
 *   <li>Anything else on another thread: logged only; the program goes on, as the JVM would.
 * </ul>
 *
 * Installed as the default handler by {@link Launcher#main}; threads with their own handler
 * (the FX thread, the engine's pools) hand an out-of-memory error on to it.
 */
public final class FatalErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

    private final PrintStream err;
    private final IntConsumer halt;
    private final String outOfMemory;
    private final String unexpected;
    private final java.util.concurrent.atomic.AtomicBoolean stopping =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * @param err where the sentence goes
     * @param halt ends the process with a code ({@code Runtime.getRuntime()::halt})
     * @param logFile the log file the sentence points at
     * @param maxHeapBytes the heap limit, {@code Runtime.maxMemory()}
     */
    public FatalErrors(PrintStream err, IntConsumer halt, Path logFile, long maxHeapBytes) {
        this.err = err;
        this.halt = halt;
        // composed now: there may be no memory to compose it when it is needed
        this.outOfMemory = "Webprobe ran out of memory (it may use " + megabytes(maxHeapBytes)
                + " MB); set WEBPROBE_JAVA_OPTS=-Xmx2g (or more) and start it again.";
        this.unexpected = "Webprobe stopped because of an unexpected error; the details are in "
                + logFile + ".";
    }

    /** Installs a handler for this process as the JVM's default uncaught-exception handler. */
    public static void install(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrors(err,
                Runtime.getRuntime()::halt, logFile(System.getenv()),
                Runtime.getRuntime().maxMemory()));
    }

    /**
     * Where the log goes ({@link LogSetup}): WEBPROBE_LOG_DIR or ~/.webprobe
     * ({@link UserDirs#logs()}).
     */
    static Path logFile(Map<String, String> env) {
        return UserDirs.of(env).logs().resolve("webprobe.log");
    }

    /** True when {@code e} or one of its causes is an {@link OutOfMemoryError}. */
    public static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * Hands an out-of-memory error to the default handler, from a thread that has its own
     * handler for everything else.
     *
     * @return true when it was handed on (and the process is ending)
     */
    public static boolean handOnOutOfMemory(Thread t, Throwable e) {
        Thread.UncaughtExceptionHandler h = Thread.getDefaultUncaughtExceptionHandler();
        if (isOutOfMemory(e) && h != null) {
            h.uncaughtException(t, e);
            return true;
        }
        return false;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        if (isOutOfMemory(e)) {
            stop(outOfMemory, t, e);
        } else if ("main".equals(t.getName())) {
            stop(unexpected, t, e);
        } else {
            log.error("Uncaught failure in {}", t.getName(), e);
        }
    }

    private void stop(String sentence, Thread t, Throwable e) {
        if (!stopping.compareAndSet(false, true)) {
            halt.accept(2); // another thread is saying why already
            return;
        }
        err.println(sentence);
        err.flush();
        try {
            log.error("Fatal failure in {}: {}", t.getName(), sentence, e);
        } catch (Throwable logging) {
            // out of memory even for the log: the user has the sentence
        }
        halt.accept(2);
    }

    private static long megabytes(long bytes) {
        return bytes == Long.MAX_VALUE ? -1 : Math.round(bytes / (1024.0 * 1024.0));
    }
}
