package io.webprobe.ui.crawl.files;

import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.nio.file.Path;

/**
 * Opens a crawl file for the workspace, off the FX thread (opening checks the whole file):
 * to look at and write once asked when it can be written (so its URLs can be re-checked and an
 * unfinished crawl resumed; nothing is written, and no lock taken, until then:
 * {@link CrawlStore.Access#LOOK_THEN_WRITE}), else for reading, with the store's own sentence
 * saying why.
 */
public final class CrawlFileOpener {
    private static final org.slf4j.Logger log =
            org.slf4j.LoggerFactory.getLogger(CrawlFileOpener.class);
    private CrawlFileOpener() {}

    /**
     * An opened crawl file.
     *
     * @param notice "" or the sentence saying it was opened read-only
     * @param toFetch for a finished crawl opened for writing, the URLs a resume would fetch
     *     (new ones a re-check found since it finished); 0 otherwise
     * @param heldElsewhere whether it was opened read-only only because another running
     *     Webprobe has it open (once that one is gone, it may be opened again to write)
     * @param notCrawled what the limits and patterns the user chose left out, as the end of
     *     its crawl said it ({@code CrawlSummary#notCrawledByChoice}); "" when nothing, or
     *     while another Webprobe crawls it
     */
    public record Opened(CrawlStore store, String notice, long toFetch, boolean heldElsewhere,
            String notCrawled) {}

    /**
     * Opens the file.
     *
     * @throws StoreException with the store's one sentence when it cannot be opened at all
     */
    public static Opened open(Path file) throws StoreException {
        CrawlStore writable;
        try {
            writable = CrawlStore.open(file, CrawlStore.Access.LOOK_THEN_WRITE);
        } catch (StoreException e) {
            // not a crawl, damaged, newer: refused for reading too (that sentence is thrown);
            // read-only, or open in another Webprobe (its crawl ended, or still running there,
            // which the window follows): it opens for reading, saying why
            CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_FOLLOWING);
            return new Opened(store, !e.heldElsewhere() ? e.getMessage()
                    : store.info().goesOn()
                    ? "Another running Webprobe is crawling it, so it was opened here to read "
                            + "only; what it crawls is shown as it goes."
                    : "It is open in another running Webprobe, so it was opened here to read "
                            + "only; resume or re-check it there.", 0, e.heldElsewhere(),
                    store.info().goesOn() ? "" : notCrawled(store));
        }
        return new Opened(writable, "", toFetch(writable), false, notCrawled(writable));
    }

    /**
     * What the limits and patterns the user chose left out of the crawl, in the words the end
     * of a crawl says it ("7 URLs, page limit reached"); "" when nothing.
     */
    private static String notCrawled(CrawlStore store) {
        try (CrawlReader reader = store.reader()) {
            String left = io.webprobe.crawl.CrawlSummary.builder()
                    .skipped(reader.countedSkips()).excludedHrefs(reader.excludedHrefs())
                    .build().notCrawledByChoice();
            return left == null ? "" : left;
        } catch (StoreException e) {
            // it opened: shown without the count rather than not at all
            log.warn("Could not count the URLs left out of {}", store.file(), e);
            return "";
        }
    }

    /** For a finished crawl, the URLs a re-check found since (one look through its URLs). */
    private static long toFetch(CrawlStore store) {
        if (store.info().state() != CrawlState.FINISHED) {
            return 0;
        }
        try (CrawlReader reader = store.reader()) {
            return reader.toFetch();
        } catch (StoreException e) {
            // it opened: shown as finished, without the offer, rather than not at all
            log.warn("Could not count the URLs left to fetch in {}", store.file(), e);
            return 0;
        }
    }
}
