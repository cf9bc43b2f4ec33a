package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * After a stop, the crawl's "queued" is what it leaves to fetch (CrawlProgress: "after a stop:
 * discovered but not crawled"), the figure the window's end line says ("Stopped: 1 crawled ·
 * 3 queued") and the one its file gives a resume.
 */
class StoppedQueueTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /**
     * A page whose visit was written as Stop was pressed: the URLs it found are in the file, to
     * fetch on a resume, but the stopped frontier took none of them, and the end line said
     * "0 queued" where the file held 3.
     */
    @Test
    void theUrlsOfAPageWrittenAsTheCrawlStopsAreLeftQueued() throws Exception {
        server.route("/", html("<a href=/a>a</a> <a href=/b>b</a> <a href=/c>c</a>"));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t").withThreads(1);
        AtomicReference<CrawlJob> self = new AtomicReference<>();
        try (CrawlStore store = CrawlStore.createTemporary(plan)) {
            CrawlSink stopsAfterVisit = stoppedAfterFirstVisit(store.sink(), self);
            try (CrawlJob job = CrawlJob.builder(plan,
                    new JdkHttpProbe("t", Duration.ofSeconds(5)), stopsAfterVisit).build()) {
                self.set(job);
                job.start();
                CrawlSummary summary = job.completion().get(60, TimeUnit.SECONDS);

                assertThat(summary.stopped()).isTrue();
                assertThat(summary.crawled()).isEqualTo(1);
                long toFetch;
                try (CrawlReader reader = store.reader()) {
                    toFetch = reader.toFetch();
                }
                assertThat(toFetch).isEqualTo(3);
                assertThat(job.progress().queued()).isEqualTo(toFetch);
            }
        }
    }

    /**
     * The store's sink, whose first {@code visited} is written and then stops the crawl (from
     * another thread, as the window's Stop does, and waited for) before the worker goes on.
     */
    private static CrawlSink stoppedAfterFirstVisit(CrawlSink sink,
            AtomicReference<CrawlJob> job) {
        return (CrawlSink) Proxy.newProxyInstance(CrawlSink.class.getClassLoader(),
                new Class<?>[] {CrawlSink.class}, (proxy, method, args) -> {
                    Object out;
                    try {
                        out = method.invoke(sink, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("visited") && !job.get().progress().finished()) {
                        CompletableFuture.runAsync(() -> job.get().stop()).join();
                    }
                    return out;
                });
    }
}
