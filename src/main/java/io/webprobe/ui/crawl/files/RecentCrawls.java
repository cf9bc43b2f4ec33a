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
    private final Path folder;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<Path> files = FXCollections.observableArrayList();

    public RecentCrawls(UiState memory, Path folder, Executor background, Executor fx) {
        this.memory = memory;
        this.folder = folder;
        this.background = background;
        this.fx = fx;
    }

    /** The recent files, as last listed. */
    public ObservableList<Path> files() {
        return files;
    }

    /** The crawls folder. */
    public Path folder() {
        return folder;
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
        return file.getFileName() + (where.isEmpty() ? "" : "  —  " + where);
    }

    /** Lists the files again (the folder on a background thread). */
    public void refresh() {
        List<String> opened = memory.getStrings(KEY);
        background.execute(() -> {
            Set<Path> all = new LinkedHashSet<>();
            for (String s : opened) {
                Path p = Path.of(s);
                if (Files.isRegularFile(p)) {
                    all.add(p);
                }
            }
            all.addAll(newestIn(folder, LIMIT));
            List<Path> list = new ArrayList<>(all).subList(0, Math.min(all.size(), LIMIT));
            List<Path> copy = List.copyOf(list);
            fx.execute(() -> files.setAll(copy));
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
