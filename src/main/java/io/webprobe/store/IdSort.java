package io.webprobe.store;

/**
 * Sorts URL ids by a numeric key, ties by id, on primitive arrays: a million ids sort in well
 * under a second without boxing (SQLite's own ORDER BY over the whole table is several times
 * slower, see docs/benchmarks.md). Not thread-safe; arrays are sorted in place.
 */
final class IdSort {
    private IdSort() {}

    /**
     * Sorts {@code ids[0..n)} and {@code keys[0..n)} together by key (descending when asked),
     * then by id ascending, so equal keys keep a stable, predictable order.
     */
    static void sort(long[] ids, long[] keys, int n, boolean descending) {
        if (descending) {
            for (int i = 0; i < n; i++) {
                keys[i] = -keys[i]; // keys are small (counts, ms, bytes, ranks): no overflow
            }
        }
        long[] tmpIds = new long[n];
        long[] tmpKeys = new long[n];
        mergeSort(ids, keys, tmpIds, tmpKeys, 0, n);
        if (descending) {
            for (int i = 0; i < n; i++) {
                keys[i] = -keys[i];
            }
        }
    }

    private static void mergeSort(long[] ids, long[] keys, long[] ti, long[] tk, int from,
            int to) {
        if (to - from <= 24) {
            insertionSort(ids, keys, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(ids, keys, ti, tk, from, mid);
        mergeSort(ids, keys, ti, tk, mid, to);
        if (!less(keys[mid], ids[mid], keys[mid - 1], ids[mid - 1])) {
            return; // already in order
        }
        System.arraycopy(ids, from, ti, from, to - from);
        System.arraycopy(keys, from, tk, from, to - from);
        int a = from;
        int b = mid;
        for (int i = from; i < to; i++) {
            if (b >= to || (a < mid && !less(tk[b], ti[b], tk[a], ti[a]))) {
                ids[i] = ti[a];
                keys[i] = tk[a++];
            } else {
                ids[i] = ti[b];
                keys[i] = tk[b++];
            }
        }
    }

    private static void insertionSort(long[] ids, long[] keys, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long id = ids[i];
            long key = keys[i];
            int j = i - 1;
            while (j >= from && less(key, id, keys[j], ids[j])) {
                ids[j + 1] = ids[j];
                keys[j + 1] = keys[j];
                j--;
            }
            ids[j + 1] = id;
            keys[j + 1] = key;
        }
    }

    private static boolean less(long keyA, long idA, long keyB, long idB) {
        return keyA < keyB || (keyA == keyB && idA < idB);
    }
}
