package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's outlinks in the details say what the URL table and the broken links list say of
 * the same links: a link into a redirect loop, or to a redirect ending at a 404, is broken.
 */
class OutlinkChainsTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void close() {
        server.close();
    }

    /** Crawls the server's site from "/" into a new crawl file. */
    private Path crawl(String name) throws Exception {
        CrawlPlan plan = CrawlPlan.builder(URI.create(server.url("/")), "Webprobe/test")
                .threads(2).build();
        Path file = dir.resolve(name);
        StoredCrawls.crawlInto(file, plan);
        return file;
    }

    @Test
    void anOutlinkIntoARedirectIsBrokenAsItsChainEnds() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=/loop1>loop</a> <a href=/moved>moved</a>"
                + " <a href=/old>old</a> <a href=/ok>ok</a> <a href=/missing>missing</a>"));
        server.route("/loop1", LocalHttpServer.redirect(301, "/loop2"));
        server.route("/loop2", LocalHttpServer.redirect(302, "/loop1"));
        server.route("/moved", LocalHttpServer.redirect(301, "/missing"));
        server.route("/old", LocalHttpServer.redirect(308, "/ok"));
        server.route("/ok", LocalHttpServer.html("fine"));
        server.route("/missing", LocalHttpServer.status(404));
        Path file = crawl("chains.webprobe");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            UrlQuery query = new UrlQuery(reader);
            UrlDetails.Details home = new UrlDetails(reader).of(query.idOf(server.url("/")), 100);

            assertThat(home.outlinks()).extracting(UrlDetails.Outlink::url,
                    UrlDetails.Outlink::status, UrlDetails.Outlink::broken).containsExactly(
                            tuple(server.url("/loop1"), "Redirect loop", true),
                            tuple(server.url("/moved"), "301 → 404", true),
                            tuple(server.url("/old"), "308", false),
                            tuple(server.url("/ok"), "200", false),
                            tuple(server.url("/missing"), "404", true));
            // the same links the broken links list names, and the same loop the table shows
            assertThat(reader.brokenLinks()).extracting(BrokenLink::linkUrl)
                    .containsExactlyInAnyOrder(server.url("/loop1"), server.url("/moved"),
                            server.url("/missing"));
            UrlQuery.Row loop = query.rows(new long[] {query.idOf(server.url("/loop1"))}).get(0);
            assertThat(loop.statusText()).isEqualTo("Redirect loop");
        }
    }

    @Test
    void aPageOfManyRedirectingLinksReadsTheSameAsAPageOfFew() throws Exception {
        StringBuilder home = new StringBuilder("<a href=/loop1>loop</a><a href=/moved>moved</a>");
        for (int i = 0; i < 25; i++) { // more than UrlDetails reads chain by chain
            home.append("<a href=/r").append(i).append(">r</a>");
            server.route("/r" + i, LocalHttpServer.redirect(301, "/ok"));
        }
        server.route("/", LocalHttpServer.html(home.toString()));
        server.route("/loop1", LocalHttpServer.redirect(301, "/loop2"));
        server.route("/loop2", LocalHttpServer.redirect(302, "/loop1"));
        server.route("/moved", LocalHttpServer.redirect(301, "/missing"));
        server.route("/ok", LocalHttpServer.html("fine"));
        server.route("/missing", LocalHttpServer.status(404));
        Path file = crawl("many.webprobe");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            UrlQuery query = new UrlQuery(reader);
            UrlDetails.Details d = new UrlDetails(reader).of(query.idOf(server.url("/")), 100);
            assertThat(d.outlinks()).hasSize(27);
            assertThat(d.outlinks().get(0)).extracting(UrlDetails.Outlink::status,
                    UrlDetails.Outlink::broken).containsExactly("Redirect loop", true);
            assertThat(d.outlinks().get(1)).extracting(UrlDetails.Outlink::status,
                    UrlDetails.Outlink::broken).containsExactly("301 → 404", true);
            assertThat(d.outlinks().subList(2, 27)).allSatisfy(o -> {
                assertThat(o.status()).isEqualTo("301");
                assertThat(o.broken()).isFalse();
            });
        }
    }

    /**
     * The bug: the Outlinks tab said "Not a URL" of every href that is no URL, where the
     * Broken links tab's Status says what is wrong with it. Both say it in the same words.
     */
    @Test
    void anOutlinkThatIsNoUrlSaysWhatIsWrongAsTheBrokenLinksTabDoes() throws Exception {
        server.route("/", LocalHttpServer.html("<a href=\"mailto:jane.example.test\">mail</a>"
                + "<a href=\"file:///C:/site/a.html\">file</a>"
                + "<a href=\"http://exa mple.test/\">bad</a><a href=/ok>ok</a>"));
        server.route("/ok", LocalHttpServer.html("fine"));
        Path file = crawl("hrefs.webprobe");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            UrlQuery query = new UrlQuery(reader);
            UrlDetails.Details home = new UrlDetails(reader).of(query.idOf(server.url("/")), 100);

            assertThat(home.outlinks()).extracting(UrlDetails.Outlink::url,
                    UrlDetails.Outlink::status, UrlDetails.Outlink::broken)
                    .containsExactlyInAnyOrder(
                            tuple("mailto:jane.example.test", BrokenLink.BAD_EMAIL_ADDRESS, true),
                            tuple("file:///C:/site/a.html", "file: link", true),
                            tuple("http://exa mple.test/", "Malformed URL", true),
                            tuple(server.url("/ok"), "200", false));
            for (BrokenLink b : reader.brokenLinks()) {
                assertThat(home.outlinks()).filteredOn(o -> o.url().equals(b.linkUrl()))
                        .extracting(UrlDetails.Outlink::status)
                        .containsExactly(b.notAUrlInBrief());
            }
            assertThat(reader.brokenLinks()).hasSize(3);
        }
    }
}
