package io.webprobe.ui.compare;

import io.webprobe.http.StatusSet;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.http.Urls;
import io.webprobe.store.CrawlDiff;
import io.webprobe.store.CrawlStore;
import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.testsupport.FakeFxThread;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StoredCrawls;
import io.webprobe.testsupport.WorkspaceSite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compare: two crawls of one site, the changes by kind, filtered and exported. */
class CompareModelTest {
    @TempDir
    Path dir;

    private final LocalHttpServer server = new LocalHttpServer();
    private final FakeFxThread fx = new FakeFxThread();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final FakeDialogs dialogs = new FakeDialogs();

    @AfterEach
    void tearDown() throws Exception {
        // the model's reads of the crawls' names end before the FX thread does: one left
        // running posted to a closed FX thread, and TestFX failed a later class with it
        io.shutdown();
        assertThat(io.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        fx.close();
        server.close();
    }

    @Test
    void twoCrawlsOfOneSiteShowWhatChangedFilteredAndExported() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        server.route("/gone", html("<title>Back</title>ok")); // fixed
        server.route("/c", html("<title>Charlie</title><a href=\"/err\">e</a>"
                + "<a href=\"/newly-missing\">new</a>")); // a new broken link
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        dialogs.crawlAnswers.add(before);
        dialogs.crawlAnswers.add(after);

        fx.on(() -> {
            m.choose(true, dir);
            m.choose(false, dir);
        });
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Press Compare to compare the two crawls chosen.");
        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        List<CrawlDiff.Row> rows = fx.on(() -> List.copyOf(m.rows()));
        assertThat(rows).extracting(CrawlDiff.Row::change, CrawlDiff.Row::url).contains(
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.ADDED,
                        server.url("/newly-missing")),
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.STATUS, server.url("/gone")),
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.NEW_BROKEN_LINK,
                        server.url("/newly-missing")),
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.FIXED_BROKEN_LINK,
                        server.url("/gone")));
        assertThat(fx.on(() -> m.countsProperty().get().get(CrawlDiff.Change.ADDED))).isEqualTo(1);
        CompareModel.Named named = CompareModel.named(before, after);
        assertThat(fx.on(() -> m.summaryProperty().get())).startsWith("Compared "
                + named.olderName() + " with " + named.newerName() + ": 1 added");
        // the window's status bar says it ended, as the other tabs' do, in short (the bug: it
        // was blank, the result only on the line above the table)
        String summary = fx.on(() -> m.summaryProperty().get());
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo("Finished: "
                + summary.substring(summary.indexOf(": ") + 2));

        fx.on(() -> m.kindProperty().set(CrawlDiff.Change.FIXED_BROKEN_LINK));
        assertThat(fx.on(() -> List.copyOf(m.shown()))).extracting(CrawlDiff.Row::url)
                .containsOnly(server.url("/gone"));
        fx.on(() -> {
            m.kindProperty().set(null);
            m.searchProperty().set("newly");
        });
        assertThat(fx.on(() -> m.shown().size())).isEqualTo(2);

        Path csv = dir.resolve("changes.csv");
        dialogs.saveAnswer = Optional.of(csv);
        fx.on(() -> m.export(false)).get(20, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("change,url,old,new,source_url");
        assertThat(lines).hasSize(3);
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Exported 2 changes to changes.csv.");

        // one change is one change ("Exported 1 changes" before)
        fx.on(() -> {
            m.kindProperty().set(CrawlDiff.Change.values()[0]);
            m.searchProperty().set("");
        });
        fx.on(() -> m.searchProperty().set(m.shown().get(0).url()));
        assertThat(fx.on(() -> m.shown().size())).isEqualTo(1);
        fx.on(() -> m.export(false)).get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Exported 1 change to changes.csv.");
    }

    /**
     * The want: right after two crawls of one site the user had to find both files with file
     * dialogs. The crawls the app knows (File › Recent crawls) are listed newest first, and
     * when the tab opens with none chosen and the two newest are of one site, they are chosen
     * as the older and the newer crawl, not compared until Compare is pressed.
     */
    @Test
    void theTwoNewestKnownCrawlsOfOneSiteAreChosenWhenTheTabOpens() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        javafx.collections.ObservableList<Path> known =
                javafx.collections.FXCollections.observableArrayList();
        fx.on(() -> {
            m.knowCrawls(known, CrawlStore::glance);
            known.setAll(before, after, dir.resolve("gone.webprobe")); // as File › Recent
        });

        List<CompareModel.Known> listed = fx.on(() -> List.copyOf(m.known()));
        assertThat(listed).extracting(CompareModel.Known::file).containsExactly(after, before,
                dir.resolve("gone.webprobe"));
        String host = Urls.hostAndPort(java.net.URI.create(server.url("/")));
        // as File › Recent crawls names it (one formatter): a finished crawl's state unsaid
        assertThat(listed.get(0).label()).matches(java.util.regex.Pattern.quote(host)
                + " — \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})? · \\d+ URLs"
                // two crawls of one minute are told apart by the second, of one second and
                // as many URLs by their file
                + "( — after\\.webprobe)?");
        assertThat(listed.get(2).label()).isEqualTo("gone.webprobe");

        fx.on(m::opened);
        assertThat(fx.on(() -> m.oldFileProperty().get())).isEqualTo(before);
        assertThat(fx.on(() -> m.newFileProperty().get())).isEqualTo(after);
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Press Compare to compare the two crawls chosen.");

        // one chosen by the user stays chosen when the tab opens again
        fx.on(() -> m.pick(false, m.known().get(2).file()));
        fx.on(m::opened);
        assertThat(fx.on(() -> m.newFileProperty().get())).isEqualTo(dir.resolve("gone.webprobe"));
    }

    /**
     * The bug: two crawls started in the same minute (one stopped at once and started again)
     * read alike in the Older… and Newer… menus, "… · 2026-12-07 06:40 · stopped · …". Named
     * as File › Recent crawls names them now, two that would read alike say their time to the
     * second (they ended with their file's name, which the Compare tab's sentence then said).
     */
    @Test
    void twoCrawlsOfOneMinuteAreToldApart() throws Exception {
        java.time.Instant first = java.time.Instant.parse("2026-12-07T06:40:05Z");
        String url = "http://127.0.0.1:18100/";
        Path a = dir.resolve("a.webprobe");
        Path b = dir.resolve("b.webprobe");
        java.util.Map<Path, CrawlStore.Glance> glances = java.util.Map.of(
                a, new CrawlStore.Glance(url, "stopped", 3, first),
                b, new CrawlStore.Glance(url, "stopped", 3, first.plusSeconds(42)));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        javafx.collections.ObservableList<Path> known =
                javafx.collections.FXCollections.observableArrayList();
        fx.on(() -> {
            m.knowCrawls(known, glances::get);
            known.setAll(a, b);
        });
        List<String> labels = fx.on(() -> m.known().stream().map(CompareModel.Known::label)
                .toList());
        assertThat(labels).hasSize(2).allMatch(l -> l.startsWith("127.0.0.1:18100 — "));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());
        assertThat(labels).containsExactly(
                "127.0.0.1:18100 — " + when.format(first.plusSeconds(42))
                        + " · 3 URLs · stopped",
                "127.0.0.1:18100 — " + when.format(first) + " · 3 URLs · stopped");
    }

    /** Crawls of two sites are listed, but none is chosen for the user. */
    @Test
    void theNewestKnownCrawlsOfTwoSitesAreNotChosen() throws Exception {
        Path one = new WorkspaceSite(server).crawlInto(dir.resolve("one.webprobe"));
        try (LocalHttpServer other = new LocalHttpServer()) {
            Path two = new WorkspaceSite(other).crawlInto(dir.resolve("two.webprobe"));
            CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
            fx.on(() -> {
                m.knowCrawls(javafx.collections.FXCollections.observableArrayList(one, two),
                        CrawlStore::glance);
                m.opened();
            });
            assertThat(fx.on(() -> m.known().size())).isEqualTo(2);
            assertThat(fx.on(() -> m.oldFileProperty().get())).isNull();
            assertThat(fx.on(() -> m.newFileProperty().get())).isNull();
        }
    }

    /**
     * A list check whose first URL is of the site passed for a crawl of it: made just after a
     * crawl of the site, the two were chosen as the older and the newer when the tab opened.
     */
    @Test
    void aListCheckIsNotChosenBesideACrawlOfItsFirstHost() throws Exception {
        java.time.Instant first = java.time.Instant.parse("2026-12-07T06:40:05Z");
        String url = "http://127.0.0.1:18100/";
        Path site = dir.resolve("site.webprobe");
        Path list = dir.resolve("list.webprobe");
        java.util.Map<Path, CrawlStore.Glance> glances = java.util.Map.of(
                site, new CrawlStore.Glance(url, "finished", 3, first),
                list, new CrawlStore.Glance(url, "finished", 3, first.plusSeconds(600), 2,
                        List.of("127.0.0.1:18100")));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.knowCrawls(javafx.collections.FXCollections.observableArrayList(site, list),
                    glances::get);
            m.opened();
        });
        assertThat(fx.on(() -> m.known().size())).isEqualTo(2);
        assertThat(fx.on(() -> m.oldFileProperty().get())).isNull();
        assertThat(fx.on(() -> m.newFileProperty().get())).isNull();
    }

    /** Two crawls of {@code site}, one page added between them, compared in a new model. */
    private CompareModel comparedWithOneChange(WorkspaceSite site) throws Exception {
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        server.route("/gone", html("<title>Back</title>ok")); // one change to export
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        dialogs.crawlAnswers.add(before);
        dialogs.crawlAnswers.add(after);
        fx.on(() -> {
            m.choose(true, dir);
            m.choose(false, dir);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        return m;
    }

    /**
     * Found by a tester: a name typed without ".csv" ("changes") is written as changes.csv,
     * and the save dialog, which asks before replacing only the name typed, never asked: an
     * earlier changes.csv was replaced without a word. It is asked about now.
     */
    @Test
    void aNameWithoutExtensionAsksBeforeReplacingTheCsvFileItBecomes() throws Exception {
        CompareModel m = comparedWithOneChange(new WorkspaceSite(server));
        Path earlier = dir.resolve("changes.csv");
        Files.writeString(earlier, "last week's\n");
        dialogs.saveAnswer = Optional.of(dir.resolve("changes"));

        dialogs.confirmAnswer = false;
        fx.on(() -> m.export(false)).get(20, TimeUnit.SECONDS);
        assertThat(dialogs.details).contains("confirm: changes.csv already exists. Replace it?");
        assertThat(Files.readString(earlier)).isEqualTo("last week's\n");

        dialogs.confirmAnswer = true;
        fx.on(() -> m.export(false)).get(20, TimeUnit.SECONDS);
        assertThat(Files.readString(earlier)).startsWith("change,url,old,new,source_url");
    }

    /**
     * Found by a tester: the window's exports replaced whatever file the save dialog was given
     * (the dialog asks "Replace?" of any file), so a crawl chosen by a slip was overwritten
     * with CSV and lost, which the command line refuses. The crawl file is left as it was.
     */
    @Test
    void anExportOntoACrawlFileIsRefusedAndTheCrawlKept() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        CompareModel m = comparedWithOneChange(site);
        Path kept = site.crawlInto(dir.resolve("kept.webprobe"));
        byte[] crawl = Files.readAllBytes(kept);

        dialogs.saveAnswer = Optional.of(kept);
        fx.on(() -> m.export(false)).get(20, TimeUnit.SECONDS);

        assertThat(Files.readAllBytes(kept)).isEqualTo(crawl);
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo("Could not write " + kept
                + ": it is a Webprobe crawl file, which Webprobe never overwrites; choose "
                + "another name. Nothing was changed.");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".part"));
        }
    }

    /**
     * The bug: a fixed broken link's New was blank, whether its page dropped the link or its
     * target answers now. It says which, as the CSV does.
     */
    @Test
    void aFixedBrokenLinkSaysWhetherItsLinkWasRemovedOrItsTargetAnswers() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        server.route("/gone", html("<title>Back</title>ok")); // answers now
        server.route("/c", html("<title>Charlie</title>no links")); // its link to /err dropped
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(before);
            m.newFileProperty().set(after);
        });

        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        assertThat(fx.on(() -> List.copyOf(m.rows())))
                .filteredOn(r -> r.change() == CrawlDiff.Change.FIXED_BROKEN_LINK)
                .extracting(CrawlDiff.Row::url, CrawlDiff.Row::oldValue, CrawlDiff.Row::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(server.url("/err"), "500",
                                "link removed"),
                        org.assertj.core.groups.Tuple.tuple(server.url("/gone"), "410", "200"));
    }

    /**
     * The changes shown belong to the pair compared. The bug: after another file was chosen the
     * table still showed the last pair's changes under the new names, and Export wrote them;
     * and a compare still running when another file was chosen showed its result for the new
     * pair.
     */
    @Test
    void choosingAnotherCrawlClearsTheChangesOfThePairBefore() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        server.route("/c", html("<title>Charlie</title><a href=\"/newly-missing\">new</a>"));
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        Path third = site.crawlInto(dir.resolve("third.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(before);
            m.newFileProperty().set(after);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.shown().size())).isPositive();

        fx.on(() -> m.oldFileProperty().set(third));

        assertThat(fx.on(() -> m.shown().size())).isZero();
        assertThat(fx.on(() -> m.countsProperty().get().values().stream()
                .mapToLong(Long::longValue).sum())).isZero();
        // both chosen: the empty table says what comes next, not "Choose two crawls"
        assertThat(fx.on(() -> m.emptyTextProperty().get()))
                .isEqualTo("Press Compare to see what changed between the two crawls.");
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Press Compare to compare the two crawls chosen.");

        // a compare running when another file is chosen: its result is not shown
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        io.execute(() -> {
            try {
                hold.await(); // the compare queued behind this waits until the choice is made
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        java.util.concurrent.CompletableFuture<Void> running = fx.on(m::compare);
        fx.on(() -> m.oldFileProperty().set(before));
        // it counts as running until it ends: Compare starts no second one beside it
        assertThat(fx.on(() -> m.runningProperty().get())).isTrue();
        assertThat(fx.on(() -> m.shown().size())).isZero();
        // Compare is disabled meanwhile, so the status does not ask for it yet
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Ending the comparison of the crawls chosen before; then press Compare to"
                        + " compare the two chosen now.");
        hold.countDown();
        running.get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.shown().size())).isZero();
        assertThat(fx.on(() -> m.runningProperty().get())).isFalse();
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                "Press Compare to compare the two crawls chosen.");
    }

    /**
     * The bug: the filter found "ünï" in the crawl's URL table (URLs are stored
     * percent-encoded, as sent) but not among the changes.
     */
    @Test
    void theFilterFindsTextTypedAsItIsInPercentEncodedUrls() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        server.route("/c", html("<title>Charlie</title><a href=\"/caf\u00e9 menu\">new</a>"));
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(before);
            m.newFileProperty().set(after);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        fx.on(() -> m.searchProperty().set("Caf\u00e9 m"));

        assertThat(fx.on(() -> List.copyOf(m.shown()))).extracting(CrawlDiff.Row::change,
                CrawlDiff.Row::url).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.ADDED,
                        server.url("/caf%C3%A9%20menu")),
                org.assertj.core.groups.Tuple.tuple(CrawlDiff.Change.NEW_BROKEN_LINK,
                        server.url("/caf%C3%A9%20menu")));
    }

    /**
     * The bug: after a compare that found nothing the empty table still said "Choose two crawls
     * of one site and press Compare.", and a crawl compared with itself got no word either.
     */
    @Test
    void noDifferencesAndACrawlComparedWithItselfAreSaidInOneSentence() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path one = site.crawlInto(dir.resolve("one.webprobe"));
        Path two = site.crawlInto(dir.resolve("two.webprobe"));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        assertThat(fx.on(() -> m.emptyTextProperty().get())).isEqualTo(CompareModel.CHOOSE);

        fx.on(() -> {
            m.oldFileProperty().set(one);
            m.newFileProperty().set(two);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.rows().size())).isZero();
        assertThat(fx.on(() -> m.summaryProperty().get()))
                .isEqualTo("Compared " + CompareModel.named(one, two).olderName() + " with "
                        + CompareModel.named(one, two).newerName() + ": no changes.");
        // what was compared: the line above and the status bar say there are no changes
        assertThat(fx.on(() -> m.emptyTextProperty().get())).isEqualTo("Compare looked at the "
                + "URLs each crawl has, their status, redirect, title, canonical and "
                + "indexability, and the broken links on their pages.");

        fx.on(() -> m.newFileProperty().set(dir.resolve(".").resolve("one.webprobe")));
        java.util.concurrent.CompletableFuture<Void> again = fx.on(m::compare);
        // while it runs, the last comparison's "no changes" is not shown as this one's
        // (it may have ended already; then it says its own result)
        assertThat(fx.on(() -> m.emptyTextProperty().get())).doesNotStartWith("Compare looked");
        again.get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.statusProperty().get())).isEqualTo(
                CompareModel.named(one, null).olderName() + " was chosen "
                + "as both the older and the newer crawl, and a crawl does not differ from "
                + "itself: choose another crawl to compare it with.");
        assertThat(fx.on(() -> m.emptyTextProperty().get()))
                .isEqualTo(fx.on(() -> m.statusProperty().get()));
        assertThat(dialogs.calls).doesNotContain("showError");
    }

    /**
     * The bug: File › Recent crawls and the choosers' lists name a crawl by its site and time,
     * but the Compare tab named the two chosen by their files ("Compared
     * 127.0.0.1_18801-2026-12-06-022356.webprobe with …"), names the user had not seen. The
     * headings and the sentences name them as the menus do; the paths stay in the tooltips.
     */
    @Test
    void theTwoCrawlsAreNamedAsTheMenusNameThem() throws Exception {
        WorkspaceSite site = new WorkspaceSite(server);
        Path before = site.crawlInto(dir.resolve("before.webprobe"));
        Path after = site.crawlInto(dir.resolve("after.webprobe"));
        java.time.Instant older = java.time.Instant.parse("2026-12-06T14:05:00Z");
        java.time.Instant newer = java.time.Instant.parse("2026-12-07T15:02:00Z");
        madeAt(before, older);
        madeAt(after, newer);
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(before);
            m.newFileProperty().set(after);
        });
        io.submit(() -> { }).get(20, TimeUnit.SECONDS); // the files read for their names

        String host = Urls.hostAndPort(java.net.URI.create(server.url("/")));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.systemDefault());
        String olderName = host + " — " + when.format(older);
        String newerName = host + " — " + when.format(newer);
        assertThat(fx.on(() -> m.oldLabelProperty().get())).matches(
                java.util.regex.Pattern.quote(olderName) + " · \\d+ URLs");
        assertThat(fx.on(() -> m.newLabelProperty().get())).matches(
                java.util.regex.Pattern.quote(newerName) + " · \\d+ URLs");

        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        assertThat(fx.on(() -> m.summaryProperty().get())).isEqualTo("Compared " + olderName
                + " with " + newerName + ": no changes.");
        fx.on(() -> m.oldFileProperty().set(null));
        assertThat(fx.on(() -> m.oldLabelProperty().get())).isEmpty();
    }

    /** Sets when a crawl file says its crawl began. */
    private static void madeAt(Path file, java.time.Instant at) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "UPDATE meta SET value = ? WHERE key = 'created_at'")) {
            ps.setString(1, Long.toString(at.toEpochMilli()));
            ps.executeUpdate();
        }
    }

    @Test
    void indexabilityReadsYesOrNoAsInTheUrlTable() {
        CrawlDiff.Row row = new CrawlDiff.Row(CrawlDiff.Change.INDEXABLE, "http://x/", "false",
                "true", null);
        assertThat(CompareView.shown(row, row.oldValue())).isEqualTo("No");
        assertThat(CompareView.shown(row, row.newValue())).isEqualTo("Yes");
        CrawlDiff.Row title = new CrawlDiff.Row(CrawlDiff.Change.TITLE, "http://x/", "true",
                null, null);
        assertThat(CompareView.shown(title, title.oldValue())).isEqualTo("true");
        assertThat(CompareView.shown(title, title.newValue())).isNull();
    }

    /** {@link CompareModel#matches} with the text encoded as the filter encodes it. */
    private static boolean matches(CrawlDiff.Row r, String q) {
        return CompareModel.matches(r, q, CompareModel.asStored(q));
    }

    /**
     * The bug: the crawl's tables show an international host in its letters and /café/
     * decoded, the Compare tab showed xn--mller-kva and %C3%A9, and "müller" found nothing.
     */
    @Test
    void urlsAreShownAndFoundAsTheCrawlsTablesShowThem() {
        CrawlDiff.Row redirect = new CrawlDiff.Row(CrawlDiff.Change.REDIRECT,
                "http://xn--mller-kva.example/caf%C3%A9/", "http://xn--mller-kva.example/a",
                "http://xn--mller-kva.example/b", "");
        CrawlDiff.Row broken = new CrawlDiff.Row(CrawlDiff.Change.NEW_BROKEN_LINK,
                "http://other.example/gone", "", "404", "http://xn--mller-kva.example/from");

        assertThat(CompareView.forPeople(redirect.url()))
                .isEqualTo("http://m\u00fcller.example/caf\u00e9/");
        assertThat(CompareView.shown(redirect, redirect.newValue()))
                .isEqualTo("http://m\u00fcller.example/b");
        assertThat(CompareView.forPeople(broken.sourceUrl()))
                .isEqualTo("http://m\u00fcller.example/from");
        assertThat(CompareView.forPeople("")).isEmpty();
        assertThat(matches(redirect, "m\u00fcller")).isTrue();
        assertThat(matches(broken, "m\u00fcller.example/from")).isTrue();
        assertThat(matches(redirect, "caf\u00e9/")).isTrue();
        assertThat(matches(broken, "404")).isTrue();
        assertThat(matches(broken, "m\u00fcller.example/caf")).isFalse();
        assertThat(matches(broken, "")).isTrue();
    }

    @Test
    void aFileThatIsNotACrawlIsNamedInOneSentence() throws Exception {
        Path junk = dir.resolve("junk.webprobe");
        Files.writeString(junk, "no");
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(junk);
            m.newFileProperty().set(junk);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        assertThat(fx.on(() -> m.statusProperty().get()))
                .isEqualTo(junk + " is not a Webprobe crawl file.");
        assertThat(dialogs.calls).containsExactly("showError");
    }

    @Test
    void crawlsOfTwoSitesAreRefusedAndAnUnfinishedOneIsNoted() throws Exception {
        Path one = new WorkspaceSite(server).crawlInto(dir.resolve("one.webprobe"));
        Path other;
        try (LocalHttpServer second = new LocalHttpServer()) {
            other = new WorkspaceSite(second).crawlInto(dir.resolve("other.webprobe"));
        }
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(one);
            m.newFileProperty().set(other);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        String site = Urls.hostAndPort(java.net.URI.create(server.url("/")));
        CompareModel.Named named = CompareModel.named(one, other);
        assertThat(fx.on(() -> m.statusProperty().get())).startsWith(named.olderName()
                + " is a crawl of " + site + " but " + named.newerName() + " is of ")
                .endsWith("; compare needs two crawls of the same site.");
        assertThat(dialogs.calls).containsExactly("showError");
        assertThat(fx.on(() -> m.rows().size())).isZero();

        // the same site, the newer crawl stopped before it finished: said beside the counts
        Path stopped = new WorkspaceSite(server).crawlInto(dir.resolve("stopped.webprobe"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + stopped); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE meta SET value = 'stopped' WHERE key = 'state'");
        }
        fx.on(() -> m.newFileProperty().set(stopped));
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        // the status line, cut at the window's edge after the file names, names no more
        named = CompareModel.named(one, stopped);
        assertThat(fx.on(() -> m.summaryProperty().get())).isEqualTo("Compared "
                + named.olderName() + " with " + named.newerName() + ": no changes.");
        assertThat(fx.on(() -> m.notesProperty().get())).isEqualTo(named.newerName()
                + " did not finish (stopped), so URLs it did not reach count as added or "
                + "removed.");

        // another crawl chosen: the notes were of the pair before
        fx.on(() -> m.newFileProperty().set(one));
        assertThat(fx.on(() -> m.notesProperty().get())).isEmpty();
    }

    /**
     * The Compare tab says what compare says of hrefs one crawl's exclude patterns left out:
     * not compared, in one note; the file: link of the crawl made without the pattern is not
     * fixed.
     */
    @Test
    void aBrokenHrefTheNewerCrawlExcludedIsNotFixedAndANoteSaysWhy() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"file:///C:/site/a.html\">a</a>"));
        CrawlPlan plan = CrawlPlan.builder(java.net.URI.create(server.url("/")), "Webprobe/test")
                .build();
        Path without = StoredCrawls.crawlInto(dir.resolve("without.webprobe"), plan);
        Path with = StoredCrawls.crawlInto(dir.resolve("with.webprobe"),
                plan.withScope(plan.scope().withExclude(
                        List.of(java.util.regex.Pattern.compile("^file:")))));
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(without);
            m.newFileProperty().set(with);
        });

        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        assertThat(fx.on(() -> List.copyOf(m.rows()))).extracting(CrawlDiff.Row::change)
                .doesNotContain(CrawlDiff.Change.FIXED_BROKEN_LINK);
        CompareModel.Named named = CompareModel.named(without, with);
        assertThat(fx.on(() -> m.notesProperty().get())).contains(named.newerName() + "'s "
                + "exclude patterns (Crawl settings › Exclude URLs matching) leave out 1 broken "
                + "link of " + named.olderName() + ", so it is "
                + "not compared: it is not called fixed.");
    }

    /**
     * The Compare tab says what compare says of a URL the older crawl's exclude patterns left
     * out: a broken link to it that the newer crawl reports is not new, in one note (removing
     * an --exclude made every such link new).
     */
    @Test
    void aBrokenUrlTheOlderCrawlExcludedIsNotNewAndANoteSaysWhy() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/old/gone\">gone</a>"));
        server.route("/old/gone", LocalHttpServer.status(404));
        CrawlPlan plan = CrawlPlan.builder(java.net.URI.create(server.url("/")), "Webprobe/test")
                .build();

        CompareModel m = excludedThenNot(plan, "/old/");

        assertThat(fx.on(() -> List.copyOf(m.rows()))).extracting(CrawlDiff.Row::change)
                .doesNotContain(CrawlDiff.Change.NEW_BROKEN_LINK);
        CompareModel.Named named = CompareModel.named(dir.resolve("with.webprobe"),
                dir.resolve("without.webprobe"));
        assertThat(fx.on(() -> m.notesProperty().get())).contains(named.olderName() + "'s "
                + "exclude patterns (Crawl settings › Exclude URLs matching) leave out 1 broken "
                + "link of " + named.newerName() + ", so it is "
                + "not compared: it is not called new.");
    }

    /**
     * Likewise a missing anchor on a page the older crawl's patterns left out: not new, and
     * counted in the same note.
     */
    @Test
    void aMissingAnchorOnAPageTheOlderCrawlExcludedIsNotNew() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/old/doc.html#sec\">doc</a>"));
        server.route("/old/doc.html", html("<title>Doc</title>")); // no #sec
        CrawlPlan plan = CrawlPlan.builder(java.net.URI.create(server.url("/")), "Webprobe/test")
                .build().withCheckAnchors(true);

        CompareModel m = excludedThenNot(plan, "/old/");

        assertThat(fx.on(() -> List.copyOf(m.rows()))).extracting(CrawlDiff.Row::change)
                .doesNotContain(CrawlDiff.Change.NEW_MISSING_ANCHOR);
        CompareModel.Named named = CompareModel.named(dir.resolve("with.webprobe"),
                dir.resolve("without.webprobe"));
        assertThat(fx.on(() -> m.notesProperty().get())).contains(named.olderName() + "'s "
                + "exclude patterns (Crawl settings › Exclude URLs matching) leave out 1 missing "
                + "anchor of " + named.newerName() + ", so it is "
                + "not compared: it is not called new.");
    }

    /**
     * The bug: the Compare tab named the Crawl settings' exclude patterns by their label, but
     * anchors and accepted statuses in the command line's words ("did not check anchors
     * (--check-anchors)", "(--accept: counted as OK…)"), and the other settings in words of
     * neither ("depth limit", "other sites' links checked"). Every setting is named by its
     * label in the Crawl settings now ({@code CrawlSettingLabelsTest}: the pane shows them);
     * compare on the command line keeps its options.
     */
    @Test
    void theNotesNameEverySettingByItsLabelInTheCrawlSettings() throws Exception {
        server.route("/", html("<title>Home</title><a href=\"/doc.html#sec\">doc</a>"));
        server.route("/doc.html", html("<title>Doc</title>")); // no #sec
        CrawlPlan plan = CrawlPlan.builder(java.net.URI.create(server.url("/")), "Webprobe/test")
                .build();
        Path older = StoredCrawls.crawlInto(dir.resolve("older.webprobe"), plan);
        Path newer = StoredCrawls.crawlInto(dir.resolve("newer.webprobe"), plan.toBuilder()
                .checkAnchors(true).accept(StatusSet.parse("403"))
                .maxDepth(5).checkExternal(!plan.checkExternal())
                .followNofollow(!plan.followNofollow())
                .scope(plan.scope().withSubdomains(!plan.scope().subdomains())).build());
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(older);
            m.newFileProperty().set(newer);
        });

        fx.on(m::compare).get(20, TimeUnit.SECONDS);

        String notes = fx.on(() -> m.notesProperty().get());
        CompareModel.Named named = CompareModel.named(older, newer);
        assertThat(notes).contains(named.olderName() + " did not check anchors (Crawl settings "
                + "› Check anchors (#fragments)), so the 1 missing anchor of " + named.newerName()
                + " is not compared: none is called new.");
        assertThat(notes).contains(named.olderName() + " accepts no status and "
                + named.newerName() + " accepts "
                + "403 (Crawl settings › Accept statuses: counted as OK, not broken)");
        String external = plan.checkExternal() ? "older" : "newer";
        String nofollow = plan.followNofollow() ? "older" : "newer";
        String subdomains = plan.scope().subdomains() ? "older" : "newer";
        assertThat(notes).contains("(Max depth: none in the older crawl, 5 in the newer; "
                + "Check external links ticked in the " + external + " crawl only; "
                + "Follow links on nofollow pages ticked in the " + nofollow + " crawl only; "
                + "Crawl all subdomains ticked in the " + subdomains + " crawl only)");
        assertThat(notes).as("no option of the command line").doesNotContain("--");
    }

    /**
     * Compares a crawl made with an exclude pattern (with.webprobe, the older) with one made
     * without it (without.webprobe), as the tab does, to its end.
     */
    private CompareModel excludedThenNot(CrawlPlan plan, String pattern) throws Exception {
        Path with = StoredCrawls.crawlInto(dir.resolve("with.webprobe"),
                plan.withScope(plan.scope().withExclude(
                        List.of(java.util.regex.Pattern.compile(pattern)))));
        Path without = StoredCrawls.crawlInto(dir.resolve("without.webprobe"), plan);
        CompareModel m = fx.on(() -> new CompareModel(io, fx, dialogs));
        fx.on(() -> {
            m.oldFileProperty().set(with);
            m.newFileProperty().set(without);
        });
        fx.on(m::compare).get(20, TimeUnit.SECONDS);
        return m;
    }
}
