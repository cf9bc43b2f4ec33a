package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdSortTest {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 25, 1000, 100_000})
    void sortsByKeyThenIdLikeABoxedSort(int n) {
        Random rnd = new Random(n);
        for (boolean desc : new boolean[] {false, true}) {
            long[] ids = new long[n];
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                ids[i] = n - i + rnd.nextInt(3) * 1_000_000L;
                keys[i] = rnd.nextInt(50) - 5; // many ties
            }
            long[][] pairs = new long[n][];
            for (int i = 0; i < n; i++) {
                pairs[i] = new long[] {keys[i], ids[i]};
            }
            Comparator<long[]> byKey = Comparator.comparingLong(p -> p[0]);
            Arrays.sort(pairs, (desc ? byKey.reversed() : byKey)
                    .thenComparingLong(p -> p[1]));
            IdSort.sort(ids, keys, n, desc);
            for (int i = 0; i < n; i++) {
                assertThat(new long[] {keys[i], ids[i]}).containsExactly(pairs[i]);
            }
        }
    }
}
