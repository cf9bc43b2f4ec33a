package io.webprobe.ui.compare;

import io.webprobe.export.DiffCsv;
import io.webprobe.export.ExportBatch;
import io.webprobe.export.ExportException;
import io.webprobe.export.RowSource;
import io.webprobe.store.ComparePair;
import io.webprobe.store.CrawlDiff;
import io.webprobe.store.CrawlReader;
import io.webprobe.store.CrawlStore;
import io.webprobe.store.StoreException;
import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.crawl.files.RecentCrawls;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Compare view: two crawl files of one site, what changed between them (URLs added and
 * removed, status, redirect, title, canonical and indexability changes, new and fixed broken
 * links), filtered by kind and by text, and exported to CSV. The comparison and the export run
 * on a background thread. FX thread only.
 */
public final class CompareModel {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(CompareModel.class);
    private final Executor background;
    private final Executor fx;
    private final DialogService dialogs;
    private final ObjectProperty<Path> oldFile = new SimpleObjectProperty<>(this, "oldFile");
    private final ObjectProperty<Path> newFile = new SimpleObjectProperty<>(this, "newFile");
    /**
     * The chosen crawls as File › Recent crawls names them ({@link RecentCrawls#labels}),
     * for the headings; as the choosers list them (or by the file's name) until the files are
     * read, "" when none is chosen.
     */
    private final ReadOnlyStringWrapper oldLabel = new ReadOnlyStringWrapper(this, "oldLabel",
            "");
    private final ReadOnlyStringWrapper newLabel = new ReadOnlyStringWrapper(this, "newLabel",
            "");
    private final ObservableList<CrawlDiff.Row> rows = FXCollections.observableArrayList();
    private final FilteredList<CrawlDiff.Row> shown = new FilteredList<>(rows, r -> true);
    /** The kind of change shown, null for all. */
    private final ObjectProperty<CrawlDiff.Change> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyObjectWrapper<Map<CrawlDiff.Change, Long>> counts =
            new ReadOnlyObjectWrapper<>(this, "counts", Map.of());
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose the older crawl and the newer crawl of one site.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    /**
     * What the counts of the last compare do not say on their own (a crawl that did not
     * finish, limits that differ), shown beside them; "" when nothing.
     */
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
    /**
     * The last compare's sentence, as {@code compare} prints it ("Compared a with b: 1 added,
     * 2 status changes."), shown above the counts; "" before one has ended.
     */
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    /** The start URL of the last compare's newer crawl: its site's URLs, "" before one. */
    private String startUrl = "";
    /** What the empty table says. */
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText",
            CHOOSE);
    static final String CHOOSE = "Choose two crawls of one site and press Compare.";
    /** Both chosen, not yet compared. */
    static final String PRESS = "Press Compare to see what changed between the two crawls.";
    /** What the last compare found to say when it found nothing (null before one). */
    private String nothingFound;
    /**
     * Counts the choices of files: a compare's result is shown only if no file was chosen
     * since it began (it belongs to the pair it compared, not to the pair shown now).
     */
    private long choice;

    public CompareModel(Executor background, Executor fx, DialogService dialogs) {
        this.background = background;
        this.fx = fx;
        this.dialogs = dialogs;
        kind.addListener(o -> refilter());
        search.addListener(o -> refilter());
        oldFile.addListener(o -> chosen());
        newFile.addListener(o -> chosen());
    }

    /**
     * Another file chosen: the changes shown (and exported) were those of the pair before,
     * so they go, and a compare still running will not show its result. It still counts as
     * running until it ends, so that Compare does not start a second one beside it.
     */
    private void chosen() {
        choice++;
        name(choice);
        nothingFound = null;
        rows.clear();
        counts.set(new EnumMap<>(CrawlDiff.Change.class));
        notes.set("");
        summary.set("");
        sayEmpty();
        sayChosen();
    }

    /** A compare whose pair is no longer the one chosen has ended: nothing of it is shown. */
    private void endedStale(CompletableFuture<Void> done) {
        running.set(false);
        sayChosen();
        done.complete(null);
    }

    /** Both crawls chosen: the status says what comes next (the headings name them). */
    private void sayChosen() {
        if (oldFile.get() != null && newFile.get() != null) {
            // Compare is disabled until the comparison of the pair before has ended
            status.set(running.get()
                    ? "Ending the comparison of the crawls chosen before; then press Compare to"
                            + " compare the two chosen now."
                    : "Press Compare to compare the two crawls chosen.");
        }
    }

    /**
     * The headings name the crawls chosen as the menus do: at once as a crawl known is listed
     * (else by its file's name), then as read from the files, unless another was chosen since.
     */
    private void name(long asked) {
        Path a = oldFile.get();
        Path b = newFile.get();
        oldLabel.set(listedAs(a));
        newLabel.set(listedAs(b));
        if (a == null && b == null) {
            return;
        }
        background.execute(() -> {
            Named named = named(a, b);
            fx.execute(() -> {
                if (asked == choice) {
                    oldLabel.set(a == null ? "" : named.olderLabel());
                    newLabel.set(b == null ? "" : named.newerLabel());
                }
            });
        });
    }

    /** A chosen file as the choosers list it, its name when they do not; "" for none. */
    private String listedAs(Path file) {
        if (file == null) {
            return "";
        }
        for (Known k : known) {
            if (k.file().equals(file)) {
                return k.label();
            }
        }
        return String.valueOf(file.getFileName());
    }

    /**
     * Two crawls as the menus name them: their entries for the headings ({@link
     * RecentCrawls#labels}), and in sentences without what each holds ({@link
     * RecentCrawls#names}), each told from the other when they would read alike.
     */
    public record Named(String olderLabel, String newerLabel, String olderName,
            String newerName) {}

    /** Reads the two files (either may be null) for {@link Named}. Not on the FX thread. */
    public static Named named(Path a, Path b) {
        if (a != null && b != null && sameFile(a, b)) {
            Named one = named(a, null); // one crawl chosen twice is one name, not told apart
            return new Named(one.olderLabel(), one.olderLabel(), one.olderName(),
                    one.olderName());
        }
        List<Path> both = new ArrayList<>();
        java.util.Map<Path, CrawlStore.Glance> read = new java.util.HashMap<>();
        for (Path p : new Path[] {a, b}) {
            if (p != null) {
                both.add(p);
                CrawlStore.Glance g = CrawlStore.glance(p);
                if (g != null) {
                    read.put(p, g);
                }
            }
        }
        Path home = io.webprobe.UserDirs.current().home();
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        List<String> labels = RecentCrawls.labels(both, read::get, home, zone);
        List<String> names = RecentCrawls.names(both, read::get, home, zone);
        int nb = a == null ? 0 : 1;
        return new Named(a == null ? "" : labels.get(0), b == null ? "" : labels.get(nb),
                a == null ? "" : names.get(0), b == null ? "" : names.get(nb));
    }

    /** The older crawl chosen as the menus name it ("" when none): the heading. */
    public ReadOnlyStringProperty oldLabelProperty() {
        return oldLabel.getReadOnlyProperty();
    }

    /** The newer crawl chosen as the menus name it ("" when none): the heading. */
    public ReadOnlyStringProperty newLabelProperty() {
        return newLabel.getReadOnlyProperty();
    }

    public ObjectProperty<Path> oldFileProperty() {
        return oldFile;
    }

    public ObjectProperty<Path> newFileProperty() {
        return newFile;
    }

    /** The changes shown: the filter's kind and text applied. */
    public ObservableList<CrawlDiff.Row> shown() {
        return shown;
    }

    /** Every change found. */
    public ObservableList<CrawlDiff.Row> rows() {
        return rows;
    }

    public ObjectProperty<CrawlDiff.Change> kindProperty() {
        return kind;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** How many changes of each kind. */
    public ReadOnlyObjectProperty<Map<CrawlDiff.Change, Long>> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** The notes on the last compare's counts, "" when none (see {@link #notes}). */
    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** The last compare's sentence, "" when none (see {@link #summary}). */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * The start URL of the newer crawl of the rows shown, "" when none: the URLs on its site
     * are cut by their path's end, as the Crawl tab cuts them.
     */
    public String startUrl() {
        return startUrl;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /**
     * What the table says while empty: how to start, that the two crawls do not differ, or
     * that no change matches the filter.
     */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * A crawl the app knows (File › Recent crawls), as the choosers list it.
     *
     * @param label as File › Recent crawls names it ({@link RecentCrawls#labels}: "example.com
     *     — 2026-12-06 14:05 · 1,234 URLs", "· stopped" after a crawl that did not finish, the
     *     file's name after two that would read alike), or the file's name when it cannot be
     *     read as a crawl
     * @param site the site it is of, as compare judges it, or "" when unknown
     * @param createdAt when it was made, or null when unknown
     * @param running whether it is still being crawled
     */
    public record Known(Path file, String label, String site, java.time.Instant createdAt,
            boolean running) {}

    private final ObservableList<Known> known = FXCollections.observableArrayList();

    /** The crawls the app knows, newest first (those of unknown age last). */
    public ObservableList<Known> known() {
        return known;
    }

    /**
     * Lists the crawls the app knows from now on: those of {@code files}, each read with
     * {@code glance} (null for a file that is no crawl) when the list changes.
     */
    public void knowCrawls(ObservableList<Path> files,
            java.util.function.Function<Path, CrawlStore.Glance> glance) {
        Runnable list = () -> {
            List<Path> listed = List.copyOf(files);
            java.util.Map<Path, CrawlStore.Glance> read = RecentCrawls.glances(listed, glance);
            // named as File › Recent crawls names them: one crawl, one name in both lists
            List<String> labels = RecentCrawls.labels(listed, read::get,
                    io.webprobe.UserDirs.current().home(), java.time.ZoneId.systemDefault());
            List<Known> all = new ArrayList<>();
            for (int i = 0; i < listed.size(); i++) {
                all.add(known(listed.get(i), read.get(listed.get(i)), labels.get(i)));
            }
            all.sort(java.util.Comparator.comparing(Known::createdAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
            known.setAll(all);
        };
        files.addListener((javafx.collections.ListChangeListener<Path>) c -> list.run());
        list.run();
    }

    /** A crawl the app knows, listed as {@code label} ({@code g} null: no crawl). */
    static Known known(Path file, CrawlStore.Glance g, String label) {
        if (g == null) {
            return new Known(file, label, "", null, false);
        }
        if (g.isList()) {
            // a list check is of no site, though its first URL's host would pass for one: it is
            // listed, never chosen beside a crawl of that host for the user
            return new Known(file, label, "", g.createdAt(), "running".equals(g.state()));
        }
        String site = "";
        try {
            site = ComparePair.site(io.webprobe.http.Urls.toUri(g.startUrl()));
        } catch (IllegalArgumentException e) {
            site = ""; // no URL to judge by: never chosen for the user
        }
        return new Known(file, label, site, g.createdAt(), "running".equals(g.state()));
    }

    /**
     * The tab opens: with no crawl chosen, the two newest crawls known, when both are of one
     * site and neither is still being crawled, are chosen as the older and the newer (not
     * compared: that may take a while).
     */
    public void opened() {
        if (oldFile.get() != null || newFile.get() != null || known.size() < 2) {
            return;
        }
        Known newer = known.get(0);
        Known older = known.get(1);
        if (newer.site().isEmpty() || !newer.site().equals(older.site())
                || newer.createdAt() == null || older.createdAt() == null
                || newer.running() || older.running()) {
            return;
        }
        oldFile.set(older.file());
        newFile.set(newer.file());
    }

    /** A crawl picked from those known, as the older or the newer. */
    public void pick(boolean older, Path file) {
        (older ? oldFile : newFile).set(file);
    }

    /** Asks for a crawl file (the older one, or the newer). */
    public void choose(boolean older, Path folder) {
        dialogs.chooseCrawlFile(older ? "The older crawl" : "The newer crawl", folder)
                .ifPresent(p -> (older ? oldFile : newFile).set(p));
    }

    /**
     * Compares the two files.
     *
     * @return completes on the FX executor when the result (or a sentence) is shown
     */
    public CompletableFuture<Void> compare() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Path a = oldFile.get();
        Path b = newFile.get();
        if (a == null || b == null) {
            status.set("Choose both crawls first: the older and the newer.");
            done.complete(null);
            return done;
        }
        long asked = choice;
        running.set(true);
        status.set("Comparing…");
        // the last comparison's rows (and its "no changes") are not this one's
        nothingFound = "Comparing the two crawls chosen…";
        rows.clear();
        counts.set(new EnumMap<>(CrawlDiff.Change.class));
        notes.set("");
        summary.set("");
        sayEmpty();
        background.execute(() -> {
            List<CrawlDiff.Row> found = new ArrayList<>();
            // either may be the crawl the Crawl tab shows (this process holds its lock)
            try (CrawlStore sa = CrawlStore.open(a, CrawlStore.Access.READ_BESIDE_OWN);
                    CrawlStore sb = CrawlStore.open(b, CrawlStore.Access.READ_BESIDE_OWN);
                    CrawlReader ra = sa.reader();
                    CrawlReader rb = sb.reader()) {
                // named as the menus name them; the headings show the same names, with the
                // paths in their tooltips
                Named named = named(a, b);
                String nameA = named.olderName();
                String nameB = named.newerName();
                String refusal = sameFile(a, b) ? null
                        : ComparePair.refusal(sa, nameA, sb, nameB);
                if (refusal != null) {
                    failed(asked, done, refusal);
                    return;
                }
                CrawlDiff.Counts c = CrawlDiff.compare(ra, rb, found::add);
                Map<CrawlDiff.Change, Long> byKind = new EnumMap<>(CrawlDiff.Change.class);
                for (CrawlDiff.Change k : CrawlDiff.Change.values()) {
                    byKind.put(k, c.of(k));
                }
                // checked once both open: a file that is no crawl is said to be none first
                String none = sameFile(a, b) ? nameA + " was chosen as both the "
                        + "older and the newer crawl, and a crawl does not differ from itself: "
                        + "choose another crawl to compare it with."
                        : compared(c);
                // the sentence compare prints, above the counts; a slip is said in the status
                String sentence = sameFile(a, b) ? "" : c.sentence(nameA, nameB);
                // and in the window's status bar, as the Crawl and Ping tabs end theirs: the
                // result in short (the files are named above), a compare run again on the same
                // pair seen to have ended (the bar was left blank)
                String ended = sameFile(a, b) ? none : finished(c);
                // beside the counts, not at the end of a status line the file names fill
                List<String> said = new ArrayList<>();
                if (c.startFailure() != null) {
                    said.add(c.startFailure());
                }
                // the patterns as the Crawl settings show them, not the command line's words
                said.addAll(ComparePair.notes(sa, nameA, sb, nameB, c,
                        io.webprobe.crawl.CrawlLimit.Naming.LABEL));
                String noted = sameFile(a, b) ? "" : String.join(" ", said);
                String start = sb.plan().startUrl().toString();
                fx.execute(() -> {
                    if (asked != choice) {
                        endedStale(done); // another pair chosen meanwhile
                        return;
                    }
                    nothingFound = none;
                    startUrl = start; // before the rows: their cells read it
                    rows.setAll(found);
                    sayEmpty();
                    counts.set(byKind);
                    running.set(false);
                    status.set(ended);
                    summary.set(sentence);
                    notes.set(noted);
                    done.complete(null);
                });
            } catch (StoreException e) {
                failed(asked, done, e.getMessage());
            } catch (RuntimeException | OutOfMemoryError e) {
                // not left at "Comparing…" for ever: said, and the details logged
                LOG.error("Comparing {} with {} failed", a, b, e);
                failed(asked, done, e instanceof OutOfMemoryError
                        ? io.webprobe.OutOfMemory.SENTENCE
                        : "The comparison failed; the details are in Webprobe's log.");
            }
        });
        return done;
    }

    /**
     * What the empty table of a compare that found no changes says: what was compared, since
     * the line above it and the status bar say that there are none (the table said it a third
     * time). Missing anchors are named when both crawls checked them.
     */
    static String compared(CrawlDiff.Counts counts) {
        boolean anchors = counts.olderCheckedAnchors() && counts.newerCheckedAnchors();
        return "Compare looked at the URLs each crawl has, their status, redirect, title, "
                + "canonical and indexability, and the broken links" + (anchors
                ? " and missing anchors" : "") + " on their pages.";
    }

    /** The status line of a compare that ended: "Finished: 1 added, 2 status changes." */
    static String finished(CrawlDiff.Counts counts) {
        return "Finished: " + counts.summary() + ".";
    }

    /**
     * A comparison that could not be made (refused, or failed): said, unless another pair was
     * chosen meanwhile.
     */
    private void failed(long asked, CompletableFuture<Void> done, String why) {
        fx.execute(() -> {
            if (asked != choice) {
                endedStale(done); // another pair chosen meanwhile
                return;
            }
            running.set(false);
            nothingFound = null;
            sayEmpty();
            status.set(why);
            dialogs.showError("Cannot compare", why);
            done.complete(null);
        });
    }

    /**
     * Exports the changes shown to a CSV file the user chooses.
     *
     * @param bom whether to start the file with a UTF-8 byte-order mark (for Excel)
     */
    public CompletableFuture<Void> export(boolean bom) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (shown.isEmpty()) {
            dialogs.showInfo("Export changes", "There are no changes to export.");
            done.complete(null);
            return done;
        }
        Optional<Path> chosen = dialogs.chooseCsvFile("Export changes as CSV", "changes.csv");
        if (chosen.isEmpty()) {
            done.complete(null);
            return done;
        }
        Path file = chosen.get();
        List<CrawlDiff.Row> list = List.copyOf(shown);
        background.execute(() -> {
            try {
                new ExportBatch(null, bom).add(file, DiffCsv.CHANGES, RowSource.of(list))
                        .writeAll();
                String text = "Exported " + io.webprobe.Words.count(list.size(), "change")
                        + " to " + file.getFileName() + ".";
                fx.execute(() -> {
                    status.set(text);
                    done.complete(null);
                });
            } catch (ExportException e) {
                fx.execute(() -> {
                    status.set(e.getMessage());
                    dialogs.showError("Export failed", e.getMessage());
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private void sayEmpty() {
        boolean both = oldFile.get() != null && newFile.get() != null;
        emptyText.set(nothingFound == null ? (both ? PRESS : CHOOSE)
                : rows.isEmpty() ? nothingFound
                : "No change matches this filter.");
    }

    private static boolean sameFile(Path a, Path b) {
        return ComparePair.sameFile(a, b);
    }

    private void refilter() {
        CrawlDiff.Change k = kind.get();
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        String e = asStored(q);
        shown.setPredicate(r -> (k == null || r.change() == k) && matches(r, q, e));
    }

    /**
     * Lower-cased search text as stored URLs hold it: percent-encoded ("ünicode" typed is found
     * in them as %c3%bcnicode).
     */
    static String asStored(String q) {
        String asEncoded = io.webprobe.http.Urls.asInUrls(q);
        return asEncoded == null ? q : asEncoded.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a change holds the lower-cased search text {@code q}: in its URLs as stored, or
     * as {@code e} ({@link #asStored}, as in the crawl's URL table), or as the table shows them (an international host in its letters), or in its
     * values.
     */
    static boolean matches(CrawlDiff.Row r, String q, String e) {
        if (q.isEmpty()) {
            return true;
        }
        for (String url : new String[] {r.url(), r.sourceUrl()}) {
            if (url == null) {
                continue;
            }
            String stored = url.toLowerCase(Locale.ROOT);
            if (stored.contains(q) || stored.contains(e)
                    || CompareView.forPeople(url).toLowerCase(Locale.ROOT).contains(q)) {
                return true;
            }
        }
        return (r.oldValue() != null && r.oldValue().toLowerCase(Locale.ROOT).contains(q))
                || (r.newValue() != null && r.newValue().toLowerCase(Locale.ROOT).contains(q));
    }
}
