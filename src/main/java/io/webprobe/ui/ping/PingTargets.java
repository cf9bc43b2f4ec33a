package io.webprobe.ui.ping;

import io.webprobe.Words;
import io.webprobe.ping.TargetList;
import io.webprobe.ui.common.DialogService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Ping tab's list of URLs: the text the user edits, what is wrong with its lines, and
 * the URLs put in it from a crawl (asking before the user's own lines are replaced) or from a
 * file (read off the FX thread). Lives on the FX thread.
 */
final class PingTargets {
    private final StringProperty targets;
    private final ReadOnlyStringWrapper problems;
    private final DialogService dialogs;
    private final Executor fx;
    private final Executor background;
    /** Where a sentence for the status bar goes. */
    private final Consumer<String> status;
    /** Whether a run goes (its own status line then stays until it ends). */
    private final BooleanSupplier running;
    /** The last sentence said of what the list holds now ("The list now holds 417 URLs…"). */
    private String said;

    /**
     * @param bean the properties' owner (the view model)
     */
    PingTargets(Object bean, DialogService dialogs, Executor fx, Executor background,
            Consumer<String> status, BooleanSupplier running) {
        this.targets = new SimpleStringProperty(bean, "targets", "");
        this.problems = new ReadOnlyStringWrapper(bean, "targetProblems", "");
        this.dialogs = dialogs;
        this.fx = fx;
        this.background = background;
        this.status = status;
        this.running = running;
        targets.addListener((o, a, b) -> problems.set(""));
    }

    StringProperty textProperty() {
        return targets;
    }

    ReadOnlyStringWrapper problems() {
        return problems;
    }

    /**
     * The list parsed, its bad lines shown under it (and, when it holds no URL and nothing
     * else is wrong, a line asking for one).
     */
    TargetList parse() {
        TargetList list = TargetList.parse(targets.get());
        showProblems(list);
        if (list.urls().isEmpty() && list.problems().isEmpty()) {
            problems.set("Enter at least one URL, one per line.");
        }
        return list;
    }

    /**
     * The list's bad lines shown under it, as Start and Load from file show them, without
     * asking for a URL: a list brought back at a restart named them only when Start was
     * pressed.
     */
    void showProblems() {
        showProblems(TargetList.parse(targets.get()));
    }

    /**
     * Why Start started nothing, for the status bar: no line of the list is a valid URL (the
     * first bad line named, with its reason), or the list holds none at all; and, when the
     * table shows an earlier test, that it is that test's.
     *
     * @param list the parsed list, without a URL
     * @param lastRunShown whether the table holds the rows of an earlier test
     */
    static String nothingToPing(TargetList list, boolean lastRunShown) {
        String why;
        if (list.problems().isEmpty()) {
            why = "the list holds no URL (enter one per line)";
        } else {
            TargetList.Problem first = list.problems().get(0);
            String reason = first.reason().endsWith(".")
                    ? first.reason().substring(0, first.reason().length() - 1) : first.reason();
            why = "no line of the list is a valid URL (line " + first.line()
                    + (list.problems().size() > 1 ? ", the first bad one: " : ": ") + reason + ")";
        }
        return "No test started: " + why + (lastRunShown
                ? "; the table still shows the last test." : ".");
    }

    /**
     * Most URLs the list takes from a crawl or a file. The list is a text box, which lays out
     * every line again at each change: 30,000 lines took 2-3 s per keystroke. And so many URLs
     * at once is a load test of the site, not a latency check; {@code ping --file} on the
     * command line takes any number.
     */
    static final int MAX_LIST_URLS = 1000;

    /**
     * Puts URLs taken from a crawl in the target list (the first {@link #MAX_LIST_URLS}). A list
     * holding lines of the user's that are not among them is not lost without asking: Replace,
     * Add to the list (the URLs not in it already, after it), or Cancel.
     *
     * @return false when the user cancelled (the list is as it was)
     */
    boolean setTargets(List<String> urls) {
        List<String> kept = urls.size() > MAX_LIST_URLS ? urls.subList(0, MAX_LIST_URLS) : urls;
        java.util.Set<String> incoming = new java.util.HashSet<>(kept);
        List<String> lines = targets.get() == null ? List.of() : targets.get().lines()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        // the user's own: lines that neither these URLs nor an earlier crawl's put there
        long own = lines.stream().filter(l -> !incoming.contains(l) && !fromCrawl.contains(l))
                .count();
        if (own > 0) {
            Optional<String> choice = dialogs.choose("Ping these", "The list of URLs to ping "
                    + "holds " + Words.count(own, "line") + " of your own. Replace "
                    + (own == 1 ? "it" : "them") + " with the "
                    + Words.count(kept.size(), "URL") + " from the crawl, or add these to the "
                    + "list?", List.of(REPLACE, ADD));
            if (choice.isEmpty()) {
                return false;
            }
            if (choice.get().equals(ADD)) {
                add(lines, urls);
                return true;
            }
        }
        fromCrawl.addAll(kept);
        targets.set(String.join("\n", kept));
        if (!running.getAsBoolean()) { // a run's own line stays until it ends
            say((kept.size() < urls.size()
                    ? String.format(Locale.ROOT, "The list now holds the first %,d of the %,d URLs "
                            + "from the crawl%s", kept.size(), urls.size(), MOST)
                    : "The list now holds " + Words.count(urls.size(), "URL") + " from the "
                            + "crawl") + "; press Start to ping " + (urls.size() == 1 ? "it."
                                    : "them."));
        }
        return true;
    }

    /** Lines a crawl's URLs put in the list: not the user's own when the next ones come. */
    private final java.util.Set<String> fromCrawl = new java.util.HashSet<>();

    /**
     * The list's lines a crawl's URLs put there, one a line, for the settings to keep with the
     * list: after a restart they are still not "of your own".
     */
    String fromCrawlLines() {
        String text = targets.get() == null ? "" : targets.get();
        return String.join("\n", text.lines().map(String::strip).filter(fromCrawl::contains)
                .distinct().toList());
    }

    /** Brings back what {@link #fromCrawlLines()} gave (the app opening). */
    void restoreFromCrawl(String lines) {
        lines.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(fromCrawl::add);
    }

    static final String REPLACE = "Replace";
    static final String ADD = "Add to the list";

    /** Adds the crawl's URLs the list does not hold yet after it, up to the most it takes. */
    private void add(List<String> own, List<String> urls) {
        java.util.Set<String> have = new java.util.HashSet<>(own);
        long listed = own.stream().filter(l -> !l.startsWith("#")).count();
        List<String> added = new java.util.ArrayList<>();
        int already = 0;
        for (String u : urls) {
            if (have.contains(u)) {
                already++;
            } else if (listed + added.size() < MAX_LIST_URLS && have.add(u)) {
                added.add(u);
            }
        }
        fromCrawl.addAll(added);
        long left = urls.size() - already - added.size();
        String text = targets.get().stripTrailing();
        targets.set(added.isEmpty() ? targets.get()
                : text + (text.isEmpty() ? "" : "\n") + String.join("\n", added));
        if (!running.getAsBoolean()) {
            say("Added " + Words.count(added.size(), "URL") + " from the crawl to the list"
                    + (already > 0 ? " (" + Words.count(already, "URL was", "URLs were")
                            + " in it already)" : "")
                    + (left > 0 ? String.format(Locale.ROOT, "; %,d more did not fit%s", left,
                            MOST) : "")
                    + (added.isEmpty() ? "." : "; press Start to ping the list."));
        }
    }

    /** Says what the list holds now, in the status bar. */
    private void say(String sentence) {
        said = sentence;
        status.accept(sentence);
    }

    /**
     * The last sentence said of what the list holds ("The list now holds 417 URLs from the
     * crawl; press Start to ping them."), which an edit of the list makes untrue; or null.
     */
    String said() {
        return said;
    }

    /** Why a list was cut, after its figures. */
    static final String MOST = " (the most it takes; ping --file on the command line "
            + "takes any number)";

    /** Asks for a file of URLs and loads it (read off the FX thread). */
    CompletableFuture<Void> loadTargetsFromFile() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Optional<Path> file = dialogs.chooseOpenFile("Load URLs");
        if (file.isEmpty()) {
            done.complete(null);
            return done;
        }
        Path p = file.get();
        background.execute(() -> {
            try {
                // read, cut and parsed here: a file of a few long lines is slow to parse
                LoadedTargets loaded = LoadedTargets.of(p.getFileName().toString(),
                        Files.readAllBytes(p), MAX_LIST_URLS);
                fx.execute(() -> {
                    if (!loaded.keepsList()) {
                        targets.set(loaded.text());
                        showProblems(loaded.list());
                    }
                    status.accept(loaded.status());
                    done.complete(null);
                });
            } catch (IOException e) {
                fx.execute(() -> {
                    dialogs.showError("Load URLs", "Could not read " + p + ": "
                            + io.webprobe.FileErrors.whyNotRead(e) + ".");
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private void showProblems(TargetList list) {
        problems.set(io.webprobe.ui.common.TargetProblems.text(list));
    }
}
