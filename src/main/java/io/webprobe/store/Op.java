package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink.LinkRow;
import io.webprobe.crawl.CrawlSink.NewUrl;
import io.webprobe.crawl.CrawlSink.Visit;
import io.webprobe.http.Header;
import io.webprobe.http.ResponseHeaders;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One write the crawl hands {@link StoreWriter}'s thread, with the rows it adds (for batching
 * and backpressure).
 */
sealed interface Op {
    default int rows() {
        return 1;
    }

    /** Whether it takes room in the bounded queue (spills are bounded by the frontier). */
    default boolean bounded() {
        return true;
    }

    /** A visit's rows: its result and headers, its links, new URLs, anchors. */
    private static int visitRows(Visit visit) {
        return 2 + visit.discovered().size() + visit.links().size() + visit.invalid().size()
                + visit.anchorRows() + headerRows(visit.headers()) + textRows(visit.links());
    }

    /**
     * The rows long link texts count as beyond their links' own: a row per
     * {@link StoreWriter#ROW_BYTES} characters, so the queue holds as much heap in links of
     * 5 KB of text each as in plain links, not ten times more.
     */
    private static int textRows(List<LinkRow> links) {
        long chars = 0;
        for (LinkRow l : links) {
            chars += l.anchor() == null ? 0 : l.anchor().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars / StoreWriter.ROW_BYTES);
    }

    /**
     * The rows a response's header fields count as beyond its one: a row per
     * {@link StoreWriter#ROW_BYTES} bytes they hold, so the queue holds as much heap in 180 KB
     * heads (a server's 30,000 tiny fields, 0.27 MB each) as in links: ~75 such visits in its
     * 50,000 rows at 160 MB, not the ~25,000 it took at two rows a visit.
     */
    private static int headerRows(List<Header> headers) {
        return (int) (ResponseHeaders.of(headers).heldBytes() / StoreWriter.ROW_BYTES);
    }

    record Discovered(List<NewUrl> urls, long at) implements Op {
        @Override
        public int rows() {
            return Math.max(1, urls.size());
        }
    }

    record Visited(Visit visit, long at) implements Op {
        @Override
        public int rows() {
            return visitRows(visit);
        }
    }

    /** Part of a page's links, written ahead of its visit ({@code CrawlSink#visitedPart}). */
    record VisitedPart(long id, List<NewUrl> discovered, List<LinkRow> links, long at)
            implements Op {
        @Override
        public int rows() {
            return 1 + discovered.size() + links.size() + textRows(links);
        }
    }

    record Listed(long id) implements Op {}

    /** A URL fetched already is queued to be asked again. */
    record Revisiting(long id) implements Op {}

    record Rechecked(long id, CrawlResult result, List<Header> headers,
            String redirectKey, long at) implements Op {
        @Override
        public int rows() {
            return 1 + headerRows(headers);
        }
    }

    /** A page fetched again on request and read as the crawl reads it: row and links. */
    record RecheckedPage(Visit visit, String redirectKey, long at) implements Op {
        @Override
        public int rows() {
            return visitRows(visit);
        }
    }

    /**
     * A state change, warning or setting: tiny and few, and written from the window's thread
     * too (Pause, Resume, leaving a folder out), which must never wait for room.
     */
    record Meta(String key, String value) implements Op {
        @Override
        public boolean bounded() {
            return false;
        }
    }

    record Counted(String key, String reason) implements Op {}

    record Spill(long chunk, byte[] items) implements Op {
        @Override
        public boolean bounded() {
            return false;
        }
    }

    record Unspilled(long chunk) implements Op {
        @Override
        public boolean bounded() {
            return false;
        }
    }

    record Barrier(CompletableFuture<Void> done) implements Op {
        @Override
        public boolean bounded() {
            return false;
        }
    }

    /** Wakes the writer: a worker is about to wait for room (see {@code StoreWriter.waitingForRoom}). */
    record Nudge() implements Op {
        @Override
        public int rows() {
            return 0;
        }

        @Override
        public boolean bounded() {
            return false;
        }
    }

    record Stop() implements Op {
        @Override
        public boolean bounded() {
            return false;
        }
    }
}
