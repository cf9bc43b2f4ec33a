package io.webprobe.ui.listcheck;

import io.webprobe.Words;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.ping.TargetList;
import io.webprobe.ui.common.TargetProblems;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * List mode's input: URLs pasted or loaded from a file, one per line (blank lines and
 * {@code # comments} ignored, {@code example.com} read as a browser would), each checked once
 * without following links. Lines that are not URLs are named in one sentence and skipped. FX
 * thread only; a file is read on a background thread.
 */
public final class ListInputModel {
    /** Longer lists are counted when the check starts, not on every keystroke. */
    private static final int LIVE_PARSE_LIMIT = 200_000;

    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Paste URLs, one per line, or load a file.");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    /** The skipped lines by reason, every one named ("Line 6 skipped: …"), else "". */
    private final ReadOnlyStringWrapper skipped = new ReadOnlyStringWrapper(this, "skipped", "");
    private final Executor background;
    private final Executor fx;

    public ListInputModel(Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        text.addListener((o, was, now) -> {
            error.set("");
            summarise();
        });
    }

    /** The list as typed. */
    public StringProperty textProperty() {
        return text;
    }

    /** "12 URLs", "7 URLs · 2 lines skipped (lines 6 and 9)": short, to fit beside the button. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * Why the skipped lines were skipped, one line per reason naming its lines, as the Ping
     * tab says it ("Lines 6 and 9 skipped: Only http:// and https:// addresses…"), else "".
     */
    public ReadOnlyStringProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** A sentence after {@link #urls()} refused, else "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The URLs to check, each once ({@link #keyedOnce}; with the request targets of those
     * typed with a stray "%"), or empty
     * (with {@link #errorProperty()} set) when there are none.
     */
    public Optional<TargetList> urls() {
        TargetList list = keyedOnce(TargetList.parse(text.get()));
        if (list.urls().isEmpty()) {
            error.set(list.problems().isEmpty() ? "Paste at least one URL, one per line."
                    : "No line is a URL: " + list.problems().get(0) + ".");
            return Optional.empty();
        }
        error.set("");
        return Optional.of(list);
    }

    /**
     * Reads the list from a file (UTF-8, or UTF-16 after its byte-order mark) on a background
     * thread.
     *
     * @return completes on the FX executor once the text is set or the failure said
     */
    public CompletableFuture<Void> load(Path file) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        background.execute(() -> {
            try {
                // as the Ping tab and ping --file read a list: a line that is not UTF-8 is a
                // bad line, named and skipped (TargetList), not a reason to refuse the file
                String s = TargetList.text(Files.readAllBytes(file));
                fx.execute(() -> {
                    text.set(s);
                    done.complete(null);
                });
            } catch (IOException | RuntimeException e) {
                String why = "Could not read " + file.getFileName() + ": "
                        + io.webprobe.FileErrors.whyNotRead(e) + ".";
                fx.execute(() -> {
                    error.set(why);
                    done.complete(null);
                });
            }
        });
        return done;
    }

    private void summarise() {
        String s = text.get();
        if (s.length() > LIVE_PARSE_LIMIT) {
            summary.set(String.format(Locale.ROOT, "%,d lines", s.lines().count()));
            skipped.set("");
            return;
        }
        TargetList list = keyedOnce(TargetList.parse(s));
        int n = list.urls().size();
        String urls = Words.count(n, "URL");
        if (n == 0 && list.problems().isEmpty()) {
            summary.set("Paste URLs, one per line, or load a file.");
            skipped.set("");
            return;
        }
        String said = urls;
        if (!list.problems().isEmpty()) {
            int bad = list.problems().size();
            String lines = TargetProblems.allLines(list);
            // every skipped line named ("lines 6 and 9"), why in the tooltip, grouped by reason
            said += " · " + Words.count(bad, "line") + " skipped ("
                    + Character.toLowerCase(lines.charAt(0)) + lines.substring(1) + ")";
        }
        if (list.duplicates() > 0) {
            // a URL listed twice is checked once: said, not done without a word
            said += " · " + Words.count(list.duplicates(), "duplicate") + " left out";
        }
        summary.set(said);
        skipped.set(TargetProblems.text(list));
    }

    /**
     * The list as a check takes it: each URL once by the crawl's rule ({@link
     * CrawlPlan#distinct}, {@code /%7Ea} and {@code /~a} are one), every line left out for
     * repeating a URL counted in {@link TargetList#duplicates()}.
     */
    public static TargetList keyedOnce(TargetList list) {
        List<URI> once = CrawlPlan.distinct(list.urls());
        if (once.size() == list.urls().size()) {
            return list;
        }
        return new TargetList(once, list.problems(),
                list.duplicates() + list.urls().size() - once.size(), list.requestTargets());
    }

    /**
     * What a check of this list says of its repeats as it starts, "" when none: "2 duplicate
     * URLs in the list were left out".
     */
    public static String duplicatesLeftOut(TargetList list) {
        int n = list.duplicates();
        return n == 0 ? "" : n == 1 ? "1 duplicate URL in the list was left out"
                : String.format(Locale.ROOT, "%,d duplicate URLs in the list were left out", n);
    }
}
