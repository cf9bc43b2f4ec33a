package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stop wakes the frontier before it interrupts the pool, so the last worker may already be
 * reading the crawl's figures back when its interrupt lands (once in ~15 SIGTERMs of a
 * command-line crawl: "5 broken URLs, 0 broken links" and no list). The figures are read
 * again rather than lost.
 */
class FinishInterruptedTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void anInterruptWhileTheFiguresAreReadBackLosesNoneOfThem() throws Exception {
        server.route("/", html("<title>Home</title><a href=/gone>gone</a> <a href=/a>a</a>"));
        server.route("/a", html("<title>A</title><a href=/gone>gone again</a>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        CrawlStore store = CrawlStore.createTemporary(plan);
        AtomicBoolean interrupted = new AtomicBoolean();
        try (CrawlJob job = CrawlJob.builder(plan,
                        new JdkHttpProbe("t", Duration.ofSeconds(5)),
                        interruptedOnce(store.sink(), interrupted))
                .closing(store).build()) {
            job.start();
            CrawlSummary summary = job.completion().get(60, TimeUnit.SECONDS);

            assertThat(interrupted).isTrue();
            assertThat(summary.brokenLinks()).isEqualTo(2);
        }
    }

    /**
     * The store's sink, whose first {@code conclude()} is interrupted as a stop's would be;
     * every other call goes to it as it is.
     */
    private static CrawlSink interruptedOnce(CrawlSink sink, AtomicBoolean interrupted) {
        return (CrawlSink) Proxy.newProxyInstance(CrawlSink.class.getClassLoader(),
                new Class<?>[] {CrawlSink.class}, (proxy, method, args) -> {
                    if (method.getName().equals("conclude")
                            && interrupted.compareAndSet(false, true)) {
                        throw new InterruptedException("stop() interrupting the last worker");
                    }
                    try {
                        return method.invoke(sink, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
