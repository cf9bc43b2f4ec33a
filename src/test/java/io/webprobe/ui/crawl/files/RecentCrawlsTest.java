package io.webprobe.ui.crawl.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.common.UiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File › Recent crawls' listing, its threads run by hand.
 */
class RecentCrawlsTest {
    @TempDir
    Path folder;

    /**
     * The bug: a listing that ended after its window closed (it reads each file now, so it
     * takes longer) was handed to the interrupted-crawl hint, which started work on the
     * window's stopped background threads: a RejectedExecutionException on the FX thread.
     */
    @Test
    void aListingThatEndsAfterTheWindowClosedIsDropped() throws Exception {
        Files.writeString(folder.resolve("a.webprobe"), "not a crawl");
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        RecentCrawls recent = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        recent.refresh();
        recent.close();
        background.remove().run();
        while (!fx.isEmpty()) {
            fx.remove().run();
        }
        assertThat(recent.files()).isEmpty();

        RecentCrawls open = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        open.refresh();
        background.remove().run();
        fx.remove().run();
        assertThat(open.files()).containsExactly(folder.resolve("a.webprobe").toAbsolutePath());
        assertThat(open.labels(null)).as("not a crawl: its name").containsExactly("a.webprobe");
    }

    /**
     * Two listings asked for in turn (a crawl's start and its end) whose first ends last: the
     * newer one stays shown (the older listing lacked the newest file).
     */
    @Test
    void anOlderListingThatEndsLastIsNotShown() throws Exception {
        Queue<Runnable> background = new ArrayDeque<>();
        Queue<Runnable> fx = new ArrayDeque<>();
        RecentCrawls recent = new RecentCrawls(UiState.inMemory(), folder, background::add,
                fx::add);
        recent.refresh(); // before the crawl's file exists
        background.remove().run();
        Runnable older = fx.remove();
        Path made = Files.writeString(folder.resolve("b.webprobe"), "not a crawl");
        recent.refresh();
        background.remove().run();
        fx.remove().run(); // the newer listing is handed over first
        older.run();
        assertThat(recent.files()).containsExactly(made.toAbsolutePath());
    }

    /**
     * Seen in the Compare tab: two crawls of a site made in one minute were named in its
     * sentence by their files ("Compared 127.0.0.1:18400 — 2026-12-08 01:26 —
     * 127.0.0.1_18400-2026-12-08-012644.webprobe with …"), as File › Recent crawls listed
     * them. The menus, the tab's headings and its sentences tell them apart by the second;
     * only copies of one crawl by their files.
     */
    @Test
    void twoCrawlsOfOneMinuteAreNamedToTheSecond() {
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        java.time.Instant made = java.time.Instant.parse("2026-12-08T01:26:44Z");
        Path a = Path.of("/srv/a.webprobe");
        Path b = Path.of("/srv/b.webprobe");
        Path copy = Path.of("/srv/copy.webprobe");
        var first = new io.webprobe.store.CrawlStore.Glance("http://127.0.0.1:18400/",
                "finished", 43, made);
        java.util.Map<Path, io.webprobe.store.CrawlStore.Glance> glances = java.util.Map.of(
                a, first, copy, first, b, new io.webprobe.store.CrawlStore.Glance(
                        "http://127.0.0.1:18400/", "stopped", 12, made.plusSeconds(8)));

        assertThat(RecentCrawls.names(java.util.List.of(a, b), glances::get, null, utc))
                .containsExactly("127.0.0.1:18400 — 2026-12-08 01:26:44",
                        "127.0.0.1:18400 — 2026-12-08 01:26:52");
        assertThat(RecentCrawls.labels(java.util.List.of(a, b), glances::get, null, utc))
                .containsExactly("127.0.0.1:18400 — 2026-12-08 01:26:44 · 43 URLs",
                        "127.0.0.1:18400 — 2026-12-08 01:26:52 · 12 URLs · stopped");
        assertThat(RecentCrawls.names(java.util.List.of(a, copy), glances::get, null, utc))
                .containsExactly("127.0.0.1:18400 — 2026-12-08 01:26 — a.webprobe",
                        "127.0.0.1:18400 — 2026-12-08 01:26 — copy.webprobe");
        // two copies and another of that minute: the other by its second, the copies by
        // their second and their files
        assertThat(RecentCrawls.names(java.util.List.of(a, copy, b), glances::get, null, utc))
                .containsExactly("127.0.0.1:18400 — 2026-12-08 01:26:44 — a.webprobe",
                        "127.0.0.1:18400 — 2026-12-08 01:26:44 — copy.webprobe",
                        "127.0.0.1:18400 — 2026-12-08 01:26:52");
        // a crawl of another minute keeps the menu's minute
        assertThat(RecentCrawls.names(java.util.List.of(a), glances::get, null, utc))
                .containsExactly("127.0.0.1:18400 — 2026-12-08 01:26");
    }

    /**
     * A list check was named as a crawl of its first URL's host ("example.com — …"): it is
     * named as a list, with the hosts of its first URLs, and its count when it finished is the
     * list's.
     */
    @Test
    void aListCheckIsNamedAsAList() {
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        java.time.Instant made = java.time.Instant.parse("2026-12-07T15:02:41Z");
        Path list = Path.of("/srv/a.webprobe");
        Path one = Path.of("/srv/b.webprobe");
        Path many = Path.of("/srv/c.webprobe");
        java.util.Map<Path, io.webprobe.store.CrawlStore.Glance> glances = java.util.Map.of(
                list, new io.webprobe.store.CrawlStore.Glance("http://example.com/a",
                        "finished", 27, made, 25, java.util.List.of("example.com",
                                "cdn.example.net")),
                one, new io.webprobe.store.CrawlStore.Glance("http://example.com/a",
                        "stopped", 0, made, 1, java.util.List.of("example.com")),
                many, new io.webprobe.store.CrawlStore.Glance("http://a.example/",
                        "finished", 1_500, made, 1_200, java.util.List.of("a.example",
                                "b.example", "c.example")));

        assertThat(RecentCrawls.labels(java.util.List.of(list, one, many), glances::get, null,
                utc)).containsExactly(
                        "List of 25 URLs (example.com, cdn.example.net) — 2026-12-07 15:02",
                        "List of 1 URL (example.com) — 2026-12-07 15:02 · 0 URLs · stopped",
                        "List of 1,200 URLs (a.example, b.example, …) — 2026-12-07 15:02");
    }

    /**
     * The bug: each entry named its file, what it held and its folder, and the submenu was
     * ~820 px wide. An entry names the site, when it was made and what it holds, and only
     * entries that would read the same name their file, or their folder when the names are
     * the same too.
     */
    @Test
    void anEntryIsShortAndNamesItsFolderOnlyToTellTwoApart() {
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        java.time.Instant made = java.time.Instant.parse("2026-12-07T15:02:41Z");
        Path home = Path.of("/home/jane");
        Path one = home.resolve("one/crawl.webprobe");
        Path two = home.resolve("two/crawl.webprobe");
        Path copy = home.resolve("one/copy.webprobe");
        Path stopped = home.resolve("crawls/docs.webprobe");
        Path other = Path.of("/srv/notes.webprobe");
        var site = new io.webprobe.store.CrawlStore.Glance("http://127.0.0.1:8081/", "finished",
                1_234, made);
        java.util.Map<Path, io.webprobe.store.CrawlStore.Glance> glances = java.util.Map.of(
                one, site, two, site, copy, site,
                stopped, new io.webprobe.store.CrawlStore.Glance(
                        "https://docs.python.org/3/", "stopped", 12, made.plusSeconds(3600)));

        var labels = RecentCrawls.labels(java.util.List.of(one, two, stopped, other, copy),
                glances::get, home, utc);

        String entry = "127.0.0.1:8081 — 2026-12-07 15:02 · 1,234 URLs";
        String sep = java.io.File.separator;
        assertThat(labels).containsExactly(
                entry + " — ~" + sep + "one" + sep + "crawl.webprobe",
                entry + " — ~" + sep + "two" + sep + "crawl.webprobe",
                "docs.python.org — 2026-12-07 16:02 · 12 URLs · stopped",
                "notes.webprobe",
                entry + " — ~" + sep + "one" + sep + "copy.webprobe");
        assertThat(RecentCrawls.labels(java.util.List.of(one, two), glances::get, home, utc))
                .containsExactly(entry + " — ~" + sep + "one", entry + " — ~" + sep + "two");
        assertThat(RecentCrawls.labels(java.util.List.of(one, copy), glances::get, home, utc))
                .containsExactly(entry + " — crawl.webprobe", entry + " — copy.webprobe");
        Path deep = Path.of("/srv/data/webprobe/crawls/crawl.webprobe");
        Path away = Path.of("/srv/data/elsewhere/crawl.webprobe");
        java.util.Map<Path, io.webprobe.store.CrawlStore.Glance> far = java.util.Map.of(
                deep, site, away, site);
        assertThat(RecentCrawls.labels(java.util.List.of(deep, away), far::get, home, utc))
                .as("a folder by its own name, not its whole path (the menu was 575 px wide)")
                .containsExactly(entry + " — …" + sep + "crawls", entry + " — …" + sep
                        + "elsewhere");
        assertThat(RecentCrawls.labels(java.util.List.of(one), glances::get, home, utc))
                .containsExactly(entry);
    }
}
