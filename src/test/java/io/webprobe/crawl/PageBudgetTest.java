package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.Urls;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The page budget (--max-pages) is exact however the workers' steps interleave: a limit of N
 * takes N URLs of the site when it has more.
 */
class PageBudgetTest {
    private static final URI START = URI.create("http://127.0.0.1:9/");

    /** The crawl's URL index and ids, as {@link LinkGraph} keeps them. */
    private CompactKeyMap ids = new CompactKeyMap();
    private AtomicLong lastId = new AtomicLong();

    private static Admission admission(int maxPages) {
        return new Admission(CrawlPlan.of(START, "t").withMaxPages(maxPages));
    }

    /** A worker's two steps for a URL it found: the rules, then the budget and the claim. */
    private record Found(String path) {
        URI uri() {
            return START.resolve(path);
        }

        String key() {
            return Urls.key(uri());
        }

        SkipReason check(Admission a) {
            return a.check(uri(), key(), false, 1);
        }
    }

    private Admission.Taken take(Admission a, Found f) {
        return a.take(f.uri(), f.key(), ids, lastId::incrementAndGet);
    }

    /**
     * Two workers find /x at once while a third finds /y, with two places of 3 left, all three
     * checking before any claims; in whichever order they then take their URLs, /x takes one
     * place (one worker claims it, the other finds it claimed) and /y the other, and the next
     * URL is over the limit. Seen: each worker took a place as it checked, /y was refused as
     * over the limit, then the second /x place was given back as a duplicate: the crawl ended
     * with 2 pages of 3, and /y was reported left out by the page limit.
     */
    @Test
    void aUrlTwoWorkersFindAtOnceLeavesTheLastPlaceToAnother() {
        Found x = new Found("/x");
        Found y = new Found("/y");
        List<List<Found>> orders = List.of(List.of(x, x, y), List.of(x, y, x), List.of(y, x, x));
        for (List<Found> order : orders) {
            ids = new CompactKeyMap(); // a crawl of its own for each order
            lastId = new AtomicLong();
            Admission a = admission(3);
            a.start(List.of(START));
            ids.putIfAbsent(Urls.key(START), lastId.incrementAndGet());
            for (Found f : order) {
                assertThat(f.check(a)).as("check of %s", f.path()).isNull();
            }
            long yId = 0;
            long xId = 0;
            int xNew = 0;
            for (Found f : order) {
                Admission.Taken t = take(a, f);
                assertThat(t.why()).as("%s in the order %s", f.path(), order).isNull();
                if (f == y) {
                    assertThat(t.isNew()).isTrue();
                    yId = t.id();
                } else {
                    xNew += t.isNew() ? 1 : 0;
                    assertThat(xId == 0 || xId == t.id()).as("one id for /x").isTrue();
                    xId = t.id();
                }
            }
            assertThat(xNew).as("claims of /x in the order %s", order).isEqualTo(1);
            assertThat(yId).isNotEqualTo(xId);
            Found z = new Found("/z");
            assertThat(take(a, z).why()).isEqualTo(SkipReason.MAX_PAGES);
            assertThat(take(a, x)).isEqualTo(new Admission.Taken(xId, false, null));
        }
    }

    /**
     * A resumed crawl's budget starts from the places its file's URLs hold, and a URL found
     * again by a resumed page takes none.
     */
    @Test
    void aResumedCrawlTakesOnlyThePlacesLeft() {
        Admission a = admission(3);
        a.restore(List.of(START), java.util.Set.of());
        Found queued = new Found("/queued");
        for (Found f : List.of(new Found("/"), queued)) {
            long id = lastId.incrementAndGet();
            ids.putIfAbsent(f.key(), id);
            a.restoreKnown(f.key(), false, true);
        }
        Found trap = new Found("/trap-row"); // a trap guard's row holds no place
        ids.putIfAbsent(trap.key(), lastId.incrementAndGet());
        a.restoreKnown(trap.key(), false, false);

        assertThat(take(a, queued).isNew()).isFalse();
        Admission.Taken last = take(a, new Found("/new"));
        assertThat(last.isNew()).isTrue();
        assertThat(take(a, new Found("/over")).why()).isEqualTo(SkipReason.MAX_PAGES);
    }

    /** A URL the budget leaves out, then reached with a place free, is taken on. */
    @Test
    void aPlaceGivenBackGoesToTheNextUrlFound() {
        Admission a = admission(2);
        a.start(List.of(START));
        ids.putIfAbsent(Urls.key(START), lastId.incrementAndGet());
        Found b = new Found("/b");
        Found c = new Found("/c");
        assertThat(take(a, b).isNew()).isTrue();
        assertThat(take(a, c).why()).isEqualTo(SkipReason.MAX_PAGES);
        a.release(); // /b left out by a pattern added while it was queued
        assertThat(take(a, c).isNew()).isTrue();
    }
}
