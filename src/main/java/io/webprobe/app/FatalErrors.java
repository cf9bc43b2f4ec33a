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
 * (the FX thread, the engine's pools, JavaFX's own: {@link #coverThreadsWithTheirOwnHandler})
 * hand an out-of-memory error on to it.
 */
public final class FatalErrors implements Thread.UncaughtExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

    private final PrintStream err;
    private final IntConsumer halt;
    /** The sentences as the bytes err writes, with the line's end (see the constructor). */
    private final byte[] outOfMemory;
    private final byte[] unexpected;
    private final java.util.concurrent.atomic.AtomicBoolean stopping =
            new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * Heap kept aside and let go when the program must stop, so that the log can still take
     * the failure's details when the heap stays full (another thread still holding what filled
     * it): without it, the log was left empty.
     */
    @SuppressWarnings("unused") // held only to be let go
    private volatile byte[] reserve;

    /**
     * @param err where the sentence goes
     * @param halt ends the process with a code ({@code Runtime.getRuntime()::halt})
     * @param logFile the log file the sentence points at
     * @param maxHeapBytes the heap limit ({@link io.webprobe.OutOfMemory#HEAP_LIMIT})
     */
    public FatalErrors(PrintStream err, IntConsumer halt, Path logFile, long maxHeapBytes) {
        this.err = err;
        this.halt = halt;
        // composed and encoded now: there may be no memory to do either when it is needed
        // (PrintStream.println encodes into new buffers)
        this.outOfMemory = line(io.webprobe.OutOfMemory.sentence(maxHeapBytes));
        this.unexpected = line("Webprobe stopped because of an unexpected error; the details "
                + "are in " + logFile + ".");
        this.reserve = new byte[(int) Math.min(2 << 20, Math.max(0, maxHeapBytes / 64))];
    }

    private byte[] line(String sentence) {
        return (sentence + System.lineSeparator()).getBytes(err.charset());
    }

    /** Installs a handler for this process as the JVM's default uncaught-exception handler. */
    public static void install(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrors(err,
                Runtime.getRuntime()::halt, logFile(System.getenv()),
                io.webprobe.OutOfMemory.HEAP_LIMIT));
    }

    /**
     * Where the log goes ({@link LogSetup}): WEBPROBE_LOG_DIR, else the system's folder for
     * logs ({@link UserDirs#logs()}).
     */
    static Path logFile(Map<String, String> env) {
        return UserDirs.of(env).logFile();
    }

    /**
     * Where a sentence sends the user for the details: the log file, or, when there is none
     * to read ({@link LogSetup} keeps no log where it cannot write one: a home that cannot be
     * written), how to get one. No full stop.
     */
    static String detailsIn(Path logFile) {
        return java.nio.file.Files.isWritable(logFile)
                ? "the details are in " + logFile
                : "no log could be written in " + logFile.getParent() + ", so set "
                        + "WEBPROBE_LOG_DIR to a folder you can write and start it again to "
                        + "see why";
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

    /**
     * Makes every live thread that has a handler of its own hand an out-of-memory error to the
     * default handler first; its own handler still gets everything else. JavaFX's render
     * thread has one that prints what it gets and lets the thread die: out of memory there left
     * a window that no longer painted, and when that handler itself ran out of memory the JVM
     * printed "Exception: java.lang.OutOfMemoryError thrown from the UncaughtExceptionHandler
     * in thread "QuantumRenderer-0"" on the terminal, under Webprobe's sentence. Call once the
     * threads to cover are started (JavaFX's are by {@code Application.start}).
     */
    public static void coverThreadsWithTheirOwnHandler() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            Thread.UncaughtExceptionHandler own = t.getUncaughtExceptionHandler();
            if (own != null && own != t.getThreadGroup() && !(own instanceof OutOfMemoryFirst)) {
                t.setUncaughtExceptionHandler(new OutOfMemoryFirst(own));
            }
        }
    }

    /** Out of memory to the default handler (made beforehand: there is no memory then). */
    private record OutOfMemoryFirst(Thread.UncaughtExceptionHandler own)
            implements Thread.UncaughtExceptionHandler {
        @Override
        public void uncaughtException(Thread t, Throwable e) {
            if (!handOnOutOfMemory(t, e)) {
                own.uncaughtException(t, e);
            }
        }
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

    private void stop(byte[] sentence, Thread t, Throwable e) {
        reserve = null;
        try {
            if (stopping.compareAndSet(false, true)) { // else another thread is saying why
                err.write(sentence, 0, sentence.length);
                err.flush();
                log.error("Fatal failure in {}: {}", t.getName(),
                        new String(sentence, err.charset()).strip(), e);
            }
        } catch (Throwable saying) {
            // out of memory even for that: the process still ends (a pool that lost a thread
            // would wait for it for ever)
        } finally {
            halt.accept(2);
        }
    }
}
