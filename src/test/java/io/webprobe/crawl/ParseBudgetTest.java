package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParseBudgetTest {

    @Test
    void bigPagesWaitForRoomWhileSmallOnesFitTogether() throws Exception {
        ParseBudget budget = new ParseBudget(10L * 1024 * 1024); // 10 MB: one 1 MB page
        int big = budget.acquire(900_000); // ~9 MB of parse memory
        int small = budget.acquire(10_000); // ~100 KB still fits
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(900_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(budget::hasWaiters);
        assertThat(second).isNotDone(); // it waits, it does not fail
        budget.release(big);
        int got = second.get(10, TimeUnit.SECONDS);
        budget.release(got);
        budget.release(small);
    }

    @Test
    void aPageLargerThanTheWholeBudgetIsParsedAlone() throws Exception {
        ParseBudget budget = new ParseBudget(1024 * 1024);
        int all = budget.acquire(50_000_000);
        CompletableFuture<Integer> other = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.acquire(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(budget::hasWaiters);
        assertThat(other).isNotDone();
        budget.release(all);
        budget.release(other.get(10, TimeUnit.SECONDS));
    }
}
