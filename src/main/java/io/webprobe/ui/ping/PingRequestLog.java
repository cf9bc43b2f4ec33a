package io.webprobe.ui.ping;

import io.webprobe.export.ExportException;
import io.webprobe.export.RequestLogWriter;
import io.webprobe.ping.RequestRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Ping tab run's per-request log: every request streamed to a temporary CSV file as the run
 * goes, which the export copies beside the summary. Without a file (the temporary folder
 * could not be written) the run goes on with no log, and the export writes the summary only.
 */
final class PingRequestLog {
    private static final Logger log = LoggerFactory.getLogger(PingRequestLog.class);

    private final Path file;
    private final RequestLogWriter writer;
    private final CompletableFuture<Path> ready;

    private PingRequestLog(Path file, RequestLogWriter writer, CompletableFuture<Path> ready) {
        this.file = file;
        this.writer = writer;
        this.ready = ready;
    }

    /**
     * Opens a new temporary log (off the FX thread).
     *
     * @param ready completed with the finished file once {@link #close()}d, or with null when
     *     there is none
     */
    static PingRequestLog open(CompletableFuture<Path> ready) {
        Path file = null;
        RequestLogWriter writer = null;
        try {
            file = Files.createTempFile("webprobe-requests-", ".csv");
            file.toFile().deleteOnExit();
            writer = new RequestLogWriter(file, 65_536);
        } catch (IOException e) {
            log.warn("No per-request log for this run", e);
        }
        return new PingRequestLog(file, writer, ready);
    }

    /** Adds one request (an engine thread; the writer queues it). */
    void offer(RequestRecord r) {
        if (writer != null) {
            writer.offer(r);
        }
    }

    /** Ends the log and completes its future (off the FX thread). */
    void close() {
        if (writer == null) {
            ready.complete(null);
            return;
        }
        try {
            writer.close();
            ready.complete(file);
        } catch (ExportException e) {
            log.warn("Per-request log not kept: {}", e.getMessage());
            ready.complete(null);
        }
    }
}
