package io.webprobe.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Failures the launcher tests provoke in a child JVM, to check what the user sees. Inert unless
 * the system property {@value #EXHAUST_HEAP} is "true".
 */
final class TestHooks {
    static final String EXHAUST_HEAP = "webprobe.test.exhaustHeap";

    private TestHooks() {}

    /** With -Dwebprobe.test.exhaustHeap=true, fills the heap until it runs out. */
    static void exhaustHeapIfAsked() {
        if (Boolean.getBoolean(EXHAUST_HEAP)) {
            List<long[]> hog = new ArrayList<>();
            while (hog.size() >= 0) {
                hog.add(new long[1 << 20]);
            }
        }
    }
}
