package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: a list check was named as a crawl of its first URL's host, in the crawls folder
 * ("example.com-2026-12-07-150203.webprobe") and so in File › Recent crawls, where nothing
 * told it from a crawl of that site. Its file is named as a list, and a glance of it says how
 * many URLs it lists and the hosts of its first ones.
 */
class ListCrawlNameTest {
    @TempDir
    Path dir;

    @Test
    void aListCheckIsNamedAsAListInTheCrawlsFolderAndAtAGlance() throws Exception {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            urls.add(URI.create((i % 3 == 2 ? "https://cdn.example.net/" : "http://example.com/")
                    + "p" + i));
        }
        urls.add(URI.create("http://late.example.org/"));
        CrawlPlan list = CrawlPlan.ofList(urls, "Webprobe/test");
        Instant at = Instant.parse("2026-12-07T15:02:03Z");

        Path file;
        try (CrawlStore store = CrawlFiles.createNew(dir, list, at, ZoneOffset.UTC,
                dir.resolve("tmp")).store()) {
            file = store.file();
        }
        assertThat(file.getFileName().toString())
                .isEqualTo("list-26-urls-example.com-2026-12-07-150203.webprobe");
        CrawlStore.Glance g = CrawlStore.glance(file);
        assertThat(g.isList()).isTrue();
        assertThat(g.listed()).isEqualTo(26);
        // the first 20 URLs' hosts, each once: the 26th's is not read
        assertThat(g.listHosts()).containsExactly("example.com", "cdn.example.net");

        CrawlPlan site = CrawlPlan.of(URI.create("http://example.com/"), "Webprobe/test");
        try (CrawlStore store = CrawlFiles.createNew(dir, site, at, ZoneOffset.UTC,
                dir.resolve("tmp")).store()) {
            file = store.file();
        }
        assertThat(file.getFileName().toString())
                .isEqualTo("example.com-2026-12-07-150203.webprobe");
        assertThat(CrawlStore.glance(file).isList()).isFalse();
        assertThat(CrawlStore.glance(file).listHosts()).isEmpty();
    }
}
