package io.webprobe.app;

import io.webprobe.CommandName;
import io.webprobe.StdoutWriter;

import io.webprobe.cli.WebprobeCli;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Filter;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Webprobe starts (after {@code JavaVersionGate} has checked the Java version). Not an
 * {@link Application} subclass, so that a plain classpath launch finds the JavaFX runtime. With
 * arguments it runs the command line; without, the desktop app. Every way this can fail ends
 * in one sentence on stderr and exit code 2, never a stack trace: see {@link FatalErrors} for
 * what escapes from any thread.
 */
public final class Launcher {
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);

    /** JavaFX's logger; held here so that its filter is not lost to garbage collection. */
    private static final java.util.logging.Logger JAVAFX_LOG =
            java.util.logging.Logger.getLogger("javafx");

    private Launcher() {}

    public static void main(String[] args) {
        FatalErrors.install(System.err);
        io.webprobe.UpdatedWhileRunning.noteStart(); // its jar as it is now, before any upgrade
        io.webprobe.store.SqliteLibrary.useCachedCopy(System.getenv());
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command line (with arguments) or the desktop app (without; returns when its
     * window has closed) and returns the exit code. Never exits the JVM itself.
     */
    public static int run(String[] args, PrintStream out, PrintStream err,
            Map<String, String> env) {
        if (args.length > 0) {
            TestHooks.exhaustHeapIfAsked();
            // System.out would hide why a write failed (a full disk): write beneath it
            java.io.OutputStream stdout = out == System.out
                    ? new java.io.FileOutputStream(java.io.FileDescriptor.out) : out;
            return WebprobeCli.execute(StdoutWriter.over(stdout, charset(out)),
                    new PrintWriter(err, true, charset(err)), args);
        }
        String command = CommandName.get();
        Optional<String> noDisplay = DisplayCheck.problem(env, System.getProperty("os.name"),
                System.getProperty("glass.platform"), command);
        if (noDisplay.isEmpty()) {
            noDisplay = DisplayCheck.silence(env, System.getProperty("os.name"),
                    System.getProperty("glass.platform"), command, DisplayCheck.ANSWER_WAIT);
        }
        if (noDisplay.isPresent()) {
            err.println(noDisplay.get());
            return 2;
        }
        quietClasspathWarning();
        PrintStream stderr = System.err;
        System.setErr(StderrToLog.stream()); // libraries' stack traces go to the log
        try {
            Application.launch(WebprobeApp.class);
            return 0;
        } catch (RuntimeException e) {
            log.error("The window could not be opened", e);
            err.println(isDisplayFailure(e)
                    ? DisplayCheck.cannotOpen(env.getOrDefault("DISPLAY", ""), command)
                    : "Webprobe could not open its window; "
                            + FatalErrors.detailsIn(FatalErrors.logFile(env)) + ".");
            return 2;
        } finally {
            System.setErr(stderr);
        }
    }

    /**
     * The command line's charset: the stream's own, but UTF-8 where that is ASCII (the C or
     * POSIX locale of containers and cron jobs), which would print '×', '·' and every URL's
     * non-ASCII letter as '?'. As Python does there (PEP 538): UTF-8 is what CI logs read.
     */
    static java.nio.charset.Charset charset(PrintStream stream) {
        java.nio.charset.Charset c = stream.charset();
        return c.equals(java.nio.charset.StandardCharsets.US_ASCII)
                ? java.nio.charset.StandardCharsets.UTF_8 : c;
    }

    private static boolean isDisplayFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().contains("DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    /**
     * JavaFX warns "Unsupported JavaFX configuration" when run from the classpath, which is how
     * we run on purpose (docs/decisions/0001-classpath-not-modules.md). Only that warning is
     * dropped; JavaFX's other messages still show.
     */
    private static void quietClasspathWarning() {
        Filter previous = JAVAFX_LOG.getFilter();
        JAVAFX_LOG.setFilter(r -> !(r.getMessage() != null
                && r.getMessage().startsWith("Unsupported JavaFX configuration"))
                && (previous == null || previous.isLoggable(r)));
    }
}
