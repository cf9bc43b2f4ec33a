package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.HttpProbe;
import io.webprobe.http.ResponseBody;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A page of thousands of links hands them to the store a slice at a time as it is read
 * ({@link CrawlSink#visitedPart}), never all in one visit, so what a page holds in memory is
 * bounded by the slice, not by its links: and the crawl file still holds each of its links
 * once, in page order, with the page's count of them.
 */
class LinksInPartsTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** What the store was handed for the page: the size of each part, then of its visit. */
    private record Handed(List<Integer> parts, List<Integer> visits) {}

    /** The store's own sink, noting the links each part and visit of URL 1 hands it. */
    private static CrawlSink noting(CrawlSink real, Handed handed) {
        return (CrawlSink) Proxy.newProxyInstance(CrawlSink.class.getClassLoader(),
                new Class<?>[] {CrawlSink.class}, (proxy, method, args) -> {
                    if (method.getName().equals("visitedPart") && (long) args[0] == 1) {
                        handed.parts().add(((List<?>) args[2]).size());
                    } else if (method.getName().equals("visited")
                            && ((CrawlSink.Visit) args[0]).id() == 1) {
                        handed.visits().add(((CrawlSink.Visit) args[0]).links().size());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aPageOfThousandsOfLinksReachesTheStoreInSlicesEachLinkOnce() throws Exception {
        int distinct = LinkCollector.SLICE + 300;
        StringBuilder page = new StringBuilder("<html><body>\n");
        for (int round = 0; round < 2; round++) { // each link twice, the second in a later slice
            for (int i = 0; i < distinct; i++) {
                page.append("<a href=/t/").append(i).append(">link ").append(i).append("</a>\n");
            }
        }
        server.route("/", html(page.toString())); // every /t/ answers 404: a broken link each
        CrawlPlan plan = CrawlPlan.of(URI.create(server.url("/")), "Webprobe/test");
        Handed handed = new Handed(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        var events = new RecordingCrawlListener();
        try (CrawlStore store = CrawlStore.createTemporary(plan);
                HttpProbe probe = CrawlProbes.forPlan(plan, Duration.ofSeconds(5));
                CrawlJob job = CrawlJob.builder(plan, probe, noting(store.sink(), handed))
                        .listener(events).build()) {
            events.attach(store);
            job.start();
            events.awaitFinish();
        }

        // the second time round, a link is known by its target, not by the slice's keys
        assertThat(handed.parts()).containsExactly(LinkCollector.SLICE, 300);
        assertThat(handed.visits()).containsExactly(0);
        Map<String, CrawlResult> stored = events.stored().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));
        assertThat(stored).hasSize(distinct + 1);
        assertThat(stored.get(server.url("/")).outlinks()).isEqualTo(distinct);
        List<String> linked = events.broken.stream()
                .filter(l -> l.sourceUrl().equals(server.url("/")))
                .map(BrokenLink::linkUrl).toList();
        assertThat(linked).hasSize(distinct).doesNotHaveDuplicates()
                .contains(server.url("/t/0"), server.url("/t/" + (distinct - 1)));
    }

    /**
     * Links with long texts are handed over in slices of about {@link
     * LinkCollector#SLICE_CHARS} characters, not {@link LinkCollector#SLICE} links: a page
     * parsed whole, and one above the size read as a stream.
     */
    @ParameterizedTest
    @ValueSource(ints = {600, 1_200})
    void slicesOfLinksWithLongTextsAreBoundedByTheirCharacters(int links) {
        String text = "t".repeat(2_000);
        StringBuilder html = new StringBuilder("<html><body>\n");
        for (int i = 0; i < links; i++) {
            html.append("<a href=/t/").append(i).append('>').append(text).append("</a>\n");
        }
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        List<Integer> chars = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        LinkExtractor.Page page = new LinkExtractor().extract(ResponseBody.of(bytes),
                StandardCharsets.UTF_8, "http://127.0.0.1:1/", false, (slice, soFar) -> {
                    sizes.add(slice.size());
                    chars.add(slice.stream().mapToInt(l -> l.key().length()
                            + l.anchorText().length()).sum());
                });

        assertThat(bytes.length > LinkExtractor.STREAM_ABOVE).isEqualTo(links > 1_000);
        assertThat(chars).hasSizeGreaterThan(1).allSatisfy(n -> assertThat(n)
                .isBetween(LinkCollector.SLICE_CHARS, LinkCollector.SLICE_CHARS + 2_100));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum() + page.links().size())
                .isEqualTo(links);
    }
}
