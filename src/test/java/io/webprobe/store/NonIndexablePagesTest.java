package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.http.ContentTypes;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.WorkspaceSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: the overview and its filter said "Non-indexable 2" (the noindex and canonicalised
 * pages) while the CSV had indexable=false on 17 rows (404s, redirects, a stylesheet, an
 * image). One rule, two names: the CSV's {@code indexable} is false for every URL that is not
 * an indexable page; the overview's "Non-indexable pages" counts the site's HTML pages
 * answering 200 among them.
 */
class NonIndexablePagesTest {
    @TempDir
    Path dir;

    @Test
    void theFilterListsTheSitesHtmlPagesTheCsvCallsNotIndexable() throws Exception {
        assertThat(UrlFilter.NON_INDEXABLE.label()).isEqualTo("Non-indexable pages");
        try (LocalHttpServer server = new LocalHttpServer()) {
            WorkspaceSite site = new WorkspaceSite(server);
            Path file = site.crawlInto(dir.resolve("site.webprobe"));
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                    CrawlReader reader = store.reader()) {
                List<CrawlResult> rows = reader.results();
                Set<String> csvFalse = rows.stream().filter(r -> !r.indexable())
                        .map(r -> path(site, r)).collect(Collectors.toSet());
                Set<String> pagesFalse = rows.stream().filter(r -> !r.indexable()
                        && !r.external() && r.status() == 200 && r.redirectTo().isEmpty()
                        && ContentTypes.isHtml(r.contentType()))
                        .map(r -> path(site, r)).collect(Collectors.toSet());
                UrlQuery query = new UrlQuery(reader);
                Set<String> listed = query.urls(query.ids(new UrlQuery.Request(
                        UrlFilter.NON_INDEXABLE, "", UrlField.SEQ, false)).ids()).stream()
                        .map(u -> u.substring(site.url("").length()))
                        .collect(Collectors.toSet());

                assertThat(listed).isEqualTo(pagesFalse)
                        .containsExactlyInAnyOrder("/noindex", "/canon");
                // the CSV's false: those, and URLs that are no indexable page at all
                assertThat(csvFalse).containsAll(listed)
                        .contains("/missing", "/err", "/old", "/style.css", "/img.png");
            }
        }
    }

    private static String path(WorkspaceSite site, CrawlResult r) {
        return r.url().substring(site.url("").length());
    }
}
