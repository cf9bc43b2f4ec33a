package io.webprobe.crawl;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A map from strings (URL keys) to non-negative longs that keeps no string: each key is held as
 * a 64-bit hash plus a 24-bit check taken from a second, independent hash, about 27 bytes per
 * entry. Two keys with the same 64-bit hash (about one pair in 10^7 crawls of a million URLs)
 * are told apart by the check, and the later one is kept whole in a small side map; only keys
 * equal in all 88 bits would be confused, which is left to chance (about 10^-15 for a million
 * keys).
 *
 * <p>Thread-safe: the table is split into stripes, each guarded by its own monitor, held for a
 * probe of an array. Open addressing with linear probing; removal shifts later entries back,
 * so there are no tombstones.
 */
final class CompactKeyMap {
    /** Returned by lookups of an absent key. */
    static final long ABSENT = -1;
    private static final int STRIPES = 64;
    private static final long VALUE_LIMIT = 1L << 40;

    /** Hashes a key two ways; tests inject a weak one to force collisions. */
    interface Hasher {
        long hash64(String key);

        int check24(String key);
    }

    static final Hasher DEFAULT_HASHER = new Hasher() {
        @Override
        public long hash64(String key) {
            long h = 0xcbf29ce484222325L; // FNV-1a over UTF-16 units, then a 64-bit finaliser
            for (int i = 0; i < key.length(); i++) {
                h = (h ^ key.charAt(i)) * 0x100000001b3L;
            }
            return mix(h ^ key.length());
        }

        @Override
        public int check24(String key) {
            int h = 0x811c9dc5;
            for (int i = key.length() - 1; i >= 0; i--) {
                h = (h ^ key.charAt(i)) * 0x01000193;
            }
            return (h ^ (h >>> 24)) & 0xFFFFFF;
        }
    };

    private final Hasher hasher;
    private final Stripe[] stripes = new Stripe[STRIPES];
    /** Keys whose 64-bit hash was taken by another key. */
    private final ConcurrentHashMap<String, Long> collided = new ConcurrentHashMap<>();

    CompactKeyMap() {
        this(DEFAULT_HASHER);
    }

    CompactKeyMap(Hasher hasher) {
        this.hasher = hasher;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** The value of a key, or {@link #ABSENT}. */
    long get(String key) {
        long h = nonZero(hasher.hash64(key));
        int check = hasher.check24(key);
        Stripe s = stripe(h);
        synchronized (s) {
            int i = s.find(h);
            if (i >= 0) {
                long v = s.values[i];
                if ((int) (v & 0xFFFFFF) == check) {
                    return v >>> 24;
                }
            }
            return sideValue(key);
        }
    }

    /**
     * Puts a key that is absent.
     *
     * @return {@link #ABSENT} when the key was put, else the value it already has (unchanged)
     */
    long putIfAbsent(String key, long value) {
        checkValue(value);
        long h = nonZero(hasher.hash64(key));
        int check = hasher.check24(key);
        Stripe s = stripe(h);
        synchronized (s) {
            int i = s.find(h);
            if (i < 0) {
                long side = sideValue(key); // its slot's first owner was removed
                if (side != ABSENT) {
                    return side;
                }
                s.insert(h, (value << 24) | check);
                return ABSENT;
            }
            long v = s.values[i];
            if ((int) (v & 0xFFFFFF) == check) {
                return v >>> 24;
            }
            Long other = collided.putIfAbsent(key, value);
            return other == null ? ABSENT : other;
        }
    }

    /** Adds one to a key's value (0 when absent) and returns the new value. */
    long increment(String key) {
        long h = nonZero(hasher.hash64(key));
        int check = hasher.check24(key);
        Stripe s = stripe(h);
        synchronized (s) {
            int i = s.find(h);
            if (i < 0) {
                if (sideValue(key) != ABSENT) {
                    return collided.merge(key, 1L, Long::sum);
                }
                s.insert(h, (1L << 24) | check);
                return 1;
            }
            long v = s.values[i];
            if ((int) (v & 0xFFFFFF) == check) {
                long n = (v >>> 24) + 1;
                checkValue(n);
                s.values[i] = (n << 24) | check;
                return n;
            }
            return collided.merge(key, 1L, Long::sum);
        }
    }

    /**
     * Removes a key.
     *
     * @return its value, or {@link #ABSENT} when it was not there
     */
    long remove(String key) {
        long h = nonZero(hasher.hash64(key));
        int check = hasher.check24(key);
        Stripe s = stripe(h);
        synchronized (s) {
            int i = s.find(h);
            long v = i < 0 ? 0 : s.values[i];
            if (i < 0 || (int) (v & 0xFFFFFF) != check) {
                Long other = collided.remove(key);
                return other == null ? ABSENT : other;
            }
            s.delete(i);
            return v >>> 24;
        }
    }

    /** How many keys are held. */
    long size() {
        long n = collided.size();
        for (Stripe s : stripes) {
            synchronized (s) {
                n += s.size;
            }
        }
        return n;
    }

    private long sideValue(String key) {
        if (collided.isEmpty()) {
            return ABSENT;
        }
        Long v = collided.get(key);
        return v == null ? ABSENT : v;
    }

    private Stripe stripe(long h) {
        return stripes[(int) (h >>> 58)]; // the top 6 bits; the table index uses the low bits
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h; // 0 marks an empty slot
    }

    private static void checkValue(long value) {
        if (value < 0 || value >= VALUE_LIMIT) {
            throw new IllegalArgumentException("value out of range: " + value);
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    /** One part of the table: parallel arrays of hashes and (value << 24 | check). */
    private static final class Stripe {
        long[] hashes = new long[16];
        long[] values = new long[16];
        int size;

        int find(long h) {
            int mask = hashes.length - 1;
            for (int i = (int) h & mask; ; i = (i + 1) & mask) {
                long at = hashes[i];
                if (at == 0) {
                    return -1;
                }
                if (at == h) {
                    return i;
                }
            }
        }

        void insert(long h, long packed) {
            if ((size + 1) * 10L > hashes.length * 7L) {
                grow();
            }
            place(h, packed);
            size++;
        }

        private void place(long h, long packed) {
            int mask = hashes.length - 1;
            int i = (int) h & mask;
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            values[i] = packed;
        }

        void delete(int slot) {
            int mask = hashes.length - 1;
            int gap = slot;
            hashes[gap] = 0;
            size--;
            // shift back later entries of the run that would no longer be found across the gap
            for (int i = (gap + 1) & mask; hashes[i] != 0; i = (i + 1) & mask) {
                int home = (int) hashes[i] & mask;
                boolean movable = gap <= i ? (home <= gap || home > i) : (home <= gap && home > i);
                if (movable) {
                    hashes[gap] = hashes[i];
                    values[gap] = values[i];
                    hashes[i] = 0;
                    gap = i;
                }
            }
        }

        private void grow() {
            long[] oldHashes = hashes;
            long[] oldValues = values;
            hashes = new long[oldHashes.length * 2];
            values = new long[oldValues.length * 2];
            for (int i = 0; i < oldHashes.length; i++) {
                if (oldHashes[i] != 0) {
                    place(oldHashes[i], oldValues[i]);
                }
            }
        }
    }
}
