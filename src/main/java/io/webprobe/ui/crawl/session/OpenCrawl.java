package io.webprobe.ui.crawl.session;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.store.CrawlStore;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl the workspace shows: its crawl file, the job writing it while it runs (null for a
 * crawl opened to look at), and three {@link ReaderLane}s reading it: one for the table and
 * the details (quick reads the user waits for), one for the overview's counts, and one for
 * charts and broken links (full passes that may take a while on a big crawl). The counts have
 * a lane of their own so that, while a crawl runs, they do not wait behind a re-read of
 * thousands of broken links: the overview's numbers lagged the table's and the status bar's
 * by a second or more. Created and used on the FX thread.
 */
public final class OpenCrawl {
    private static final Logger log = LoggerFactory.getLogger(OpenCrawl.class);
    private static final Duration LANE_WAIT = Duration.ofSeconds(10);

    private final CrawlStore store;
    private final ReaderLane table;
    private final ReaderLane stats;
    private final ReaderLane counts;
    private CrawlJob job;

    public OpenCrawl(CrawlStore store, Executor fx) {
        this.store = store;
        this.table = new ReaderLane(store, "crawl-read-table-", fx);
        this.stats = new ReaderLane(store, "crawl-read-stats-", fx);
        this.counts = new ReaderLane(store, "crawl-read-counts-", fx);
    }

    public CrawlStore store() {
        return store;
    }

    /** Reads the user waits for: the table's ids and rows, a URL's details. */
    public ReaderLane tableLane() {
        return table;
    }

    /** Full passes: charts, broken links. */
    public ReaderLane statsLane() {
        return stats;
    }

    /** The overview's counts. */
    public ReaderLane countsLane() {
        return counts;
    }

    /**
     * The lanes read through new readers from now on ({@link ReaderLane#renew}): the process
     * that wrote the file is gone, and may have left inlinks unwritten.
     */
    public void renewReaders() {
        table.renew();
        stats.renew();
        counts.renew();
    }

    /** The job writing the file, or null. */
    public CrawlJob job() {
        return job;
    }

    public void setJob(CrawlJob job) {
        this.job = job;
    }

    /**
     * Closes everything: the lanes at once (their results are dropped), then on
     * {@code background} the job (stopping it if it runs) and the file, after the lanes'
     * connections are closed.
     */
    public void close(Executor background) {
        close(background, () -> { });
    }

    /** As {@link #close(Executor)}, then runs {@code closed} on {@code background}. */
    public void close(Executor background, Runnable closed) {
        table.close();
        stats.close();
        counts.close();
        CrawlJob j = job;
        job = null;
        background.execute(() -> {
            try {
                table.awaitClosed(LANE_WAIT);
                stats.awaitClosed(LANE_WAIT);
                counts.awaitClosed(LANE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (j != null) {
                j.close();
            }
            store.close();
            log.debug("Closed {}", store.file());
            closed.run();
        });
    }
}
