package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A reader lane held busy by a test, so the reads asked for meanwhile wait their turn. */
final class HeldLane {
    private HeldLane() {}

    /** Holds the lane with a read of the test's own until the latch returned is counted down. */
    static CountDownLatch hold(ReaderLane lane) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        lane.call(q -> {
            running.countDown();
            try {
                return release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }
}
