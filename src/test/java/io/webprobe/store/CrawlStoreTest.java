package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.Politeness;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Creating and opening crawl files: what is kept, and every refusal (one plain sentence, the
 * file left exactly as it was).
 */
class CrawlStoreTest {
    @TempDir
    Path dir;

    private static CrawlPlan plan() {
        return CrawlPlan.of(URI.create("http://127.0.0.1:8080/docs/"), "Webprobe/test")
                .withThreads(3)
                .withMaxDepth(4)
                .withSitemaps(true)
                .withScope(CrawlScope.DEFAULT.withInclude(List.of(Pattern.compile("/docs/")))
                        .withExclude(List.of(Pattern.compile("\\?print"), Pattern.compile("#x"))))
                .withPoliteness(Politeness.DEFAULT.withDelay(Duration.ofMillis(250)));
    }

    private Path stored() throws Exception {
        Path file = dir.resolve("crawl.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.sink().state(CrawlState.STOPPED, Duration.ofSeconds(7));
        }
        return file;
    }

    /**
     * File › Recent crawls and the interrupted-crawl hint glance at the crawls folder's files:
     * one left in WAL mode without its side files (its last close could not switch it back to
     * one file) keeps neither its bytes' time changed nor a -wal or -shm made beside it.
     */
    @Test
    void aGlanceAtAFileInWalModeLeavesItAsItWas() throws Exception {
        Path file = stored();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
        }
        FileTime old = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, old);
        String before = digest(file);

        assertThat(CrawlStore.glance(file).state()).isEqualTo("stopped");
        assertThat(CrawlStore.interrupted(file)).isFalse();

        try (var files = Files.list(dir)) {
            assertThat(files.toList()).containsExactly(file);
        }
        assertThat(digest(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    private static String digest(Path file) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aCrawlFileKeepsThePlanAndTheStateAndIsOneFileWhenClosed() throws Exception {
        Path file = stored();

        assertThat(Files.exists(Path.of(file + "-wal"))).isFalse();
        assertThat(Files.exists(Path.of(file + "-shm"))).isFalse();
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            CrawlPlan p = store.plan();
            assertThat(p.startUrl()).isEqualTo(plan().startUrl());
            assertThat(p.threads()).isEqualTo(3);
            assertThat(p.maxDepth()).isEqualTo(4);
            assertThat(p.useSitemaps()).isTrue();
            assertThat(p.scope().include()).extracting(Pattern::pattern).containsExactly("/docs/");
            assertThat(p.scope().exclude()).extracting(Pattern::pattern)
                    .containsExactly("\\?print", "#x");
            assertThat(p.politeness().delay()).isEqualTo(Duration.ofMillis(250));
            assertThat(store.info().state()).isEqualTo(CrawlState.STOPPED);
            assertThat(store.info().interrupted()).isFalse();
            assertThat(store.info().elapsed()).isEqualTo(Duration.ofSeconds(7));
            assertThat(store.info().readOnly()).isTrue();
        }
    }

    /**
     * A start or list URL typed with a stray "%" is kept as asked ({@code /100%.html}), so a
     * resumed crawl asks it so again; an older file's {@code /100%25.html} reads as before.
     */
    @Test
    void aCrawlFileKeepsStartAndListUrlsAsAsked() throws Exception {
        String typed = "http://127.0.0.1:8080/100%.html#top";
        CrawlPlan crawl = CrawlPlan.builder(io.webprobe.http.UrlSyntax.parseUserUrl(typed), "t")
                .typedAs(typed).build();
        var list = io.webprobe.ping.TargetList.parse(
                "127.0.0.1:8080/a%zz\n127.0.0.1:8080/b%25zz\n127.0.0.1:8080/c|d");
        CrawlPlan check = CrawlPlan.builder(list.urls().get(0), "t").list(list.urls())
                .requestTargets(list.requestTargets()).build();

        for (CrawlPlan plan : List.of(crawl, check)) {
            Path file = dir.resolve(plan.isList() + ".webprobe");
            CrawlStore.create(file, plan).close();
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
                assertThat(store.plan()).isEqualTo(plan);
            }
        }
        assertThat(crawl.startRequestUrls()).containsExactly("http://127.0.0.1:8080/100%.html");
        assertThat(crawl.startUrl()).hasToString("http://127.0.0.1:8080/100%25.html#top");
        assertThat(check.startRequestUrls()).containsExactly("http://127.0.0.1:8080/a%zz",
                "http://127.0.0.1:8080/b%25zz", "http://127.0.0.1:8080/c|d");
        assertThat(PlanCodec.decode(java.util.Map.of("plan.start_url",
                "http://127.0.0.1:8080/100%25.html")).startRequestUrls())
                .containsExactly("http://127.0.0.1:8080/100%25.html");
    }

    /**
     * ADR 0031: the request headers that hold no secret are kept with the plan, whole (one that
     * takes a header away or is sent empty too); of those that may hold a password the file
     * keeps the names only, which a plan read from it knows it lacks. A plan changed in a
     * resume ({@code planChanged}) with fewer headers leaves none of the old ones behind.
     */
    @Test
    void theFileKeepsTheHeadersThatHoldNoSecretAndOnlyTheOthersNames() throws Exception {
        io.webprobe.crawl.SiteHeaders sent = io.webprobe.crawl.SiteHeaders.parse(List.of(
                "X-Env: staging", "Authorization: Bearer tok-5521", "Accept:", "X-Debug;",
                "X-Api-Key: key-8830", "Cookie: sid=77aa"));
        Path file = dir.resolve("headers.webprobe");
        CrawlStore.create(file, plan().withSiteHeaders(sent)).close();

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            io.webprobe.crawl.SiteHeaders read = store.plan().siteHeaders();
            assertThat(read.headers()).extracting(io.webprobe.http.Header::line)
                    .containsExactly("X-Env: staging", "Accept:", "X-Debug;");
            assertThat(read.withheld()).containsExactly("Authorization", "X-Api-Key", "Cookie");
            assertThat(read.withheldClause()).isEqualTo("its Authorization, X-Api-Key and "
                    + "Cookie headers, which are not kept on disk");
            assertThat(read.plus(sent).withheld()).as("given again").isEmpty();
        }
        String bytes = new String(Files.readAllBytes(file),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("X-Env: staging").doesNotContain("tok-5521", "key-8830",
                "77aa");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT key, value FROM meta WHERE key "
                        + "LIKE 'plan.header%' ORDER BY key")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(rows).containsExactly("plan.headers=X-Env: staging\nAccept:\nX-Debug;",
                    "plan.headers_not_kept=Authorization\nX-Api-Key\nCookie");
        }

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            store.sink().planChanged(plan());
            store.sink().flush().get(10, TimeUnit.SECONDS);
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.plan().siteHeaders()).isEqualTo(io.webprobe.crawl.SiteHeaders.NONE);
        }
    }

    /** A file from before ADR 0031's keys reads as one that sent no header. */
    @Test
    void aFileWithoutTheHeaderKeysSentNone() {
        assertThat(PlanCodec.decode(java.util.Map.of("plan.start_url", "http://127.0.0.1:8080/"))
                .siteHeaders()).isEqualTo(io.webprobe.crawl.SiteHeaders.NONE);
    }

    @Test
    void theWriterRunsAtTheNormalPriorityWhicheverThreadOpenedTheFile() throws Exception {
        Path file = dir.resolve("low.webprobe");
        java.util.concurrent.CompletableFuture<Integer> priority =
                new java.util.concurrent.CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try (CrawlStore store = CrawlStore.create(file, plan())) {
                store.sink();
                priority.complete(Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> t.getName().equals("store-writer"))
                        .mapToInt(Thread::getPriority).min().orElse(-1));
            } catch (Exception | Error e) {
                priority.completeExceptionally(e);
            }
        }, "opener");
        opener.setPriority(Thread.MIN_PRIORITY);
        opener.start();

        // the crawl's workers run below it and wait for it (ADR 0013)
        assertThat(priority.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(Thread.NORM_PRIORITY);
        opener.join(30_000); // the file is closed before its folder is removed
        assertThat(opener.isAlive()).isFalse();
    }

    /**
     * A finished crawl that a re-check found new URLs for: what a resume has to fetch is
     * counted once per resume (each count scans every row; crawl --resume asked three times,
     * 0.3 s a million rows), however often the command line and the job ask; the next resume
     * counts again.
     */
    @Test
    void aResumeCountsTheUrlsLeftToFetchOnce() throws Exception {
        Path file = dir.resolve("rechecked.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.sink().discovered(List.of(queued(1), queued(2)));
            store.sink().state(CrawlState.FINISHED, Duration.ofSeconds(3));
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            io.webprobe.crawl.ResumeState resume = store.resumeState();
            assertThat(resume.finished()).isFalse();
            assertThat(resume.toFetch()).isEqualTo(2);

            store.sink().discovered(List.of(queued(3))); // as the resumed crawl goes on
            store.sink().flush().get(30, TimeUnit.SECONDS);

            assertThat(resume.toFetch()).isEqualTo(2); // not counted again
            assertThat(resume.finished()).isFalse();
            assertThat(store.resumeState().toFetch()).isEqualTo(3);
        }
    }

    private static io.webprobe.crawl.CrawlSink.NewUrl queued(long id) {
        String url = "http://127.0.0.1:8080/docs/" + id;
        return new io.webprobe.crawl.CrawlSink.NewUrl(id, url, url, 1, 0, false, false, false,
                null);
    }

    @Test
    void aCrawlResumedInTheSameWindowStartsFromWhatItsLastRunWrote() throws Exception {
        // the GUI keeps the file open: Stop, then Resume, reads where the crawl stood then,
        // not when the file was opened (the clock went back to 0 and pages/s came out 5-10x)
        Path file = stored(); // stopped at 7 s
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.resumeState().elapsedBefore()).isEqualTo(Duration.ofSeconds(7));
            store.sink().siteHost("www.example.test:8080");
            store.sink().sitemapsRead();
            store.sink().state(CrawlState.STOPPED, Duration.ofSeconds(31));
            store.sink().flush().get(30, TimeUnit.SECONDS);

            io.webprobe.crawl.ResumeState again = store.resumeState();
            assertThat(again.elapsedBefore()).isEqualTo(Duration.ofSeconds(31));
            assertThat(again.siteHosts()).contains("www.example.test:8080");
            assertThat(again.sitemapsRead()).isTrue();
        }
    }

    @Test
    void aResumedCrawlCountsEveryBlockedPageOfTheSiteInItsPageBudget() throws Exception {
        Path file = stored();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            int id = 0;
            for (io.webprobe.crawl.SkipReason why : io.webprobe.crawl.SkipReason.values()) {
                id++;
                s.executeUpdate("INSERT INTO urls (id, key, url, depth, state, skip_reason) "
                        + "VALUES (" + id + ", 'k" + id + "', 'http://127.0.0.1:8080/docs/"
                        + id + "', 1, 1, '" + why.name() + "')");
            }
        }
        java.util.Map<String, Boolean> countsAsPage = new java.util.HashMap<>();
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            store.resumeState().forEachKnown(
                    (id, key, external, counts) -> countsAsPage.put(key, counts));
        }

        // a blocked page took its place in the budget when it was found (as a live crawl
        // counts it); a page left out by a limit or a pattern did not
        io.webprobe.crawl.SkipReason[] reasons = io.webprobe.crawl.SkipReason.values();
        for (int i = 0; i < reasons.length; i++) {
            assertThat(countsAsPage.get("k" + (i + 1))).as(reasons[i].name())
                    .isEqualTo(reasons[i].isBlock());
        }
    }

    @Test
    void brokenLinksAreFoundFromTheirTargetsNotByReadingEveryLink() throws Exception {
        Path file = stored();
        StringBuilder plan = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                var rs = s.executeQuery("EXPLAIN QUERY PLAN " + BrokenLinkSql.BROKEN_LINKS)) {
            while (rs.next()) {
                plan.append(rs.getString("detail")).append('\n');
            }
        }

        // a scan of the links would read all of a crawl's links at each export and at its end
        assertThat(plan.toString()).contains("SEARCH l USING INDEX links_by_target")
                .doesNotContain("SCAN l");
    }

    @Test
    void anExistingFileIsNeverOverwritten() throws Exception {
        Path file = dir.resolve("notes.webprobe");
        Files.writeString(file, "my notes");

        assertThatThrownBy(() -> CrawlStore.create(file, plan()))
                .isInstanceOf(StoreException.class)
                .hasMessage("A file named " + file + " already exists; Webprobe does not "
                        + "overwrite it. Choose another name.");
        assertThat(Files.readString(file)).isEqualTo("my notes");
    }

    @Test
    void aFileThatIsNotACrawlIsRefused() throws Exception {
        Path text = dir.resolve("a.webprobe");
        Files.writeString(text, "hello, this is not a database at all");
        Path empty = Files.createFile(dir.resolve("empty.webprobe"));
        Path otherDb = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherDb);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x)");
        }
        String before = digest(otherDb);

        for (Path p : List.of(text, otherDb)) {
            assertThatThrownBy(() -> CrawlStore.open(p, CrawlStore.Access.RESUME))
                    .isInstanceOf(StoreException.class)
                    .hasMessage(p + " is not a Webprobe crawl file.");
        }
        // what a crawl killed as it began leaves: said as such (and what to do)
        assertThatThrownBy(() -> CrawlStore.open(empty, CrawlStore.Access.RESUME))
                .isInstanceOf(StoreException.class)
                .hasMessage(empty + " is empty: it holds no crawl (a crawl stopped before it "
                        + "began leaves such a file). Delete it or choose another file.");
        assertThat(digest(otherDb)).isEqualTo(before);
        // any other empty file has no history to tell of (it was said to be a stopped crawl)
        Path notes = Files.createFile(dir.resolve("notes.txt"));
        assertThatThrownBy(() -> CrawlStore.open(notes, CrawlStore.Access.READ_ONLY))
                .isInstanceOf(StoreException.class)
                .hasMessage(notes + " is empty: it holds no crawl.");
        assertThat(CrawlStore.emptyLeftover(notes)).isNull();
        assertThatThrownBy(() -> CrawlStore.open(dir.resolve("none.webprobe"),
                CrawlStore.Access.READ_ONLY))
                .hasMessage("There is no crawl file at " + dir.resolve("none.webprobe") + ".");
        assertThatThrownBy(() -> CrawlStore.open(dir, CrawlStore.Access.READ_ONLY))
                .hasMessage(dir + " is a folder, not a crawl file.");
    }

    @Test
    void aDamagedFileIsRefusedAndLeftAsItWas() throws Exception {
        Path file = dir.resolve("big.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.sink().state(CrawlState.FINISHED, Duration.ZERO);
        }
        // the file's pages after the first are overwritten with noise, as a bad disk would
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 4096; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Files.write(file, bytes);
        String before = digest(file);

        assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " is damaged and cannot be opened.");
        assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_ONLY))
                .hasMessage(file + " is damaged and cannot be opened.");
        assertThat(digest(file)).isEqualTo(before);
    }

    @Test
    void aCrawlFileLackingATableOrAColumnIsRefusedAsDamaged() throws Exception {
        Path noLinks = dir.resolve("nolinks.webprobe");
        Path noTitle = dir.resolve("notitle.webprobe");
        Files.copy(stored(), noLinks);
        Files.copy(dir.resolve("crawl.webprobe"), noTitle);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noLinks);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE links");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noTitle);
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE urls DROP COLUMN title");
        }

        for (Path p : List.of(noLinks, noTitle)) {
            String before = digest(p);
            for (CrawlStore.Access a : CrawlStore.Access.values()) {
                assertThatThrownBy(() -> CrawlStore.open(p, a))
                        .isInstanceOf(StoreException.class)
                        .hasMessage(p + " is damaged and cannot be opened.");
            }
            assertThat(digest(p)).isEqualTo(before);
        }
        assertThat(Schema.columnsByTable().get("urls")).hasSize(29).contains("title", "inlinks");
        assertThat(Schema.columnsByTable().get("links")).containsExactly("source_id", "pos",
                "target_id", "type", "anchor", "nofollow");
    }

    /**
     * Found walking through bad files: a crawl file whose settings rows were deleted was named
     * by its absolute path ("/home/me/crawls/x.webprobe is damaged"), where every other
     * sentence names the file as it was given ("x.webprobe is damaged"). Left as it was.
     */
    @Test
    void aCrawlFileWhoseSettingsCannotBeReadIsNamedAsGiven() throws Exception {
        Path noPlan = dir.resolve("noplan.webprobe");
        Files.copy(stored(), noPlan);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noPlan);
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM meta WHERE key LIKE 'plan.%'");
        }
        Path given = Path.of("").toAbsolutePath().relativize(noPlan);
        assertThat(given.isAbsolute()).isFalse();
        String before = digest(noPlan);

        for (CrawlStore.Access a : CrawlStore.Access.values()) {
            assertThatThrownBy(() -> CrawlStore.open(given, a)).as(a.name())
                    .isInstanceOf(StoreException.class)
                    .hasMessage(given + " is damaged and cannot be opened.");
        }
        assertThat(digest(noPlan)).isEqualTo(before);
    }

    @Test
    void aCopyOfARunningCrawlWithoutItsWalFileSaysWhatIsMissing() throws Exception {
        Path file = dir.resolve("running.webprobe");
        Path copy = dir.resolve("copy.webprobe");
        // made at its name, as a temporary crawl is (a kept one is given its name with its
        // tables in it, ADR 0037) and as older Webprobes made every crawl file
        try (CrawlStore store = CrawlStore.create(file, plan(), true, Clock.systemUTC())) {
            // while the crawl runs its tables are in running.webprobe-wal, not yet in the file
            Files.copy(file, copy);
        }

        assertThatThrownBy(() -> CrawlStore.open(copy, CrawlStore.Access.READ_ONLY))
                .isInstanceOf(StoreException.class)
                .hasMessage(copy + " holds no crawl; if it was copied while its crawl was "
                        + "running, copy copy.webprobe-wal from beside the original too.");
        // asked again (the first try may leave an empty -wal file): the same sentence
        assertThatThrownBy(() -> CrawlStore.open(copy, CrawlStore.Access.RESUME))
                .hasMessageContaining("holds no crawl");
    }

    @Test
    void aFileLeftByACrawlKilledAsItBeganIsNamedAsSuchAndLeftAsItIs() throws Exception {
        // killed in its first ~30 ms a crawl leaves an empty file, or its first page with an
        // empty -wal and the -shm: neither "not a crawl file" nor "copy the -wal" helps
        Path zero = Files.createFile(dir.resolve("zero.webprobe"));
        Path running = dir.resolve("running.webprobe");
        Path left = dir.resolve("left.webprobe");
        // made at its name, as a temporary crawl is (a kept one is given its name with its
        // tables in it, ADR 0037) and as older Webprobes made every crawl file
        try (CrawlStore store = CrawlStore.create(running, plan(), true, Clock.systemUTC())) {
            Files.copy(running, left);
            Files.copy(dir.resolve("running.webprobe-shm"), dir.resolve("left.webprobe-shm"));
            Files.createFile(dir.resolve("left.webprobe-wal"));
            assertThat(CrawlStore.emptyLeftover(running)).isNull();
        }
        String leftBefore = digest(left);

        for (CrawlStore.Access a : CrawlStore.Access.values()) {
            assertThatThrownBy(() -> CrawlStore.open(zero, a)).isInstanceOf(StoreException.class)
                    .hasMessage(zero + " is empty: it holds no crawl (a crawl stopped before "
                            + "it began leaves such a file). Delete it or choose another file.");
            assertThatThrownBy(() -> CrawlStore.open(left, a)).isInstanceOf(StoreException.class)
                    .hasMessage(left + " holds no crawl: its crawl was stopped before it began. "
                            + "Delete it (and " + left + "-wal, " + left + "-shm) or choose "
                            + "another file.");
        }
        assertThat(CrawlStore.emptyLeftover(zero)).startsWith(zero + " is empty: ");
        assertThat(CrawlStore.emptyLeftover(left)).startsWith(left + " holds no crawl: ");
        assertThat(digest(left)).isEqualTo(leftBefore);
        assertThat(dir.resolve("left.webprobe-wal")).exists().isEmptyFile();
        assertThat(zero).isEmptyFile();
    }

    @Test
    void aFileFromANewerWebprobeIsRefused() throws Exception {
        Path file = stored();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        String before = digest(file);

        assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                .hasMessage(file + " was made by a newer Webprobe (crawl file format 99); "
                        + "update Webprobe to open it.");
        assertThat(digest(file)).isEqualTo(before);
    }

    @Test
    void aCrawlOpenInAnotherRunningWebprobeIsRefusedAndAStaleLockTakenOver() throws Exception {
        Path file = stored();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            long started = other.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            setLock(file, new OwnerLock(other.pid(), started, hostName(), System.currentTimeMillis()));

            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                    .hasMessage(file + " is open in another running Webprobe (process "
                            + other.pid() + "); stop its crawl or close it there first.")
                    .matches(e -> ((StoreException) e).heldElsewhere());
        } finally {
            other.destroyForcibly().waitFor();
        }
        // the owner is gone (killed): its lock is stale and taken over
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            assertThat(store.info().resumable()).isTrue();
            // and while this process has it open, a second open is refused too
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_ONLY))
                    .hasMessage(file + " is open in this Webprobe already; close it there first.");
        }
    }

    @Test
    void aFileThisProcessWritesIsReadBesideItOnceItsCrawlHasEnded() throws Exception {
        Path file = dir.resolve("shown.webprobe");
        try (CrawlStore shown = CrawlStore.create(file, plan())) { // the Crawl tab's
            shown.sink().state(CrawlState.RUNNING, Duration.ofSeconds(1));
            shown.sink().flush().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_BESIDE_OWN))
                    .hasMessage(file + " is still being crawled in this Webprobe; it can be "
                            + "read once its crawl has finished or been stopped.");
            shown.sink().state(CrawlState.PAUSED, Duration.ofSeconds(1));
            shown.sink().flush().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_BESIDE_OWN))
                    .hasMessageContaining("is still being crawled");

            shown.sink().state(CrawlState.STOPPED, Duration.ofSeconds(2));
            shown.sink().flush().get(10, TimeUnit.SECONDS);
            try (CrawlStore beside = CrawlStore.open(file, CrawlStore.Access.READ_BESIDE_OWN);
                    CrawlReader reader = beside.reader()) {
                assertThat(beside.readOnly()).isTrue();
                assertThat(beside.info().state()).isEqualTo(CrawlState.STOPPED);
                assertThat(beside.info().interrupted()).isFalse();
                assertThat(beside.plan().startUrl()).isEqualTo(plan().startUrl());
                assertThat(reader.results()).isEmpty();
            }
            // the writer goes on after the reader closed, and opening to look or resume is
            // still refused
            shown.sink().state(CrawlState.FINISHED, Duration.ofSeconds(3));
            shown.sink().flush().get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.READ_ONLY))
                    .hasMessage(file + " is open in this Webprobe already; close it there first.");
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                    .hasMessageContaining("is open in");
        }
        try (CrawlStore closed = CrawlStore.open(file, CrawlStore.Access.READ_BESIDE_OWN)) {
            assertThat(closed.info().state()).isEqualTo(CrawlState.FINISHED);
        }
    }

    /**
     * Found by a user: `./run.sh export` of the crawl a window showed, long finished, was
     * refused as "open in another running Webprobe". ADR 0007: one writer, readers beside it.
     */
    @Test
    void aCrawlAnotherRunningProcessHasOpenIsReadOnceItsCrawlHasEndedAndNotWhileItRuns()
            throws Exception {
        Path file = stored(); // stopped
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            long started = other.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            setLock(file, new OwnerLock(other.pid(), started, hostName(), System.currentTimeMillis()));
            String before = digest(file);

            for (CrawlStore.Access a : List.of(CrawlStore.Access.READ_ONLY,
                    CrawlStore.Access.READ_BESIDE_OWN, CrawlStore.Access.READ_FOLLOWING)) {
                try (CrawlStore read = CrawlStore.open(file, a)) {
                    assertThat(read.readOnly()).as(a.name()).isTrue();
                    assertThat(read.info().state()).isEqualTo(CrawlState.STOPPED);
                    assertThat(read.info().interrupted()).isFalse(); // its owner lives
                }
            }
            assertThat(digest(file)).isEqualTo(before);

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = c.createStatement()) {
                st.execute("UPDATE meta SET value = 'running' WHERE key = 'state'");
            }
            String running = digest(file);
            // a window follows it (what export would write is a crawl half done)
            try (CrawlStore read = CrawlStore.open(file, CrawlStore.Access.READ_FOLLOWING)) {
                assertThat(read.readOnly()).isTrue();
                assertThat(read.info().state()).isEqualTo(CrawlState.RUNNING);
                assertThat(read.info().interrupted()).isFalse(); // its owner lives
            }
            assertThat(digest(file)).isEqualTo(running);
            for (CrawlStore.Access a : CrawlStore.Access.values()) {
                if (a == CrawlStore.Access.READ_FOLLOWING) {
                    continue;
                }
                assertThatThrownBy(() -> CrawlStore.open(file, a)).as(a.name())
                        .hasMessage(a == CrawlStore.Access.RESUME
                                        || a == CrawlStore.Access.LOOK_THEN_WRITE
                                ? file + " is open in another running Webprobe (process "
                                        + other.pid() + "); stop its crawl or close it "
                                        + "there first."
                                : file + " is still being crawled in another running Webprobe "
                                        + "(process " + other.pid() + "); it can be read once "
                                        + "its crawl has finished or been stopped.");
            }
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aCrawlWhoseProcessDiedSaysInterruptedAlsoWhenOpenedToResume() throws Exception {
        Path file = dir.resolve("crawl.webprobe");
        try (CrawlStore store = CrawlStore.create(file, plan())) {
            store.sink().state(CrawlState.RUNNING, Duration.ofSeconds(3));
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        setLock(file, new OwnerLock(gone.pid(), 1L, hostName(), System.currentTimeMillis()));

        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
            assertThat(store.info().interrupted()).isTrue();
        }
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.RESUME)) {
            // this process holds the lock now, but the crawl it opened was still interrupted
            assertThat(store.info().interrupted()).isTrue();
            assertThat(store.info().stateText()).isEqualTo("interrupted");
        }
    }

    @Test
    void aWritableFileInAReadOnlyFolderIsNotResumedAndTheFolderIsNamed() throws Exception {
        Path file = stored();
        Path folder = file.toAbsolutePath().getParent();
        java.util.Set<java.nio.file.attribute.PosixFilePermission> was =
                Files.getPosixFilePermissions(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                    .hasMessage("The folder " + folder + " is read-only, so " + file + " can be "
                            + "opened to look at or export, but not resumed: a resumed crawl "
                            + "keeps its journal files beside it.");
            try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY)) {
                assertThat(store.info().resumable()).isFalse();
            }
        } finally {
            Files.setPosixFilePermissions(folder, was);
        }
    }

    @Test
    void aReadOnlyFileOpensForReadingButIsNotResumed() throws Exception {
        Path file = stored();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String before = digest(file);

        assertThatThrownBy(() -> CrawlStore.open(file, CrawlStore.Access.RESUME))
                .hasMessage(file + " is read-only, so it can be opened to look at or export, "
                        + "but not resumed.");
        try (CrawlStore store = CrawlStore.open(file, CrawlStore.Access.READ_ONLY);
                CrawlReader reader = store.reader()) {
            assertThat(store.info().resumable()).isFalse();
            assertThat(reader.results()).isEmpty();
        }
        assertThat(digest(file)).isEqualTo(before);
    }

    @Test
    void aTemporaryFileIsGoneWhenClosed() throws Exception {
        Path file;
        try (CrawlStore store = CrawlStore.createTemporary(plan())) {
            file = store.file();
            store.sink().state(CrawlState.FINISHED, Duration.ZERO);
            assertThat(Files.exists(file)).isTrue();
        }
        assertThat(Files.exists(file)).isFalse();
        assertThat(Files.exists(Path.of(file + "-wal"))).isFalse();
    }

    /**
     * Found by reading: the sentence ended in the JDK's message, which for a temporary folder
     * that is gone (or not a folder) is only the random name of the file it tried.
     */
    @Test
    void aTemporaryFolderThatTakesNoCrawlFileIsSaidInPlainWords() throws Exception {
        Path gone = dir.resolve("gone");
        assertThatThrownBy(() -> CrawlStore.createTemporary(plan(), gone))
                .isInstanceOf(StoreException.class)
                .hasMessage("Could not create a temporary crawl file in " + gone
                        + ": its folder does not exist.");
        Path notAFolder = Files.writeString(dir.resolve("notes.txt"), "x");
        assertThatThrownBy(() -> CrawlStore.createTemporary(plan(), notAFolder))
                .hasMessageStartingWith("Could not create a temporary crawl file in "
                        + notAFolder + ": ")
                .hasMessageNotContaining("webprobe-crawl-");
    }

    @Test
    void crawlFilesAreNamedAfterTheHostAndTheStartTime() throws Exception {
        CrawlPlan start = CrawlPlan.of(URI.create("https://www.example.com/docs/"), "t");
        Instant at = Instant.parse("2026-12-02T14:30:05Z");
        Path first = CrawlFiles.newFile(dir, start, at, java.time.ZoneOffset.UTC);
        assertThat(first.getFileName().toString())
                .isEqualTo("www.example.com-2026-12-02-143005.webprobe");
        Files.writeString(first, "x");
        assertThat(CrawlFiles.newFile(dir, start, at, java.time.ZoneOffset.UTC).getFileName()
                .toString()).isEqualTo("www.example.com-2026-12-02-143005-2.webprobe");
        assertThat(CrawlFiles.newFile(dir, CrawlPlan.of(URI.create("http://127.0.0.1:8080/"),
                "t"), at,
                java.time.ZoneOffset.UTC).getFileName().toString())
                .isEqualTo("127.0.0.1_8080-2026-12-02-143005.webprobe");
    }

    @Test
    void aNewCrawlGoesInTheCrawlsFolderMadeWhenMissing() throws Exception {
        Path folder = dir.resolve("data/webprobe/crawls");
        NewCrawlFile made = CrawlFiles.createNew(folder, plan(), Instant.now(),
                java.time.ZoneOffset.UTC, dir.resolve("tmp"));
        try (CrawlStore store = made.store()) {
            assertThat(made.notKept()).isNull();
            assertThat(store.temporary()).isFalse();
            assertThat(store.file().getParent()).isEqualTo(folder.toAbsolutePath());
        }
    }

    /**
     * The bug: with a file where the crawls folder should be the window refused to crawl. The
     * crawl runs in a temporary file, and one sentence says why it is not kept.
     */
    @Test
    void aCrawlsFolderThatCannotBeMadeGivesATemporaryFileAndSaysWhy() throws Exception {
        Path folder = dir.resolve("crawls");
        Files.writeString(folder, "not a folder");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        NewCrawlFile made = CrawlFiles.createNew(folder, plan(), Instant.now(),
                java.time.ZoneOffset.UTC, tmp);
        Path file;
        try (CrawlStore store = made.store()) {
            file = store.file();
            assertThat(store.temporary()).isTrue();
            assertThat(file.getParent()).isEqualTo(tmp.toAbsolutePath());
            assertThat(made.notKept()).isEqualTo("Crawls cannot be saved in " + folder
                    + ": a file of that name is in the way. This crawl is kept in a temporary "
                    + "file until you close it or start another; Export CSV keeps its results.");
        }
        assertThat(file).doesNotExist();
        assertThat(folder).isRegularFile().hasContent("not a folder");
    }

    @Test
    void aCrawlsFolderInsideAFileSaysSoInWords() throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "x");
        Path folder = file.resolve("webprobe/crawls");
        NewCrawlFile made = CrawlFiles.createNew(folder, plan(), Instant.now(),
                java.time.ZoneOffset.UTC, Files.createDirectory(dir.resolve("tmp")));
        try (CrawlStore store = made.store()) {
            assertThat(store.temporary()).isTrue();
            assertThat(made.notKept()).startsWith("Crawls cannot be saved in " + folder + ": ")
                    .doesNotContain("Exception").doesNotContain("..");
        }
    }

    @Test
    void withNoTemporaryFolderEitherTheCrawlIsRefusedNamingBoth() throws Exception {
        Path folder = Files.writeString(dir.resolve("crawls"), "x");
        Path tmp = dir.resolve("no-tmp");
        assertThatThrownBy(() -> CrawlFiles.createNew(folder, plan(), Instant.now(),
                java.time.ZoneOffset.UTC, tmp)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Crawls cannot be saved in " + folder + ": a file of "
                        + "that name is in the way. Could not create a temporary crawl file in "
                        + tmp + ": ");
    }

    @Test
    void theCrawlsFolderFollowsEachPlatformsConvention() {
        assertThat(CrawlFiles.defaultFolder(java.util.Map.of(), "Linux", "/home/ann"))
                .isEqualTo(Path.of("/home/ann/.local/share/webprobe/crawls"));
        assertThat(CrawlFiles.defaultFolder(java.util.Map.of("XDG_DATA_HOME", "/data"), "Linux",
                "/home/ann")).isEqualTo(Path.of("/data/webprobe/crawls"));
        assertThat(CrawlFiles.defaultFolder(java.util.Map.of(), "Mac OS X", "/Users/ann"))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Webprobe/crawls"));
        assertThat(CrawlFiles.defaultFolder(java.util.Map.of("LOCALAPPDATA", "/c/AppData/Local"),
                "Windows 11", "/c/Users/ann"))
                .isEqualTo(Path.of("/c/AppData/Local/Webprobe/crawls"));
    }

    private static void setLock(Path file, OwnerLock lock) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, lock.encode());
            ps.executeUpdate();
        }
    }

    private static String hostName() {
        return OwnerLock.self(Instant.now()).host();
    }

}
