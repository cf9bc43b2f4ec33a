package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.ui.crawl.VmHarness.done;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.store.TestLocks;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.ui.common.UiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A window looking at a crawl file that another Webprobe (a crawl on the command line, another
 * window) resumes, then is killed: the window notices that the file's writer is gone, not only
 * that the file changed, and shows the crawl as a killed crawl opened afresh shows it.
 */
class LookingWindowTest {
    @TempDir
    Path crawlsDir;

    @TempDir
    Path otherDir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final CountDownLatch release = new CountDownLatch(1);
    private VmHarness h;
    private VmHarness looking;
    private Process other;

    @AfterEach
    void tearDown() throws Exception {
        release.countDown();
        if (other != null) {
            other.destroyForcibly().waitFor();
        }
        for (VmHarness w : new VmHarness[] {h, looking}) {
            if (w != null) {
                w.close();
            }
        }
        server.close();
    }

    /**
     * Found walking through the crawl file's life: a window looked at a stopped crawl, a
     * command-line `crawl --resume` of it ran, and was killed with kill -9. The window went on
     * saying "running in another Webprobe" and showing the inlinks of the killed crawl's last
     * commit (its readers, made while the crawl ran, do not count those a kill leaves
     * unwritten), and offered "This crawl was stopped" with a Resume the other process's lock
     * refused while it ran. Now the offer goes while the other Webprobe holds the file; once it
     * is gone the window says so, counts the inlinks as a window opening the killed crawl
     * afresh does, offers Resume, and the resume finishes the crawl. Looking wrote nothing.
     */
    @Test
    void aWindowLookingAtACrawlNoticesThatTheWebprobeCrawlingItWasKilled() throws Exception {
        Path file = stoppedCrawl();
        looking = new VmHarness(otherDir, UiState.inMemory());
        done(looking.on(() -> looking.vm.openCrawl(file)));
        looking.awaitSettled();
        Map<String, Integer> inlinks = inlinks(looking.rows());
        assertThat(inlinks.values()).contains(1); // "/a", linked from "/"
        assertThat(offer()).isEqualTo("This crawl was stopped before it finished.");

        other = new ProcessBuilder("sleep", "60").start(); // the command-line crawl
        TestLocks.crawlingWithInlinksUnwritten(file, other);
        await(() -> looking.status().contains("(running in another Webprobe, "));
        assertThat(offer()).as("Resume would be refused while it holds the file").isEmpty();
        looking.awaitSettled();
        assertThat(inlinks(looking.rows()).values()).containsOnly(0); // as the file has them
        String bytes = digest(file);

        other.destroyForcibly().waitFor(); // kill -9
        await(() -> looking.status().contains("(interrupted, "));
        assertThat(looking.status()).startsWith("The Webprobe crawling " + file.getFileName()
                + " ended before its crawl did; what it crawled was read again (interrupted, ");
        await(() -> offer().equals("This crawl was interrupted before it finished."));
        assertThat(looking.on(() -> looking.vm.resumeActionProperty().get()))
                .isEqualTo(CrawlOpening.RESUME);
        looking.awaitSettled();
        assertThat(inlinks(looking.rows())).isEqualTo(inlinks);
        assertThat(digest(file)).as("looking writes nothing").isEqualTo(bytes);

        release.countDown();
        looking.run(looking.vm::resume);
        looking.awaitCrawlEnd();
        assertThat(looking.rows()).extracting(CrawlResult::url)
                .contains(server.url("/slow"), server.url("/b"));
    }

    /**
     * A window that opened the crawl read-only because another running Webprobe had it open
     * ("resume or re-check it there") opens it afresh once that Webprobe is killed: it may be
     * resumed here now.
     */
    @Test
    void aCrawlOpenedReadOnlyBecauseAnotherWebprobeHeldItIsOpenedAfreshOnceThatOneIsKilled()
            throws Exception {
        Path file = stoppedCrawl();
        other = new ProcessBuilder("sleep", "60").start(); // a window that stopped its crawl
        TestLocks.heldBy(file, other);
        looking = new VmHarness(otherDir, UiState.inMemory());
        done(looking.on(() -> looking.vm.openCrawl(file)));
        looking.awaitSettled();
        assertThat(looking.status()).endsWith("resume or re-check it there.");
        assertThat(offer()).isEmpty();

        other.destroyForcibly().waitFor();
        await(() -> offer().equals("This crawl was stopped before it finished."));
        assertThat(looking.status()).startsWith("Opened " + file.getFileName() + " (stopped, ");
        release.countDown();
        looking.run(looking.vm::resume);
        looking.awaitCrawlEnd();
        assertThat(looking.rows()).extracting(CrawlResult::url).contains(server.url("/b"));
    }

    /**
     * A crawl that a command-line crawl in another process is still crawling opens in a window
     * to read only (it was refused: "it can be read once its crawl has finished"), which
     * follows it; killed, the crawl is opened afresh, with its inlinks counted and Resume
     * offered.
     */
    @Test
    void aCrawlRunningInAnotherWebprobeOpensToFollowAndIsOfferedForResumeOnceThatOneIsKilled()
            throws Exception {
        Path file = stoppedCrawl();
        Map<String, Integer> inlinks;
        try (var store = io.webprobe.store.CrawlStore.open(file,
                io.webprobe.store.CrawlStore.Access.READ_ONLY); var reader = store.reader()) {
            inlinks = inlinks(reader.results());
        }
        other = new ProcessBuilder("sleep", "60").start(); // the command-line crawl
        TestLocks.crawlingWithInlinksUnwritten(file, other);
        looking = new VmHarness(otherDir, UiState.inMemory());
        done(looking.on(() -> looking.vm.openCrawl(file)));
        looking.awaitSettled();
        assertThat(looking.status()).startsWith("Opened " + file.getFileName()
                + " (running in another Webprobe, ").endsWith("). Another running Webprobe is "
                + "crawling it, so it was opened here to read only; what it crawls is shown as "
                + "it goes.");
        assertThat(offer()).isEmpty();
        assertThat(inlinks(looking.rows()).values()).containsOnly(0); // as the file has them

        other.destroyForcibly().waitFor(); // kill -9
        await(() -> offer().equals("This crawl was interrupted before it finished."));
        assertThat(looking.status()).startsWith("Opened " + file.getFileName()
                + " (interrupted, ");
        looking.awaitSettled();
        assertThat(inlinks(looking.rows())).isEqualTo(inlinks);
        release.countDown();
        looking.run(looking.vm::resume);
        looking.awaitCrawlEnd();
        assertThat(looking.rows()).extracting(CrawlResult::url)
                .contains(server.url("/slow"), server.url("/b"));
    }

    /**
     * A crawl of "/" linking to "/a", which links to "/slow" (held until {@link #release})
     * and "/b", stopped while "/slow" was held: its file, closed.
     */
    private Path stoppedCrawl() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.route("/", html("<a href=\"/a\">a</a>"));
        server.route("/a", html("<a href=\"/slow\">slow</a><a href=\"/b\">b</a>"));
        server.route("/slow", LocalHttpServer.blockUntil(release, arrived, "late"));
        server.route("/b", html("b"));
        h = new VmHarness(crawlsDir, UiState.inMemory());
        h.run(() -> h.vm.threadsProperty().set(1)); // "/b" waits behind "/slow"
        h.start(server.url("/"));
        // the first crawl of the test's JVM (cold): as long as any crawl is waited for here
        assertThat(arrived.await(VmHarness.CRAWL_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        h.run(h.vm::stop);
        h.awaitCrawlEnd();
        Path file = h.on(() -> h.vm.fileProperty().get());
        h.close();
        h = null;
        return file;
    }

    private String offer() throws Exception {
        return looking.on(() -> looking.vm.resumeOfferProperty().get());
    }

    private static Map<String, Integer> inlinks(List<CrawlResult> rows) {
        return rows.stream().collect(Collectors.toMap(CrawlResult::url, CrawlResult::inlinks));
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(VmHarness.CRAWL_WAIT)
                .pollInterval(java.time.Duration.ofMillis(20)).until(condition);
    }
}
