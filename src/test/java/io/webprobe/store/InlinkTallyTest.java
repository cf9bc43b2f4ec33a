package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlinkTallyTest {

    private static Map<Long, Integer> drained(InlinkTally tally) throws Exception {
        Map<Long, Integer> out = new LinkedHashMap<>();
        tally.drain((id, n) -> assertThat(out.put(id, n)).as("id %s once", id).isNull());
        return out;
    }

    @Test
    void countsEachUrlOnceInTheOrderFirstLinked() throws Exception {
        InlinkTally tally = new InlinkTally();
        for (long id : new long[] {7, 3, 7, 5000, 3, 7}) {
            tally.add(id);
        }
        assertThat(drained(tally)).containsExactly(Map.entry(7L, 3), Map.entry(3L, 2),
                Map.entry(5000L, 1));
        assertThat(tally.size()).isEqualTo(3);
    }

    @Test
    void aClearedTallyStartsFromNothing() throws Exception {
        InlinkTally tally = new InlinkTally();
        tally.add(1);
        tally.add(2);
        tally.clear();
        tally.add(2);
        assertThat(drained(tally)).containsExactly(Map.entry(2L, 1));
    }

    @Test
    void growsPastItsFirstArraysWithoutLosingCounts() throws Exception {
        InlinkTally tally = new InlinkTally();
        for (int round = 0; round < 2; round++) {
            for (long id = 1; id <= 3000; id++) {
                tally.add(id);
            }
        }
        Map<Long, Integer> counts = drained(tally);
        assertThat(counts).hasSize(3000);
        assertThat(counts.values()).containsOnly(2);
    }

    @Test
    void drainingFromAnIdHandsOverTheNewerUrlsAndKeepsTheOlder() throws Exception {
        InlinkTally tally = new InlinkTally();
        for (long id : new long[] {9, 2, 12, 9, 5, 10}) {
            tally.add(id);
        }
        Map<Long, Integer> newer = new LinkedHashMap<>();
        tally.drainFrom(9, (id, n) -> newer.put(id, n));
        assertThat(newer).containsExactly(Map.entry(9L, 2), Map.entry(12L, 1),
                Map.entry(10L, 1));
        tally.add(9);
        tally.add(2);
        assertThat(drained(tally)).containsExactly(Map.entry(2L, 2), Map.entry(5L, 1),
                Map.entry(9L, 1));
    }
}
