package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A URL listed twice in a list check, in two spellings the crawl's dedup key makes one
 * ({@code /b} and {@code /%62}), took two places of the page limit while it was fetched once:
 * with a limit of 3, a listed redirect's target was left out ("page limit") though only two
 * pages had been asked. Each URL takes one place now, and the plan holds it once.
 */
class ListDuplicatesTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aUrlListedTwiceInAnotherSpellingTakesOnePlaceOfThePageLimit() throws Exception {
        server.route("/b", LocalHttpServer.html("b"));
        server.route("/r", LocalHttpServer.redirect(301, "/t"));
        server.route("/t", LocalHttpServer.html("t"));
        List<URI> listed = List.of(URI.create(server.url("/b")), URI.create(server.url("/%62")),
                URI.create(server.url("/r")));
        CrawlPlan plan = CrawlPlan.ofList(listed, "Webprobe/test").withMaxPages(3);
        Path file = StoredCrawls.crawlInto(dir.resolve("list.webprobe"), plan);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            UrlQuery query = new UrlQuery(reader);
            UrlQuery.Row t = query.rows(new long[] {query.idOf(server.url("/t"))}).get(0);
            assertThat(t.statusText()).isEqualTo("200");
            assertThat(store.plan().list()).hasSize(2);
        }
        assertThat(plan.list()).containsExactly(listed.get(0), listed.get(2));
    }
}
