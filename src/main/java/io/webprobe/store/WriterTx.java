package io.webprobe.store;

import java.util.ArrayList;
import java.util.List;

/** The store writer's open transaction: what it holds and what waits for its commit. */
final class WriterTx {
    long deadline;
    int ops;
    int rows;
    int unexecutedRows;
    /** Permits of the writes bound but not yet run. */
    int heldRoom;
    long applyNanos;
    /** Barriers to complete and spills to forget once committed. */
    final List<Op> afterCommit = new ArrayList<>();

    void reset() {
        ops = 0;
        rows = 0;
        unexecutedRows = 0;
        heldRoom = 0;
        applyNanos = 0;
        afterCommit.clear();
    }
}
