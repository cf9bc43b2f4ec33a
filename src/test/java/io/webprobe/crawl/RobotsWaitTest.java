package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Workers that wait for another worker's robots.txt fetch get that fetch's answer. They gave up
 * after a guessed bound (too short when robots.txt redirects, each hop having its own
 * deadline) and allowed everything, as they did when the fetch threw: the site's disallowed
 * pages were crawled. The robots.txt here is a real file on a loopback server; the probe only
 * holds the fetching worker back (before its request, outside the request's deadline) until
 * the second worker waits, or makes the fetch throw as a bug would.
 */
class RobotsWaitTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final JdkHttpProbe real = new JdkHttpProbe("Webprobe/test", Duration.ofSeconds(5));

    @AfterEach
    void tearDown() {
        real.close();
        server.close();
    }

    /** A probe that holds the robots.txt request until {@code release}, then does {@code then}. */
    private static HttpProbe held(CountDownLatch entered, CountDownLatch release,
            java.util.function.Function<FetchRequest, FetchResponse> then) {
        return new HttpProbe() {
            @Override
            public FetchResponse fetch(FetchRequest request) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return then.apply(request);
            }

            @Override
            public void close() {}
        };
    }

    private record Waiter(Thread thread, CompletableFuture<RobotsRules.HostRules> answer) {}

    private static Waiter waiter(RobotsRules robots, URI page) {
        var answer = new CompletableFuture<RobotsRules.HostRules>();
        Thread t = new Thread(() -> {
            try {
                answer.complete(robots.rulesFor(page));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        }, "robots-waiter");
        t.start();
        return new Waiter(t, answer);
    }

    @Test
    void aWaiterGetsTheFetchsAnswerHoweverLongTheFetchTakes() throws Exception {
        server.route("/robots.txt", ex -> LocalHttpServer.send(ex, 200, "text/plain",
                "User-agent: *\nDisallow: /\n"));
        URI page = URI.create(server.url("/page"));
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // a 1 s timeout and no retries: the old waiters gave up after 2 s
        var robots = new RobotsRules(held(entered, release, real::fetch), Duration.ofSeconds(1),
                List.of());
        var fetching = waiter(robots, page);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        var waiting = waiter(robots, page);
        // the fetch goes on until the second worker waits for it for good (or has given up)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                waiting.thread().getState() == Thread.State.WAITING || waiting.answer().isDone());
        release.countDown();

        RobotsRules.HostRules fetched = fetching.answer().get(30, TimeUnit.SECONDS);
        assertThat(fetched.rules().isAllowed(page.toString())).isFalse();
        assertThat(waiting.answer().get(30, TimeUnit.SECONDS)).isSameAs(fetched);
    }

    @Test
    void aFetchThatThrowsIsReadAsAnUnreadableRobotsTxtByEveryWorker() throws Exception {
        URI page = URI.create(server.url("/page"));
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var robots = new RobotsRules(held(entered, release, r -> {
            throw new IllegalStateException("a bug");
        }), Duration.ofSeconds(5), List.of());
        var fetching = waiter(robots, page);
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        var waiting = waiter(robots, page);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Thread.State s = waiting.thread().getState();
            return s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING;
        });
        release.countDown();

        for (var worker : List.of(fetching, waiting)) {
            RobotsRules.HostRules rules = worker.answer().get(30, TimeUnit.SECONDS);
            assertThat(rules.rules().isAllowed(page.toString())).isFalse();
            assertThat(rules.disallowReason())
                    .isEqualTo("robots.txt could not be read, so the site is treated as disallowed");
        }
    }
}
