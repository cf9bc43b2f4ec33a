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
    /** What each file listed holds, read with the list (FX thread). */
    private java.util.Map<Path, String> about = java.util.Map.of();
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

    /**
     * What a listed file holds, as read when it was listed: its start URL's host, how its
     * crawl stands and how many URLs it finished ("example.com · finished · 1,234 URLs"), or
     * "" when it could not be read.
     */
    public String about(Path file) {
        return about.getOrDefault(file, "");
    }

    /** A listed file as read when it was listed, or null when it could not be read. */
    public CrawlStore.Glance glance(Path file) {
        return glances.get(file);
    }

    /** "example.com · finished · 1,234 URLs" for a file at a glance. */
    static String about(CrawlStore.Glance g) {
        if (g == null) {
            return "";
        }
        String host = "";
        try {
            // as the crawl keeps it: a "%" typed without two hex digits after it stays so
            java.net.URI u = io.webprobe.http.Urls.toUri(g.startUrl());
            host = u.getHost() == null ? "" : u.getPort() < 0 ? u.getHost()
                    : u.getHost() + ":" + u.getPort();
        } catch (IllegalArgumentException e) {
            host = g.startUrl();
        }
        String hostPart = host.isEmpty() ? "" : host + " · ";
        return hostPart + g.state() + " · " + io.webprobe.Words.count(g.urls(), "URL");
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

    /** The longest folder a menu item names; a longer one keeps its end ("…/site/crawls"). */
    static final int FOLDER_CHARS = 48;

    /**
     * A recent crawl as the menu names it: its name, then its folder ({@code ~} for the home
     * folder), so two {@code crawl.webprobe} of two folders are told apart.
     *
     * @param home the user's home folder, or null
     */
    public static String label(Path file, Path home) {
        return label(file, home, "");
    }

    /**
     * As {@link #label(Path, Path)}, with what the file holds ({@link #about(Path)}) after its
     * name: two crawls of one site are told apart by more than their times.
     */
    public static String label(Path file, Path home, String about) {
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
        return file.getFileName() + (about.isEmpty() ? "" : "  ·  " + about)
                + (where.isEmpty() ? "" : "  —  " + where);
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
            java.util.Map<Path, String> read = new java.util.HashMap<>();
            java.util.Map<Path, CrawlStore.Glance> seen = new java.util.HashMap<>();
            for (Path p : copy) {
                CrawlStore.Glance g = CrawlStore.glance(p);
                read.put(p, about(g));
                if (g != null) {
                    seen.put(p, g);
                }
            }
            fx.execute(() -> {
                // an older listing that ends last (a slow folder, two crawls' ends) is not shown
                if (!closed && n == listings) {
                    about = read;
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
