package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedirectHopsTest {

    private static QueueItem item(long id, int hops) {
        return new QueueItem(id, "http://127.0.0.1/" + id, "127.0.0.1:80", 1, 0, "", false,
                false, hops);
    }

    @Test
    void keepsTheFewestHopsOfEachQueuedTargetUntilItIsVisited() {
        RedirectHops h = new RedirectHops();
        h.queued(7, 10);
        assertThat(h.of(item(7, 10))).isEqualTo(10);
        h.found(7, 4); // a shorter chain
        h.found(7, 6); // a longer one changes nothing
        assertThat(h.of(item(7, 10))).isEqualTo(4);
        h.found(7, 0); // a page links to it
        assertThat(h.of(item(7, 10))).isZero();
        h.visited(7);
        assertThat(h.size()).isZero();
        assertThat(h.of(item(7, 10))).isEqualTo(10); // no entry: the item's own
        h.queued(8, 0); // a link's target needs no entry
        h.found(9, 0); // nor a URL never queued as a redirect target
        assertThat(h.size()).isZero();
    }

    @Test
    void agreesWithAMapThroughGrowthShrinkingAndRemovals() {
        RedirectHops h = new RedirectHops();
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(42);
        for (int step = 0; step < 200_000; step++) {
            long id = 1 + random.nextInt(5_000);
            int n = random.nextInt(11);
            switch (random.nextInt(3)) {
                case 0 -> {
                    h.queued(id, n);
                    if (n > 0) {
                        expected.merge(id, n, Math::min);
                    }
                }
                case 1 -> {
                    h.found(id, n);
                    expected.computeIfPresent(id, (k, v) -> Math.min(v, n));
                }
                default -> {
                    h.visited(id);
                    expected.remove(id);
                }
            }
        }
        assertThat(h.size()).isEqualTo(expected.size());
        for (long id = 1; id <= 5_000; id++) {
            assertThat(h.of(item(id, 10))).as("id %d", id)
                    .isEqualTo(expected.getOrDefault(id, 10));
        }
        expected.keySet().forEach(h::visited);
        assertThat(h.size()).isZero();
    }
}
