package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.Header;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        InterruptedOnce sink = new InterruptedOnce(store.sink());
        try (CrawlJob job = CrawlJob.builder(plan,
                        new JdkHttpProbe("t", Duration.ofSeconds(5)), sink)
                .closing(store).build()) {
            job.start();
            CrawlSummary summary = job.completion().get(60, TimeUnit.SECONDS);

            assertThat(sink.interrupted).isTrue();
            assertThat(summary.brokenLinks()).isEqualTo(2);
        }
    }

    /** The store's sink, whose first {@code conclude()} is interrupted as a stop's would be. */
    private static final class InterruptedOnce implements CrawlSink {
        private final CrawlSink d;
        final AtomicBoolean interrupted = new AtomicBoolean();

        InterruptedOnce(CrawlSink d) {
            this.d = d;
        }

        @Override
        public Conclusion conclude() throws InterruptedException {
            if (interrupted.compareAndSet(false, true)) {
                throw new InterruptedException("stop() interrupting the last worker");
            }
            return d.conclude();
        }

        @Override
        public void started() {
            d.started();
        }

        @Override
        public void discovered(List<NewUrl> urls) throws InterruptedException {
            d.discovered(urls);
        }

        @Override
        public void visited(Visit visit) throws InterruptedException {
            d.visited(visit);
        }

        @Override
        public void visitedPart(long id, List<NewUrl> discovered, List<LinkRow> links)
                throws InterruptedException {
            d.visitedPart(id, discovered, links);
        }

        @Override
        public void listedInSitemap(long id) {
            d.listedInSitemap(id);
        }

        @Override
        public void revisitQueued(long id) {
            d.revisitQueued(id);
        }

        @Override
        public void warning(String sentence) {
            d.warning(sentence);
        }

        @Override
        public void sitemapsRead() {
            d.sitemapsRead();
        }

        @Override
        public void siteHost(String hostAndPort) {
            d.siteHost(hostAndPort);
        }

        @Override
        public void counted(String key, SkipReason why) {
            d.counted(key, why);
        }

        @Override
        public void uncounted(String key) {
            d.uncounted(key);
        }

        @Override
        public void planChanged(CrawlPlan plan) {
            d.planChanged(plan);
        }

        @Override
        public void rechecked(long id, CrawlResult result, List<Header> headers,
                String redirectKey) throws InterruptedException {
            d.rechecked(id, result, headers, redirectKey);
        }

        @Override
        public void recheckedPage(Visit visit, String redirectKey) throws InterruptedException {
            d.recheckedPage(visit, redirectKey);
        }

        @Override
        public boolean crawling() {
            return d.crawling();
        }

        @Override
        public void stopReason(String sentence) {
            d.stopReason(sentence);
        }

        @Override
        public void state(CrawlState state, Duration elapsed) {
            d.state(state, elapsed);
        }

        @Override
        public void elapsed(Duration elapsed) {
            d.elapsed(elapsed);
        }

        @Override
        public long spill(byte[] chunk) {
            return d.spill(chunk);
        }

        @Override
        public byte[] unspill(long chunk) throws InterruptedException {
            return d.unspill(chunk);
        }

        @Override
        public CompletableFuture<Void> flush() {
            return d.flush();
        }

        @Override
        public String failure() {
            return d.failure();
        }
    }
}
