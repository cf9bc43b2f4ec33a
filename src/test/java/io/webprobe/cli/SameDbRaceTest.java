package io.webprobe.cli;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.LocalHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls started in the same instant with the same new --db: one crawls, and each other one
 * is refused in one sentence naming the crawl that has the file, exit 2. Seen: the others
 * found the file the first was still making, empty, and said to delete it.
 */
class SameDbRaceTest {
    private static final int CRAWLS = 4;
    private final LocalHttpServer server = new LocalHttpServer();
    private final List<ChildCli> crawls = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        for (ChildCli c : crawls) {
            c.kill();
        }
        server.close();
    }

    @Test
    void theOthersAreToldTheFileIsInUseAndTheFirstCrawlsOn() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/a\">a</a>"));
        server.route("/a", html("<title>A</title>"));
        CountDownLatch release = new CountDownLatch(1);
        server.holdAfter(0, release); // the crawl that has the file goes on running meanwhile
        Path db = dir.resolve("same.webprobe");
        for (int i = 0; i < CRAWLS; i++) {
            crawls.add(ChildCli.start(dir, "crawl" + i, "crawl", server.url("/"), "--quiet",
                    "--threads", "1", "--db", db.toString()));
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> crawls.stream()
                .filter(c -> !c.process().isAlive()).count() >= CRAWLS - 1);
        ChildCli first = crawls.stream().filter(c -> c.process().isAlive()).findFirst()
                .orElse(null);
        assertThat(first).as("one crawl runs on: %s", logs()).isNotNull();
        for (ChildCli other : crawls) {
            if (other != first) {
                assertEquals(2, other.exitCode(), other.log());
                assertThat(other.log()).isEqualTo("webprobe: A file named " + db + " already "
                        + "exists, open in another running Webprobe (process "
                        + first.process().pid() + "); choose another name.\n");
            }
        }
        release.countDown();

        assertEquals(0, first.exitCode(), first.log());
        try (CrawlStore store = CrawlStore.open(db, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().state()).isEqualTo(CrawlState.FINISHED);
        }
        assertThat(server.hits("/")).isEqualTo(1); // the others sent nothing
        assertThat(server.hits("/a")).isEqualTo(1);
        try (var files = Files.list(dir)) { // nothing else made beside it, nor left
            assertThat(files.map(f -> f.getFileName().toString())
                    .filter(f -> !f.endsWith(".log"))).containsExactly("same.webprobe");
        }
    }

    private String logs() throws Exception {
        StringBuilder all = new StringBuilder();
        for (ChildCli c : crawls) {
            all.append(c.log());
        }
        return all.toString();
    }
}
