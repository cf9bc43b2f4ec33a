package io.webprobe.ui.crawl.files;

import io.webprobe.store.CrawlStore;
import io.webprobe.ui.common.UiState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File › Recent crawls: the crawl files opened before (remembered, newest first) followed by
 * the newest files of the crawls folder. The folder is listed on a background thread; the
 * list is replaced on the FX thread.
 */
public final class RecentCrawls {
    static final String KEY = "crawl.recentFiles";
    static final int LIMIT = 12;

    private final UiState memory;
    private final java.util.function.Supplier<Path> folder;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    /** Each file listed as read with the list (FX thread); absent when not a crawl. */
    private java.util.Map<Path, CrawlStore.Glance> glances = java.util.Map.of();
    /** Closed with its window: a listing still under way is dropped (its threads are gone). */
    private volatile boolean closed;

    public RecentCrawls(UiState memory, Path folder, Executor background, Executor fx) {
        this(memory, () -> folder, background, fx);
    }

    /**
     * @param folder the crawls folder as it is now (the user may choose another: {@link
     *     #refresh} then lists it)
     */
    public RecentCrawls(UiState memory, java.util.function.Supplier<Path> folder,
            Executor background, Executor fx) {
        this.memory = memory;
        this.folder = folder;
        this.background = background;
        this.fx = fx;
    }

    /** The recent files, as last listed. */
    public ObservableList<Path> files() {
        return files;
    }

    /** A listed file as read when it was listed, or null when it could not be read. */
    public CrawlStore.Glance glance(Path file) {
        return glances.get(file);
    }

    /**
     * The menu's entries for the files listed, in their order ({@link #labels(List,
     * java.util.function.Function, Path, java.time.ZoneId)}), in this computer's time zone.
     *
     * @param home the user's home folder, or null
     */
    public List<String> labels(Path home) {
        return labels(files, glances::get, home, java.time.ZoneId.systemDefault());
    }

    /** The longest host an entry names whole; a longer one keeps its end ("…docs.example"). */
    static final int HOST_CHARS = 32;

    /**
     * A crawl as File › Recent crawls names it, short (the menu was ~820 px wide when each
     * entry named its file, what it held and its folder): its site, when it was made, how many
     * URLs it finished, and how it stands when it did not finish ("example.com — 2026-12-07
     * 15:02 · 1,234 URLs · stopped"); a list check by its list, whose count says how many it
     * checks when it finished ("List of 25 URLs (example.com, cdn.example.net) — 2026-12-07
     * 15:02"); a file that is no crawl, by its name.
     */
    static String entry(Path file, CrawlStore.Glance g, java.time.ZoneId zone) {
        return name(file, g, zone, WHEN) + holds(g);
    }

    /** What an entry says after its name: " · 1,234 URLs · stopped"; "" for no crawl. */
    private static String holds(CrawlStore.Glance g) {
        if (g == null) {
            return "";
        }
        boolean finished = g.state().equals(io.webprobe.crawl.CrawlState.FINISHED.label());
        String count = g.isList() && finished ? ""
                : " · " + io.webprobe.Words.count(g.urls(), "URL");
        return count + (finished ? "" : " · " + g.state());
    }

    /**
     * A crawl by its entry's site (or list) and time ({@code when}), without what it holds
     * ("example.com — 2026-12-07 15:02"); a file that is no crawl, by its name.
     */
    private static String name(Path file, CrawlStore.Glance g, java.time.ZoneId zone,
            java.time.format.DateTimeFormatter when) {
        if (g == null) {
            return String.valueOf(file.getFileName());
        }
        String what = g.isList() ? list(g) : shortHost(host(g.startUrl()));
        String made = g.createdAt() == null ? String.valueOf(file.getFileName())
                : when.withZone(zone).format(g.createdAt());
        return (what.isEmpty() ? "" : what + " — ") + made;
    }

    /** The hosts a list's entry names at most; "…" follows when its first URLs have more. */
    static final int LIST_HOSTS = 2;

    /** "List of 25 URLs (example.com, cdn.example.net, …)", "List of 1 URL (example.com)". */
    private static String list(CrawlStore.Glance g) {
        List<String> hosts = g.listHosts();
        List<String> named = new ArrayList<>();
        for (int i = 0; i < Math.min(LIST_HOSTS, hosts.size()); i++) {
            named.add(shortHost(hosts.get(i)));
        }
        if (hosts.size() > LIST_HOSTS) {
            named.add("…");
        }
        String of = String.format(java.util.Locale.ROOT, "List of %,d %s", g.listed(),
                g.listed() == 1 ? "URL" : "URLs");
        return named.isEmpty() ? of : of + " (" + String.join(", ", named) + ")";
    }

    /** A start URL's host (and port), as the crawl keeps it; the text itself when no URL. */
    private static String host(String startUrl) {
        try {
            // as the crawl keeps it: a "%" typed without two hex digits after it stays so
            return io.webprobe.http.Urls.hostAndPort(io.webprobe.http.Urls.toUri(startUrl));
        } catch (IllegalArgumentException e) {
            return startUrl;
        }
    }

    /** A host as an entry names it: whole, or by its end when longer than HOST_CHARS. */
    private static String shortHost(String host) {
        return host.length() > HOST_CHARS ? "…" + host.substring(host.length() - HOST_CHARS + 1)
                : host;
    }

    private static final java.time.format.DateTimeFormatter WHEN_SECONDS =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
                    java.util.Locale.ROOT);

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm",
                    java.util.Locale.ROOT);

    /** The glance of each of {@code files} that is a crawl ({@code glance} gives null else). */
    public static java.util.Map<Path, CrawlStore.Glance> glances(List<Path> files,
            java.util.function.Function<Path, CrawlStore.Glance> glance) {
        java.util.Map<Path, CrawlStore.Glance> seen = new java.util.HashMap<>();
        for (Path p : files) {
            CrawlStore.Glance g = glance.apply(p);
            if (g != null) {
                seen.put(p, g);
            }
        }
        return seen;
    }

    /**
     * The menu's entries for these files ({@link #entry}), each told apart from the others:
     * entries that would read the same (a crawl file copied to another folder, two crawls
     * made in one minute) end with the file's name, or its folder when the names are the same
     * too ({@link #apart}). The whole path is the entry's tooltip.
     *
     * <p>The one name of a crawl in a list of crawls: the Compare tab's Older… and Newer…
     * menus name them so too.
     *
     * @param home the user's home folder, or null
     */
    public static List<String> labels(List<Path> files,
            java.util.function.Function<Path, CrawlStore.Glance> glance, Path home,
            java.time.ZoneId zone) {
        return told(files, glance, home, zone, true);
    }

    /**
     * The names sentences give these crawls ({@link #name}: the menu's entries without what
     * each holds), told apart as {@link #labels} tells them: the Compare tab's headings and
     * notes name its two crawls so.
     */
    public static List<String> names(List<Path> files,
            java.util.function.Function<Path, CrawlStore.Glance> glance, Path home,
            java.time.ZoneId zone) {
        return told(files, glance, home, zone, false);
    }

    /**
     * The crawls by their site and time, what they hold after it when {@code holds}: to the
     * minute, or to the second for two made in one minute ("example.com — 2026-12-07
     * 15:02:41"; told apart by their files' names, the Compare tab's sentence read "Compared
     * example.com — 2026-12-08 01:26 — example.com-2026-12-08-012644.webprobe with …"), then
     * by file ({@link #apart}: copies of one crawl).
     */
    private static List<String> told(List<Path> files,
            java.util.function.Function<Path, CrawlStore.Glance> glance, Path home,
            java.time.ZoneId zone, boolean holds) {
        List<String> minute = files.stream().map(f -> name(f, glance.apply(f), zone, WHEN))
                .toList();
        List<String> second = files.stream()
                .map(f -> name(f, glance.apply(f), zone, WHEN_SECONDS)).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            CrawlStore.Glance g = glance.apply(files.get(i));
            String n = minute.get(i);
            for (int j = 0; j < files.size(); j++) {
                // the seconds only where they tell one from another (copies share theirs)
                if (minute.get(j).equals(n) && !second.get(j).equals(second.get(i))) {
                    n = second.get(i);
                    break;
                }
            }
            out.add(holds ? n + holds(g) : n);
        }
        return apart(files, out, home);
    }

    /** {@code entries}, each that reads as another does followed by what tells it apart. */
    private static List<String> apart(List<Path> files, List<String> entries, Path home) {
        List<String> out = new ArrayList<>(entries);
        for (int i = 0; i < files.size(); i++) {
            List<Path> same = new ArrayList<>();
            for (int j = 0; j < files.size(); j++) {
                if (entries.get(j).equals(entries.get(i))) {
                    same.add(files.get(j));
                }
            }
            if (same.size() > 1) {
                out.set(i, entries.get(i) + " — " + apart(files.get(i), same, home));
            }
        }
        return List.copyOf(out);
    }

    /** The crawls folder. */
    public Path folder() {
        return folder.get();
    }

    /** A file was opened or crawled into: it goes first. */
    public void remember(Path file) {
        memory.addRecent(KEY, file.toAbsolutePath().toString(), LIMIT);
        refresh();
    }

    /**
     * A file picked from the list could not be opened because it is gone (moved or deleted):
     * it leaves the list, remembered or not.
     */
    public void forget(Path file) {
        String gone = file.toAbsolutePath().toString();
        List<String> kept = new ArrayList<>(memory.getStrings(KEY));
        if (kept.remove(gone)) {
            memory.putStrings(KEY, kept);
        }
        refresh();
    }

    /**
     * What tells a file apart from others whose entries read the same, shortest first: its
     * name; its folder's own name ("…/crawls", "~/one" under the home folder); its folder; its
     * path.
     */
    private static String apart(Path file, List<Path> same, Path home) {
        List<java.util.function.Function<Path, String>> ways = List.of(
                p -> String.valueOf(p.getFileName()), p -> shortFolder(p, home),
                p -> folder(p, home));
        for (var way : ways) {
            if (same.stream().map(way).distinct().count() == same.size()) {
                return way.apply(file);
            }
        }
        return folder(file, home) + java.io.File.separator + file.getFileName();
    }

    /** A file's folder by its own name: "~/one" right under the home folder, else "…/one". */
    static String shortFolder(Path file, Path home) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || folder.getFileName() == null) {
            return folder(file, home);
        }
        String sep = java.io.File.separator;
        return (home != null && home.equals(folder.getParent()) ? "~" : "…") + sep
                + folder.getFileName();
    }

    /** The longest folder an entry names; a longer one keeps its end ("…/site/crawls"). */
    static final int FOLDER_CHARS = 40;

    /** A file's folder as an entry names it ({@code ~} for the home folder), short. */
    static String folder(Path file, Path home) {
        Path folder = file.toAbsolutePath().getParent();
        String where = folder == null ? "" : folder.toString();
        if (home != null && folder != null && folder.startsWith(home)) {
            Path rest = home.relativize(folder);
            where = rest.toString().isEmpty() ? "~"
                    : "~" + java.io.File.separator + rest;
        }
        if (where.length() > FOLDER_CHARS) {
            where = "…" + where.substring(where.length() - FOLDER_CHARS + 1);
        }
        return where;
    }

    /**
     * The window closes: a listing still under way is dropped rather than handed to what
     * listens (which would start work on threads already stopped).
     */
    public void close() {
        closed = true;
    }

    /** How many listings were asked for (FX thread): only the latest is shown. */
    private long listings;

    /** Lists the files again (the folder on a background thread). */
    public void refresh() {
        if (closed) {
            return;
        }
        List<String> opened = memory.getStrings(KEY);
        long n = ++listings;
        background.execute(() -> {
            Set<Path> all = new LinkedHashSet<>();
            for (String s : opened) {
                Path p = Path.of(s);
                if (Files.isRegularFile(p)) {
                    all.add(p);
                }
            }
            all.addAll(newestIn(folder.get(), LIMIT));
            List<Path> list = new ArrayList<>(all).subList(0, Math.min(all.size(), LIMIT));
            List<Path> copy = List.copyOf(list);
            // read-only, a few rows each: a file another Webprobe crawls into is not disturbed
            java.util.Map<Path, CrawlStore.Glance> seen = glances(copy, CrawlStore::glance);
            fx.execute(() -> {
                // an older listing that ends last (a slow folder, two crawls' ends) is not shown
                if (!closed && n == listings) {
                    glances = seen;
                    files.setAll(copy);
                }
            });
        });
    }

    private static List<Path> newestIn(Path folder, int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(CrawlStore.EXTENSION))
                    .sorted(Comparator.comparing(RecentCrawls::modified).reversed())
                    .limit(limit)
                    .map(Path::toAbsolutePath)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
