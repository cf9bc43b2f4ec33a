package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlListener;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSummary;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newer crawl tells a compare of an older one's broken links, and at what cost. */
class CompareEvidenceTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static CrawlSummary crawl(CrawlPlan plan, CrawlStore store) throws Exception {
        CompletableFuture<CrawlSummary> done = new CompletableFuture<>();
        try (CrawlJob job = CrawlJob.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                store.sink()).listener(new CrawlListener() {
                    @Override
                    public void onFinished(CrawlSummary s) {
                        done.complete(s);
                    }
                }).build()) {
            job.start();
            return done.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Found comparing a crawl that checked other sites' links with one that did not
     * (--no-external): each old broken link whose target the newer crawl has no row for was
     * looked up by its text too, a scan of the whole urls table (no index on it) per link,
     * 22 s for 20,000 such links over 5,000 pages. The table is now read by text once at most,
     * and what the compare says is the same.
     */
    @Test
    void oldBrokenLinksToUrlsTheNewerCrawlDidNotCheckCostOneReadOfItsUrlsByText()
            throws Exception {
        try (RefusedPort refused = RefusedPort.onLoopback()) {
            StringBuilder page = new StringBuilder("<title>Home</title>");
            for (int i = 0; i < 30; i++) {
                page.append("<a href=\"http://127.0.0.1:").append(refused.port())
                        .append("/x").append(i).append("\">x</a>");
            }
            server.route("/", html(page.toString()));
            CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
            Path older = dir.resolve("older.webprobe");
            Path newer = dir.resolve("newer.webprobe");
            try (CrawlStore a = CrawlStore.create(older, plan)) {
                assertThat(crawl(plan, a).brokenLinks()).isEqualTo(30);
            }
            CrawlPlan noExternal = plan.withCheckExternal(false);
            try (CrawlStore b = CrawlStore.create(newer, noExternal)) {
                assertThat(crawl(noExternal, b).brokenLinks()).isZero();
            }

            try (CrawlStore a = CrawlStore.open(older, CrawlStore.Access.READ_ONLY);
                    CrawlStore b = CrawlStore.open(newer, CrawlStore.Access.READ_ONLY);
                    CrawlReader ra = a.reader(); CrawlReader rb = b.reader()) {
                List<CrawlDiff.Row> rows = new ArrayList<>();
                CrawlDiff.Counts counts = CrawlDiff.compare(ra, rb, rows::add);

                // the newer crawl did not check them: removed, not fixed
                assertThat(counts.of(CrawlDiff.Change.REMOVED)).isEqualTo(30);
                assertThat(counts.of(CrawlDiff.Change.FIXED_BROKEN_LINK)).isZero();
                assertThat(rb.evidence().textScans()).isLessThanOrEqualTo(1);
            }
        }
    }

    /** A row whose stored key is not its text's is still found by its text, as before. */
    @Test
    void aFixedLinkWhoseTargetsKeyIsNotItsTextsIsStillFoundFixed() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/gone\">g</a>"));
        server.route("/gone", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "t");
        Path older = dir.resolve("older.webprobe");
        Path newer = dir.resolve("newer.webprobe");
        try (CrawlStore a = CrawlStore.create(older, plan)) {
            assertThat(crawl(plan, a).brokenLinks()).isEqualTo(1);
        }
        server.route("/gone", html("<title>Back</title>"));
        try (CrawlStore b = CrawlStore.create(newer, plan)) {
            assertThat(crawl(plan, b).brokenLinks()).isZero();
        }
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + newer);
                var st = c.prepareStatement("UPDATE urls SET key = 'not its text' WHERE url = ?")) {
            st.setString(1, server.url("/gone"));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }

        try (CrawlStore a = CrawlStore.open(older, CrawlStore.Access.READ_ONLY);
                CrawlStore b = CrawlStore.open(newer, CrawlStore.Access.READ_ONLY);
                CrawlReader ra = a.reader(); CrawlReader rb = b.reader()) {
            CrawlDiff.Counts counts = CrawlDiff.compare(ra, rb, r -> { });

            assertThat(counts.of(CrawlDiff.Change.FIXED_BROKEN_LINK)).isEqualTo(1);
            assertThat(rb.evidence().textScans()).isEqualTo(1);
        }
    }
}
