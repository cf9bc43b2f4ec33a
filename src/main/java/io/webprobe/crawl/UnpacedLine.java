package io.webprobe.crawl;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The {@link Frontier}'s unpaced line: items that need no request (a folder excluded while the
 * crawl runs: each only gets its "skipped" row), handed out before any host's, without a gap
 * or limit. Which items belong here is a test that grows with each exclusion
 * ({@link Frontier#expedite}); items already queued move when the frontier next looks
 * ({@link #rescanDue}). Plain state, guarded by the frontier's lock.
 *
 * @param <T> the queued item
 */
final class UnpacedLine<T> {
    private final ArrayDeque<T> items = new ArrayDeque<>();
    /** Items handed out and not done yet (by identity). */
    private final Set<T> out = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Which items go here, or null for none. */
    private Predicate<T> test;
    /** The test grew: the queued items are to be looked at again. */
    private boolean rescan;

    /** Items {@code more} accepts go here too, queued ones included (at the next rescan). */
    void alsoTake(Predicate<T> more) {
        test = test == null ? more : test.or(more);
        rescan = true;
    }

    /** Whether the queued items must be looked at again; true once per {@link #alsoTake}. */
    boolean rescanDue() {
        boolean due = rescan;
        rescan = false;
        return due;
    }

    /** Whether the line takes anything at all. */
    boolean active() {
        return test != null;
    }

    /** Queues the item here when it belongs here; returns whether it did. */
    boolean offer(T item) {
        if (test == null || !test.test(item)) {
            return false;
        }
        items.addLast(item);
        return true;
    }

    /** Moves the items of a host's queue that belong here; returns how many. */
    int moveFrom(Collection<T> queue) {
        if (test == null) {
            return 0;
        }
        int moved = 0;
        for (Iterator<T> it = queue.iterator(); it.hasNext(); ) {
            T item = it.next();
            if (test.test(item)) {
                it.remove();
                items.addLast(item);
                moved++;
            }
        }
        return moved;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** The first item, now in flight. */
    T handOut() {
        T next = items.pollFirst();
        out.add(next);
        return next;
    }

    /** A taken item is done; returns whether it was one of this line's. */
    boolean done(T item) {
        return out.remove(item);
    }

    /** Drops the queued items (the frontier stopped). */
    void clear() {
        items.clear();
    }
}
