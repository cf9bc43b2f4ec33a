package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The open-loop starts of one event loop: earliest first, whatever order they were claimed in. */
class StartQueueTest {
    record Waiting(String name, long intended) {}

    /**
     * The bug: four URLs over ten connections at 500 req/s; a URL with three connections had
     * claims up to three of its intervals ahead, and the loop's queue in arrival order kept
     * another URL's due request behind them: every request of that URL went out ~22 ms late.
     */
    @Test
    void aStartDueSoonerIsTakenBeforeOnesClaimedEarlierForLater() {
        StartQueue<Waiting> q = new StartQueue<>(Waiting::intended);
        q.add(new Waiting("a, round 3", 24_000_000));
        q.add(new Waiting("a, round 4", 32_000_000));
        q.add(new Waiting("b, round 1", 10_000_000));
        q.add(new Waiting("c, round 1", 12_000_000));

        assertThat(q.nanosToFirst(9_000_000)).isEqualTo(1_000_000);
        List<String> order = new ArrayList<>();
        while (q.size() > 0) {
            order.add(q.poll().name());
        }
        assertThat(order).containsExactly("b, round 1", "c, round 1", "a, round 3", "a, round 4");
        assertThat(q.nanosToFirst(0)).isEqualTo(Long.MAX_VALUE);
        assertThat(q.poll()).isNull();
    }

    @Test
    void startsAcrossTheNanoTimeWrapKeepTheirOrder() {
        StartQueue<Waiting> q = new StartQueue<>(Waiting::intended);
        long near = Long.MAX_VALUE - 1_000;
        q.add(new Waiting("after the wrap", near + 5_000)); // overflows to a negative value
        q.add(new Waiting("before the wrap", near));

        assertThat(q.poll().name()).isEqualTo("before the wrap");
        assertThat(q.nanosToFirst(near)).isEqualTo(5_000);
        assertThat(q.poll().name()).isEqualTo("after the wrap");
    }
}
