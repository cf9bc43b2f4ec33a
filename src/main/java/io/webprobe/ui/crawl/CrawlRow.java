package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlResult;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * One row of the crawl table: an immutable {@link CrawlResult} plus the one value that keeps
 * changing after the URL was fetched, its inlink count. Created and changed on the FX thread.
 */
public final class CrawlRow {
    private final CrawlResult result;
    private final IntegerProperty inlinks;

    CrawlRow(CrawlResult result) {
        this.result = result;
        this.inlinks = new SimpleIntegerProperty(this, "inlinks", result.inlinks());
    }

    public CrawlResult result() {
        return result;
    }

    public ReadOnlyIntegerProperty inlinksProperty() {
        return inlinks;
    }

    /** Raises the count; counts never go down, so late or reordered updates are harmless. */
    void raiseInlinks(int n) {
        if (n > inlinks.get()) {
            inlinks.set(n);
        }
    }

    /** The result with the current inlink count, for export. */
    CrawlResult snapshot() {
        return result.inlinks() == inlinks.get() ? result : result.withInlinks(inlinks.get());
    }
}
