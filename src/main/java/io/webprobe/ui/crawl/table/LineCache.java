package io.webprobe.ui.crawl.table;

import io.webprobe.store.UrlQuery;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The URL table's lines ({@link UrlItem}) of the last few thousand ids the table asked for,
 * shared by every id list the table shows, and the batching of their reads: every line asked
 * for during one pulse goes into one read, posted to run after the pulse. FX thread only.
 */
final class LineCache {
    /** Lines kept (about fifty screens of rows). */
    static final int SIZE = 4096;

    private final Executor fx;
    private final Consumer<long[]> load;
    private final Map<Long, UrlItem> lines = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, UrlItem> eldest) {
            return size() > SIZE;
        }
    };
    private final Set<Long> wanted = new LinkedHashSet<>();
    private int generation;
    private boolean loadPosted;

    /**
     * @param fx posts the batched read after the current pulse
     * @param load reads the rows of these ids and hands them to {@link #loaded}
     */
    LineCache(Executor fx, Consumer<long[]> load) {
        this.fx = fx;
        this.load = load;
    }

    /** The line of an id, its row asked for when missing or stale. */
    UrlItem get(long id) {
        UrlItem line = line(id);
        if (line.needsRead(generation)) {
            wanted.add(id);
            if (!loadPosted) {
                loadPosted = true;
                fx.execute(this::flushWanted);
            }
        }
        return line;
    }

    /** The line of an id, made when missing (its row not asked for). */
    UrlItem line(long id) {
        UrlItem line = lines.get(id);
        if (line == null) {
            line = new UrlItem(id);
            lines.put(id, line);
        }
        return line;
    }

    /** The line of an id if it is kept, else null. */
    UrlItem cached(long id) {
        return lines.get(id);
    }

    /** The crawl file changed: lines read before are read again when next asked for. */
    void markStale() {
        generation++;
    }

    int generation() {
        return generation;
    }

    /** Rows read from the file: their lines show them. */
    void loaded(List<UrlQuery.Row> rows, int readGeneration) {
        for (UrlQuery.Row r : rows) {
            UrlItem line = lines.get(r.id());
            if (line != null) {
                line.set(r, readGeneration);
            }
        }
    }

    /** Forgets every line (another crawl is shown). */
    void clear() {
        lines.clear();
        wanted.clear();
        generation++;
    }

    private void flushWanted() {
        loadPosted = false;
        if (wanted.isEmpty()) {
            return;
        }
        long[] batch = new long[wanted.size()];
        int i = 0;
        for (long id : wanted) {
            batch[i++] = id;
        }
        wanted.clear();
        load.accept(batch);
    }
}
