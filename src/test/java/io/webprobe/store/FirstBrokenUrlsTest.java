package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrawlReader#firstBrokenUrls} counts in SQL what reading every broken link ({@link
 * CrawlReader#forEachBrokenLink}) and grouping them by URL gives: the same URLs in the same
 * order (those fetched first, then hrefs that are no URL), each with the same first link, the same number of links and pages, and whether a
 * sitemap lists it, through redirect chains, hrefs that are not URLs, sitemaps and lists.
 */
class FirstBrokenUrlsTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void close() {
        server.close();
    }

    private Path crawl(CrawlPlan plan) throws Exception {
        Path file = dir.resolve("crawl.webprobe");
        StoredCrawls.crawlInto(file, plan);
        return file;
    }

    /** The broken URLs as every broken link, read and grouped in Java, gives them. */
    private static List<CrawlReader.BrokenUrl> grouped(CrawlReader reader) throws Exception {
        Map<String, BrokenLink> first = new LinkedHashMap<>();
        Map<String, Long> links = new LinkedHashMap<>();
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        Set<String> inSitemap = new HashSet<>();
        reader.forEachBrokenLink(l -> {
            first.putIfAbsent(l.linkUrl(), l);
            links.merge(l.linkUrl(), 1L, Long::sum);
            Set<String> p = pages.computeIfAbsent(l.linkUrl(), u -> new HashSet<>());
            if (l.sourceUrl().equals(CrawlReader.SITEMAP_SOURCE)) {
                inSitemap.add(l.linkUrl());
            } else {
                p.add(l.sourceUrl());
            }
        });
        List<CrawlReader.BrokenUrl> out = new ArrayList<>();
        first.forEach((url, l) -> out.add(new CrawlReader.BrokenUrl(l, links.get(url),
                pages.get(url).size(), inSitemap.contains(url))));
        // URLs that were fetched first, then hrefs that are no URL, each in the links' order
        out.sort(java.util.Comparator.comparing(u -> u.first().notAUrl()));
        return out;
    }

    @Test
    void aSiteCrawlsBrokenUrlsAreCountedAsReadingEveryLinkCountsThem() throws Exception {
        StringBuilder home = new StringBuilder("<a href=/gone>g</a><a href=#top>top</a>");
        for (int i = 0; i < 6; i++) {
            home.append("<a href=/p").append(i).append(">p</a>");
            // every page: the same broken URL twice, a chain ending in a 404, a redirect to a
            // page that answers, an href that is not a URL, and a broken URL of its own
            server.route("/p" + i, LocalHttpServer.html("<a href=/gone>g</a>"
                    + "<a href=/p" + i + "#self>me</a><img src=/gone>"
                    + "<a href=/old>o</a><a href=/moved>m</a><a href='http://[bad'>b</a>"
                    + "<a href=/x" + i + ">x</a><a href=/x" + (i + 1) % 6 + ">y</a>"));
        }
        server.route("/", LocalHttpServer.html(home.toString()));
        server.route("/old", LocalHttpServer.redirect(301, "/older"));
        server.route("/older", LocalHttpServer.redirect(302, "/missing"));
        server.route("/moved", LocalHttpServer.redirect(301, "/fine"));
        server.route("/fine", LocalHttpServer.html("fine"));
        server.route("/sitemap.xml", LocalHttpServer.respond(200, "application/xml",
                "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
                + "<url><loc>" + server.url("/gone") + "</loc></url>"
                + "<url><loc>" + server.url("/listed-only") + "</loc></url>"
                + "<url><loc>" + server.url("/fine") + "</loc></url></urlset>"));
        Path file = crawl(CrawlPlan.builder(URI.create(server.url("/")), "Webprobe/test")
                .useSitemaps(true).threads(3).build());
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            List<CrawlReader.BrokenUrl> all = grouped(reader);
            assertThat(all).extracting(u -> u.first().linkUrl()).contains(server.url("/gone"),
                    server.url("/old"), "http://[bad", server.url("/listed-only"),
                    server.url("/x0")).doesNotContain(server.url("/moved"));
            // the href that is no URL, linked before /x0 and /x1, is listed after them
            assertThat(all.get(all.size() - 1).first().linkUrl()).isEqualTo("http://[bad");
            assertThat(reader.firstBrokenUrls(100)).isEqualTo(all);
            assertThat(reader.firstBrokenUrls(3)).isEqualTo(all.subList(0, 3));
            assertThat(reader.firstBrokenUrls(all.size() - 1))
                    .isEqualTo(all.subList(0, all.size() - 1));
            CrawlReader.BrokenUrl gone = all.get(0);
            assertThat(gone.first().linkUrl()).isEqualTo(server.url("/gone"));
            // a page's links to one URL are one link (its first), and the sitemap's
            assertThat(gone.links()).isEqualTo(1 + 6 + 1);
            assertThat(gone.pages()).isEqualTo(7);
            assertThat(gone.inSitemap()).isTrue();
        }
    }

    @Test
    void aListChecksBrokenUrlsAreCountedAsReadingEveryLinkCountsThem() throws Exception {
        server.route("/r1", LocalHttpServer.redirect(301, "/missing"));
        server.route("/old", LocalHttpServer.redirect(301, "/ok"));
        server.route("/ok", LocalHttpServer.html("fine"));
        List<URI> urls = java.util.stream.Stream.of("/r1", "/missing", "/old", "/gone")
                .map(p -> URI.create(server.url(p))).toList();
        Path file = crawl(CrawlPlan.ofList(urls, "Webprobe/test"));
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            List<CrawlReader.BrokenUrl> all = grouped(reader);
            assertThat(all).extracting(u -> u.first().linkUrl()).containsExactlyInAnyOrder(
                    server.url("/r1"), server.url("/missing"), server.url("/gone"));
            assertThat(reader.firstBrokenUrls(10)).isEqualTo(all);
        }
    }
}
