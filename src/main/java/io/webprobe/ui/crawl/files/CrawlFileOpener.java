package io.webprobe.ui.crawl.files;

import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import java.nio.file.Path;

/**
 * Opens a crawl file for the workspace, off the FX thread (opening checks the whole file):
 * for writing when it can be written (so its URLs can be re-checked and an unfinished crawl
 * resumed), else for reading, with the store's own sentence saying why.
 */
public final class CrawlFileOpener {
    private CrawlFileOpener() {}

    /**
     * An opened crawl file.
     *
     * @param notice "" or the sentence saying it was opened read-only
     */
    public record Opened(CrawlStore store, String notice) {}

    /**
     * Opens the file.
     *
     * @throws StoreException with the store's one sentence when it cannot be opened at all
     */
    public static Opened open(Path file) throws StoreException {
        try {
            return new Opened(CrawlStore.open(file, CrawlStore.Access.RESUME), "");
        } catch (StoreException e) {
            // not a crawl, damaged, newer, still being crawled elsewhere: refused for reading
            // too (that sentence is thrown); read-only, or open in another Webprobe whose
            // crawl has ended: it opens for reading, saying why
            CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
            return new Opened(store, e.heldElsewhere()
                    ? "It is open in another running Webprobe, so it was opened here to read "
                            + "only; resume or re-check it there."
                    : e.getMessage());
        }
    }
}
