package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.net.URI;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A site reached by a host name with an underscore ({@code a_b.localhost}, loopback as every
 * {@code *.localhost} name), which browsers load: java.net.URI gives no host for it, and the
 * crawl reported its start URL as an invalid URL. It is now crawled, its links followed, its
 * name sent as the Host header.
 */
class UnderscoreHostCrawlTest {
    private final LocalHttpServer site = new LocalHttpServer();
    private final Queue<String> hostHeaders = new ConcurrentLinkedQueue<>();

    @AfterEach
    void tearDown() {
        site.close();
    }

    private static Map<String, CrawlResult> crawl(CrawlPlan plan) throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.job(plan, events)) {
            job.start();
            events.awaitFinish();
        }
        return events.stored().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));
    }

    @Test
    void aSiteReachedByAnUnderscoreNameIsCrawledAndItsLinksFollowed() throws Exception {
        String root = "http://a_b.localhost:" + site.port() + "/";
        site.route("/", ex -> {
            hostHeaders.add(ex.getRequestHeaders().getFirst("Host"));
            html("<a href=\"/sub\">sub</a><a href=\"" + root + "abs\">abs</a>").handle(ex);
        });
        site.route("/sub", html("<a href=\"deeper\">deeper</a>"));
        site.route("/abs", html("abs"));
        site.route("/deeper", html("deeper"));

        Map<String, CrawlResult> rows = crawl(CrawlPlan.of(URI.create(root), "t"));

        for (String path : new String[] {"", "sub", "abs", "deeper"}) {
            assertThat(rows.get(root + path)).as(path).isNotNull()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(200));
        }
        assertThat(hostHeaders).containsExactly("a_b.localhost:" + site.port());
    }
}
