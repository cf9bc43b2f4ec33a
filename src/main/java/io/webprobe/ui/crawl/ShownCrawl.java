package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlJob;
import io.webprobe.crawl.CrawlState;
import io.webprobe.store.CrawlInfo;
import io.webprobe.store.CrawlStore;
import io.webprobe.ui.crawl.files.RecentCrawls;
import io.webprobe.ui.crawl.session.ChangeWatch;
import io.webprobe.ui.crawl.session.OpenCrawl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which crawl file the Crawl tab shows: showing one (the workspace attached to it, a file
 * opened read-only watched for another Webprobe's changes), closing it (its lanes, job and
 * store released off the FX thread, the file deleted when it is not wanted), and which crawl
 * late messages belong to (its generation: those of an earlier one are dropped). Running a
 * crawl is {@link CrawlRun}'s; opening a file and the resume offer are {@link CrawlOpening}'s.
 *
 * <p>FX thread only.
 */
final class ShownCrawl {
    private static final Logger log = LoggerFactory.getLogger(ShownCrawl.class);
    /** How often a file opened read-only is checked for another Webprobe's changes. */
    static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    /** What showing a crawl tells the rest of the tab. */
    interface Told {
        /** Another crawl is shown, or none: an offer to resume the last one goes with it. */
        void offerGone();

        /** A crawl is shown: the hint about an interrupted crawl has done its work. */
        void hintGone();

        /** Another Webprobe changed the file shown read-only, or let it go. */
        void changedElsewhere(ChangeWatch.Change change);
    }

    private final CrawlViewModel.Services s;
    private final Workspace workspace;
    private final RecentCrawls recent;
    private final Told told;
    private final ReadOnlyBooleanWrapper hasCrawl = new ReadOnlyBooleanWrapper(this, "hasCrawl");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    /** Why the crawl shown is in a temporary file, not kept; "" for a kept one or once hidden. */
    private final ReadOnlyStringWrapper notKept = new ReadOnlyStringWrapper(this, "notKept", "");

    private OpenCrawl crawl;
    /**
     * Watches a crawl file this window does not write (yet) for another Webprobe's changes, or
     * null.
     */
    private ChangeWatch watch;
    /** Which crawl late messages belong to; those of an earlier one are dropped. */
    private int generation;
    /** The crawl file to delete once it is closed (a start refused for a sign-in), or null. */
    private Path discard;

    ShownCrawl(CrawlViewModel.Services s, Workspace workspace, RecentCrawls recent, Told told) {
        this.s = s;
        this.workspace = workspace;
        this.recent = recent;
        this.told = told;
    }

    /** The crawl shown, or null. */
    OpenCrawl current() {
        return crawl;
    }

    /** Whether a crawl is shown (running, finished or opened). */
    ReadOnlyBooleanProperty hasCrawlProperty() {
        return hasCrawl.getReadOnlyProperty();
    }

    /** The crawl file shown, or null. */
    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /**
     * The sentence saying that the crawl shown is in a temporary file, deleted when it is
     * closed, and why (the crawls folder cannot take it); "" otherwise, or once hidden.
     */
    ReadOnlyStringProperty notKeptProperty() {
        return notKept.getReadOnlyProperty();
    }

    /** Says, until the crawl shown is closed, that it is not kept and why. */
    void sayNotKept(String sentence) {
        notKept.set(sentence);
    }

    /** The user read it: the sentence is hidden (the crawl is still not kept). */
    void hideNotKept() {
        notKept.set("");
    }

    /** Whether the crawl shown is in a temporary file, deleted when it is closed. */
    boolean shownNotKept() {
        return crawl != null && crawl.store().temporary();
    }

    /** The generation of the crawl shown (or about to be). */
    int generation() {
        return generation;
    }

    /**
     * Closes the crawl shown and starts a new generation, for a crawl about to be made: late
     * messages of the one before are dropped from now on.
     */
    int closeForNew() {
        close();
        return ++generation;
    }

    /** Shows a crawl file in the workspace, closing the one shown before. */
    void show(CrawlStore store) {
        close();
        show(store, ++generation);
    }

    /** Shows a crawl file as this generation's (a crawl just made), closing the one before. */
    void show(CrawlStore store, int gen) {
        close();
        generation = gen;
        crawl = new OpenCrawl(store, s.fx());
        if (!store.writing()) {
            // opened to look at (read-only, or written only once a resume or a re-check here
            // asks): another Webprobe may write it meanwhile (resume it, finish it), and this
            // window follows. First, so that its first look at the file is before the
            // workspace's first reads
            OpenCrawl c = crawl;
            watch = new ChangeWatch(c.countsLane(), s.timer(), s.fx(), s.watchEvery(),
                    store.info().goesOn(), workspace::reading,
                    change -> changedElsewhere(c, change));
        }
        hasCrawl.set(true);
        file.set(store.file());
        told.offerGone();
        told.hintGone(); // a crawl is shown: the hint has done its work or is moot
        workspace.attach(crawl, store.plan().useSitemaps()
                && store.info().state() == CrawlState.FINISHED,
                store.plan().isList() ? store.plan().startUrl() : null);
    }

    /**
     * Another Webprobe changed the crawl file this window reads: the workspace reads it again
     * (its counts, rows, broken links and export then agree) and the tab is told how the crawl
     * stands now. Once the process that held it is gone, the workspace reads it through new
     * readers: one made while a crawl ran elsewhere does not count the inlinks a kill left
     * unwritten, and kept showing the counts of its last commit.
     */
    private void changedElsewhere(OpenCrawl c, ChangeWatch.Change change) {
        if (c != crawl) {
            return;
        }
        CrawlInfo info = change.info();
        if (c.store().writing()) {
            // this window writes it now (a resume, a re-check): the change seen is its own,
            // and no other Webprobe can write it while it holds the lock
            if (watch != null) {
                watch.close();
                watch = null;
            }
            return;
        }
        if (change.released()) {
            c.renewReaders();
        }
        workspace.changedElsewhere(info.plan().useSitemaps()
                && info.state() == CrawlState.FINISHED);
        told.changedElsewhere(change);
    }

    /**
     * The file shown is deleted when it is closed (the next crawl takes its place), or, with
     * null, kept after all.
     */
    void discardOnClose(Path f) {
        discard = f;
    }

    /**
     * Closes the crawl shown and empties the workspace (a running crawl's ticker is its own);
     * an offer to resume it goes with it.
     */
    void close() {
        told.offerGone();
        if (watch != null) {
            watch.close();
            watch = null;
        }
        if (crawl != null) {
            OpenCrawl c = crawl;
            crawl = null;
            Path gone = c.store().file().equals(discard) ? discard : null;
            discard = null;
            c.close(s.background(), gone == null ? () -> { } : () -> delete(gone));
            hasCrawl.set(false);
            file.set(null);
            notKept.set("");
            workspace.detach();
        }
    }

    /** On a background thread, once its store is closed: deletes a crawl file not wanted. */
    private void delete(Path f) {
        try {
            for (String end : new String[] {"", "-wal", "-shm", "-journal"}) {
                java.nio.file.Files.deleteIfExists(f.resolveSibling(f.getFileName() + end));
            }
        } catch (java.io.IOException e) {
            log.info("Could not delete {}: {}", f, e.toString());
        }
        s.fx().execute(() -> recent.forget(f));
    }

    /**
     * The window closes: messages still queued for the FX thread are dropped, the watch ends,
     * a running job is stopped and the file closed here (bounded), so that it is left whole.
     */
    void closeAtExit() {
        generation++;
        if (watch != null) {
            watch.close();
            watch = null;
        }
        OpenCrawl c = crawl;
        crawl = null;
        if (c != null) {
            CrawlJob j = c.job();
            if (j != null) {
                j.close();
                c.setJob(null);
            }
            c.close(Runnable::run);
        }
    }
}
