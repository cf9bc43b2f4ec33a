package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.webprobe.crawl.BrokenLink;
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
 * A list check reports a listed URL whose redirects end broken as a site crawl reports a link
 * into such a chain: a broken link, here of the list, and its row says where the chain ends.
 */
class ListCheckChainsTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void close() {
        server.close();
    }

    private Path check(String... paths) throws Exception {
        List<URI> urls = java.util.Arrays.stream(paths).map(p -> URI.create(server.url(p)))
                .toList();
        CrawlPlan plan = CrawlPlan.ofList(urls, "Webprobe/test");
        Path file = dir.resolve("list.webprobe");
        StoredCrawls.crawlInto(file, plan);
        return file;
    }

    @Test
    void aListedUrlRedirectingToA404IsTheListsBrokenLinkAndItsRowSaysWhereItEnds()
            throws Exception {
        server.route("/r1", LocalHttpServer.redirect(301, "/r2"));
        server.route("/r2", LocalHttpServer.redirect(302, "/r3"));
        server.route("/r3", LocalHttpServer.redirect(307, "/missing3"));
        server.route("/missing3", LocalHttpServer.status(404));
        server.route("/missing", LocalHttpServer.status(404));
        server.route("/old", LocalHttpServer.redirect(301, "/ok"));
        server.route("/ok", LocalHttpServer.html("fine"));
        Path file = check("/r1", "/missing", "/old");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(reader.brokenLinks()).extracting(BrokenLink::sourceUrl,
                    BrokenLink::linkUrl, BrokenLink::status, BrokenLink::linkType,
                    BrokenLink::finalUrl).containsExactlyInAnyOrder(
                            tuple("(list)", server.url("/r1"), 404, "list",
                                    server.url("/missing3")),
                            tuple("(list)", server.url("/missing"), 404, "list",
                                    server.url("/missing")));

            UrlQuery query = new UrlQuery(reader);
            UrlQuery.Row r1 = query.rows(new long[] {query.idOf(server.url("/r1"))}).get(0);
            assertThat(r1.statusText()).isEqualTo("301");
            assertThat(r1.broken()).isFalse(); // the redirect is not broken, the link to it is
            assertThat(r1.reason()).startsWith("Redirects to " + server.url("/missing3")
                    + ", which answered HTTP 404");
            UrlQuery.Row old = query.rows(new long[] {query.idOf(server.url("/old"))}).get(0);
            assertThat(old.reason()).isEmpty();
        }
    }

    @Test
    void aSiteCrawlNamesNoListAsASource() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/missing>m</a>"));
        server.route("/missing", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.builder(URI.create(server.url("/")), "Webprobe/test").build();
        Path file = dir.resolve("site.webprobe");
        StoredCrawls.crawlInto(file, plan);
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(reader.brokenLinks()).extracting(BrokenLink::sourceUrl)
                    .containsExactly(server.url("/"));
        }
    }
}
