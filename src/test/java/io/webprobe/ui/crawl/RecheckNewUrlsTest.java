package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.common.UiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A re-check of a finished crawl that finds new URLs (a fixed page's links) says how many, and
 * the crawl is offered to crawl them: before, they were stored queued and nothing fetched
 * them, a finished crawl offering no Resume.
 */
class RecheckNewUrlsTest {
    @TempDir
    Path crawlsDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final UiState memory = UiState.inMemory();
    private VmHarness h;
    private CrawlViewModel vm;

    @AfterEach
    void tearDown() throws Exception {
        if (h != null) {
            h.close();
        }
        server.close();
    }

    private void open() throws Exception {
        h = new VmHarness(crawlsDir, memory);
        vm = h.vm;
    }

    /** A finished crawl whose /fixme answered 404; the page is then fixed, with new links. */
    private void crawlThenFix() throws Exception {
        server.route("/", html("<a href=\"/fixme\">fix me</a>"));
        server.route("/fixme", LocalHttpServer.status(404));
        open();
        assertThat(h.start(server.url("/"))).isTrue();
        h.awaitCrawlEnd();
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        server.route("/fixme", html("<title>Fixed</title><a href=\"/new\">new</a>"
                + "<a href=\"/other\">other</a>"));
        server.route("/new", html("<title>New</title><a href=\"/newer\">newer</a>"));
        server.route("/other", html("<title>Other</title>"));
        server.route("/newer", html("<title>Newer</title>"));
    }

    private void recheck(String path) throws Exception {
        CompletableFuture<long[]> ids = new CompletableFuture<>();
        h.run(() -> vm.idsOf(List.of(server.url(path)), ids::complete));
        long id = done(ids)[0];
        h.run(() -> vm.recheck(new long[] {id}));
        org.awaitility.Awaitility.await().atMost(VmHarness.CRAWL_WAIT)
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> h.status().startsWith("Re-checked"));
        h.awaitSettled();
    }

    @Test
    void aRecheckThatFindsNewUrlsSaysSoAndOffersToCrawlThem() throws Exception {
        crawlThenFix();

        recheck("/fixme");

        assertThat(h.status()).isEqualTo("Re-checked " + server.url("/fixme")
                + ": 200, no longer broken. Found 2 new URLs, not crawled yet.");
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEqualTo(
                "Re-checking found 2 new URLs that this finished crawl has not fetched.");
        assertThat(h.on(() -> vm.resumeActionProperty().get())).isEqualTo("Crawl them");
        assertThat(server.hits("/new")).isZero();

        h.run(vm::resume);
        h.awaitCrawlEnd();

        assertThat(h.status()).startsWith("Finished");
        assertThat(h.rows()).extracting(CrawlResult::url).contains(server.url("/new"),
                server.url("/other"), server.url("/newer"));
        assertThat(h.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(server.hits("/new")).isEqualTo(1);
        assertThat(server.hits("/newer")).isEqualTo(1);
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.settingsLockedProperty().get())).isFalse();
    }

    /** Declined, the offer comes back when the file is opened again, with the count. */
    @Test
    void aFinishedCrawlOpenedWithNewUrlsFromARecheckIsOfferedToCrawlThem() throws Exception {
        crawlThenFix();
        recheck("/fixme");
        Path file = h.on(() -> vm.fileProperty().get());
        h.run(vm::declineResume);
        h.close();

        open();
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();

        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEqualTo("This crawl "
                + "finished, but re-checking found 2 new URLs since that it has not fetched.");
        assertThat(h.on(() -> vm.resumeActionProperty().get())).isEqualTo("Crawl them");
        h.run(vm::resume);
        h.awaitCrawlEnd();
        assertThat(h.status()).startsWith("Finished");
        assertThat(server.hits("/newer")).isEqualTo(1);
    }

    /**
     * A finished crawl opened to look at is not written until a re-check asks: then it takes
     * the file (another open of it is refused) and writes the result.
     */
    @Test
    void aCrawlOpenedToLookAtIsWrittenOnlyOnceARecheckAsks() throws Exception {
        crawlThenFix();
        Path file = h.on(() -> vm.fileProperty().get());
        h.close();
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, old);

        open();
        done(h.on(() -> vm.openCrawl(file)));
        h.awaitSettled();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);

        recheck("/fixme");

        assertThat(h.status()).startsWith("Re-checked " + server.url("/fixme") + ": 200");
        // the result is in the file as another program reads it, once the re-check says so.
        // Not its modified time: a file closed while a reader of the window still read it
        // (the crawl's end reading its other sites, under load) stays in WAL mode, and then
        // the write goes to its write-ahead log and reaches the file's own bytes only at a
        // later checkpoint or at the close (that failed 1 in ~10 loaded suite runs)
        assertThat(statusInFile(file, server.url("/fixme"))).isEqualTo(200);
        assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                .hasMessage(file + " is open in this Webprobe already; close it there first.");
        h.close();
        h = null;
        assertThat(Files.getLastModifiedTime(file)).isNotEqualTo(old);
        assertThat(statusInFile(file, server.url("/fixme"))).isEqualTo(200);
    }

    /** The status stored for this URL, read by a connection of its own, as sqlite3 would. */
    private static int statusInFile(Path file, String url) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT status FROM urls WHERE url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a row for " + url).isTrue();
                return rs.getInt(1);
            }
        }
    }

    /** A re-check that finds nothing new leaves a finished crawl as it was: no offer. */
    @Test
    void aRecheckThatFindsNothingNewOffersNothing() throws Exception {
        crawlThenFix();
        server.route("/fixme", html("<title>Fixed</title><a href=\"/\">home</a>"));

        recheck("/fixme");

        assertThat(h.status()).isEqualTo("Re-checked " + server.url("/fixme")
                + ": 200, no longer broken.");
        assertThat(h.on(() -> vm.resumeOfferProperty().get())).isEmpty();
        assertThat(h.on(() -> vm.resumeActionProperty().get())).isEqualTo("Resume");
    }
}
