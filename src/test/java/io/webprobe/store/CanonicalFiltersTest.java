package io.webprobe.store;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page whose canonical names itself in another spelling of the same URL ({@code %63} is
 * "c", an unreserved character the dedup key decodes) is indexable and not canonicalised, in
 * the row and in the workspace's filters and counts alike.
 */
class CanonicalFiltersTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void aCanonicalToThePageItselfBySomeOtherSpellingIsNoCanonicalisation() throws Exception {
        server.route("/", html("<a href=\"/cs3.html\">3</a><a href=\"/cs4.html\">4</a>"
                + "<a href=\"/other\">o</a>"));
        server.route("/cs3.html", html("<title>3</title>"
                + "<link rel=canonical href=\"" + server.url("/%63s3.html") + "\">"));
        server.route("/cs4.html", respond(200, "text/html", "<title>4</title>",
                "Link", "</%63s4.html>; rel=canonical"));
        server.route("/other", html("<title>O</title><link rel=canonical href=\"/cs3.html\">"));
        Path file = dir.resolve("site.webprobe");
        CrawlPlan plan = CrawlPlan.builder(URI.create(server.url("/")), "t").build();
        StoredCrawls.crawlInto(file, plan);

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            Map<String, CrawlResult> rows = reader.results().stream().collect(
                    Collectors.toMap(r -> r.url().substring(server.url("").length()),
                            r -> r));
            assertThat(rows.get("/cs3.html").page().canonical())
                    .isEqualTo(server.url("/%63s3.html"));
            assertThat(rows.get("/cs3.html").indexable()).isTrue();
            assertThat(rows.get("/cs4.html").indexable()).isTrue();
            assertThat(rows.get("/other").indexable()).isFalse();

            UrlQuery query = new UrlQuery(reader);
            OverviewCounts counts = new OverviewCounts(reader);
            for (UrlFilter f : new UrlFilter[] {UrlFilter.CANONICALISED,
                    UrlFilter.NON_INDEXABLE}) {
                long[] ids = query.ids(new UrlQuery.Request(f, "", UrlField.SEQ, false)).ids();
                Set<String> paths = query.urls(ids).stream()
                        .map(u -> u.substring(server.url("").length()))
                        .collect(Collectors.toSet());
                assertThat(paths).as(f.name()).containsExactly("/other");
                assertThat(counts.counts().counts().get(f)).as(f.name()).isEqualTo(1L);
            }
        }
    }
}
