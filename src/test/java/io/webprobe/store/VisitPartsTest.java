package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlSink;
import io.webprobe.crawl.CrawlSink.LinkRow;
import io.webprobe.crawl.CrawlSink.NewUrl;
import io.webprobe.crawl.CrawlState;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's links written in parts ahead of its visit ({@link CrawlSink#visitedPart}): the
 * file holds them in page order with the visit's own after them, and a crawl stopped between
 * a part and the visit leaves the page queued, its next visit replacing what the parts wrote.
 */
class VisitPartsTest {
    private static final String SITE = "http://127.0.0.1:8080/";

    @TempDir
    Path dir;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create(SITE), "Webprobe/test");
    }

    private static NewUrl url(long id) {
        return new NewUrl(id, SITE + id, SITE + id, id == 1 ? 0 : 1, id == 1 ? 0 : 1, false,
                id == 1, false, null);
    }

    private static LinkRow link(long target) {
        return new LinkRow(target, "a", "to " + target, false, null);
    }

    private static CrawlSink.Visit visit(List<NewUrl> discovered, List<LinkRow> links) {
        return new CrawlSink.Visit(1, CrawlResult.builder(SITE + 1).status(200).build(),
                List.of(), 0, discovered, links, List.of(), false);
    }

    /** The targets of page 1's links in position order, its state and whether it is partial. */
    private static List<String> page1(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT pos, target_id FROM links WHERE source_id = 1 "
                    + "ORDER BY pos")) {
                while (rs.next()) {
                    out.add(rs.getInt(1) + ":" + rs.getLong(2));
                }
            }
            try (var rs = s.executeQuery("SELECT state, flags & " + Schema.LINKS_PARTIAL
                    + ", (SELECT SUM(inlinks) FROM urls) FROM urls WHERE id = 1")) {
                rs.next();
                out.add("state " + rs.getInt(1) + (rs.getInt(2) != 0 ? " partial" : "")
                        + " inlinks " + rs.getLong(3));
            }
        }
        return out;
    }

    @Test
    void aVisitInPartsKeepsItsLinksInPageOrder() throws Exception {
        Path file = dir.resolve("parts.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            CrawlSink sink = store.sink();
            sink.discovered(List.of(url(1)));
            sink.visitedPart(1, List.of(url(2), url(3)), List.of(link(2), link(3)));
            sink.visitedPart(1, List.of(url(4)), List.of(link(4)));
            sink.visited(visit(List.of(url(5)), List.of(link(5))));
            sink.state(CrawlState.FINISHED, Duration.ofSeconds(1));
        }

        assertThat(page1(file)).containsExactly("0:2", "1:3", "2:4", "3:5", "state 1 inlinks 4");
    }

    @Test
    void aPageStoppedBetweenItsPartsIsVisitedAgainAndItsLinksReplaced() throws Exception {
        Path file = dir.resolve("stopped.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            CrawlSink sink = store.sink();
            sink.discovered(List.of(url(1)));
            sink.visitedPart(1, List.of(url(2), url(3)), List.of(link(2), link(3)));
            sink.state(CrawlState.STOPPED, Duration.ofSeconds(1));
        }
        assertThat(page1(file)).containsExactly("0:2", "1:3", "state 0 partial inlinks 2");

        // resumed, the page is still to fetch; now it has fewer links, not read in parts
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.resumeState().toFetch()).isEqualTo(3);
            store.sink().visited(visit(List.of(), List.of(link(3))));
            store.sink().flush().get(30, TimeUnit.SECONDS);
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(2));
        }
        assertThat(page1(file)).containsExactly("0:3", "state 1 inlinks 1");
    }

    @Test
    void aPageStoppedBetweenItsPartsAndReadInPartsAgainKeepsOnlyTheNewParts() throws Exception {
        Path file = dir.resolve("again.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            CrawlSink sink = store.sink();
            sink.discovered(List.of(url(1)));
            sink.visitedPart(1, List.of(url(2), url(3)), List.of(link(2), link(3)));
            sink.state(CrawlState.STOPPED, Duration.ofSeconds(1));
        }

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            store.sink().visitedPart(1, List.of(), List.of(link(3), link(2)));
            store.sink().visited(visit(List.of(), List.of()));
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(2));
        }
        assertThat(page1(file)).containsExactly("0:3", "1:2", "state 1 inlinks 2");
    }

    /** The store's queue counts a link's long text as rows, as it counts header bytes. */
    @Test
    void longLinkTextsTakeRoomInTheQueueAsRows() {
        String text = "t".repeat(StoreWriter.ROW_BYTES * 10);
        List<LinkRow> links = List.of(new LinkRow(2, "a", text, false, null),
                new LinkRow(3, "a", "", false, null));

        assertThat(new Op.VisitedPart(1, List.of(), links, 0).rows()).isEqualTo(1 + 2 + 10);
        assertThat(new Op.Visited(visit(List.of(), links), 0).rows()).isEqualTo(2 + 2 + 10);
    }
}
