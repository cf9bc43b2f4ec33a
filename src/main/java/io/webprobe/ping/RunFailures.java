package io.webprobe.ping;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What went wrong in a {@link PingRun}, in the plain sentences its end and its advice say: why
 * an engine failed ({@link #fail}; the first failure wins), why the first request refused for
 * its certificate was refused, and per target why its first counted {@link ErrorKind#IO}
 * failure failed ({@link #note}).
 *
 * <p>Thread-safe: {@link #note} and {@link #fail} are called concurrently by the engine's
 * threads; the job and the statistics read the sentences at any time.
 */
final class RunFailures {
    /** Under the run's name, as before this part was its own class. */
    private static final Logger log = LoggerFactory.getLogger(PingRun.class);

    /**
     * The run's end when Webprobe ran out of file descriptors mid-run: the requests' own
     * sentence ({@link ErrorClassifier#OUT_OF_FILES}); {@link PingSnapshot#failure(String)}
     * names the caller's setting in it.
     */
    static final String OUT_OF_FILES = ErrorClassifier.OUT_OF_FILES + ".";

    private final AtomicReference<String> failure = new AtomicReference<>();
    /** The sentence of the first request failed for an untrusted certificate. */
    private final AtomicReference<String> certificateWhy = new AtomicReference<>();
    /** Per target, the sentence of its first counted {@link ErrorKind#IO} failure, or null. */
    private final AtomicReferenceArray<String> ioWhy;

    RunFailures(int targets) {
        this.ioWhy = new AtomicReferenceArray<>(targets);
    }

    /**
     * Notes a finished request's failure, if it is the first of its kind to say why: the
     * first refused for its certificate, target {@code t}'s first counted I/O failure.
     *
     * @throws OutOfFiles when it failed because this process has no file descriptor left
     */
    void note(int t, boolean warmup, ErrorKind error, String message) {
        if (error == ErrorKind.IO && ErrorClassifier.OUT_OF_FILES.equals(message)) {
            // Webprobe's own limit, not the server's failure: the run ends, said in one
            // sentence, rather than counting the server thousands of failed requests
            throw new OutOfFiles();
        }
        if (error == ErrorKind.TLS_CERTIFICATE && certificateWhy.get() == null) {
            certificateWhy.compareAndSet(null, message);
        }
        if (error == ErrorKind.IO && !warmup && message != null && !message.isEmpty()
                && ioWhy.get(t) == null) {
            ioWhy.compareAndSet(t, null, message);
        }
    }

    /**
     * An engine thread failed unexpectedly: the run's end says why in one sentence (the
     * details go to the log). The first failure wins.
     */
    void fail(Throwable t) {
        String sentence = t instanceof OutOfMemoryError
                ? io.webprobe.OutOfMemory.SENTENCE
                : t instanceof OutOfFiles
                ? OUT_OF_FILES
                : "The ping stopped because of an internal error; the details are in Webprobe's"
                        + " log (" + io.webprobe.UserDirs.current().logFile() + ").";
        if (t instanceof OutOfFiles) {
            failure.compareAndSet(null, sentence); // nothing for the log: the sentence says it
        } else if (failure.compareAndSet(null, sentence)) {
            try {
                log.error("Ping engine failure in {}", Thread.currentThread().getName(), t);
            } catch (Throwable ignored) {
                // out of memory while logging: the sentence is what matters
            }
        }
    }

    /** Why an engine failed (a plain sentence), or null. */
    String failure() {
        return failure.get();
    }

    /**
     * Why the first request refused for its certificate was refused ("The site's certificate
     * has expired"), or null: the advice after the run follows it.
     */
    String certificateWhy() {
        return certificateWhy.get();
    }

    /**
     * Why target {@code t}'s first counted request failed with an {@link ErrorKind#IO} error
     * ("The server did not answer with HTTP/1.x: …"), or null: "I/O error" is any failure the
     * other kinds do not name, and says nothing of what the server did wrong.
     */
    String ioWhy(int t) {
        return ioWhy.get(t);
    }

    /**
     * Thrown by {@link #note} (so by {@link PingRun#record}) on the engine's thread when a
     * request failed because this process has no file descriptor left; the engine's failure
     * path ends the run with {@link #OUT_OF_FILES} ({@link PingRun#fail}).
     */
    static final class OutOfFiles extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfFiles() {
            super(OUT_OF_FILES, null, false, false);
        }
    }
}
