package io.webprobe.ui.crawl.details;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.store.UrlDetails;
import io.webprobe.ui.crawl.session.PacedRead;
import io.webprobe.ui.crawl.session.ReaderLane;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details pane's state: one URL of the crawl file in detail (its row, every page linking
 * to it, every link on it, its redirect chain, its headers, a search-result preview), read on
 * the table lane when the shown URL changes, and again while a crawl runs ({@link #crawlGrew}):
 * pages crawled meanwhile link to it, the targets of its links get their status. FX thread
 * only.
 */
public final class DetailsModel {
    /** At most this many inlinks and outlinks are listed (the count says how many in all). */
    public static final int LIMIT = 10_000;

    private final ReadOnlyLongWrapper shownId = new ReadOnlyLongWrapper(this, "shownId");
    private final ReadOnlyObjectWrapper<UrlDetails.Details> details =
            new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading",
            "Select a URL to see its details.");
    private final ReadOnlyStringWrapper inlinksText = new ReadOnlyStringWrapper(this, "inlinksText",
            "Inlinks");
    private final ReadOnlyStringWrapper outlinksText =
            new ReadOnlyStringWrapper(this, "outlinksText", "Outlinks");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Snippet> snippet = new ReadOnlyObjectWrapper<>(this,
            "snippet");
    private final ObservableList<UrlDetails.Inlink> inlinks = FXCollections.observableArrayList();
    private final ObservableList<UrlDetails.Outlink> outlinks =
            FXCollections.observableArrayList();
    private final ObservableList<RedirectChains.Node> hops = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headers = new ReadOnlyStringWrapper(this, "headers", "");
    private final ReadOnlyStringWrapper chainProblem =
            new ReadOnlyStringWrapper(this, "chainProblem", "");
    private final ReadOnlyBooleanWrapper hasUrl = new ReadOnlyBooleanWrapper(this, "hasUrl");
    private final ReadOnlyStringWrapper notAUrl = new ReadOnlyStringWrapper(this, "notAUrl", "");
    /** The broken link shown whose href is no URL, or null. */
    private BrokenLink shownHref;
    private ReaderLane lane;
    private int requestNo;
    /** The shown URL read again while a crawl runs, paced as the overview's counts. */
    private final PacedRead<Live> live;

    /** A read of the shown URL made while a crawl runs, for the request it was made in. */
    private record Live(int no, long id, UrlDetails.Details details) {}

    /** Two inlinks are the same row when they are equal: none changes once written. */
    static final BiPredicate<UrlDetails.Inlink, UrlDetails.Inlink> SAME_INLINK =
            UrlDetails.Inlink::equals;
    /** Two outlinks are the same row read twice when only their target's status differs. */
    static final BiPredicate<UrlDetails.Outlink, UrlDetails.Outlink> SAME_OUTLINK =
            (a, b) -> a.targetId() == b.targetId() && a.url().equals(b.url())
                    && a.anchor().equals(b.anchor()) && a.type().equals(b.type())
                    && a.nofollow() == b.nofollow();
    private static final BiPredicate<RedirectChains.Node, RedirectChains.Node> SAME_HOP =
            (a, b) -> a.url().equals(b.url());

    public DetailsModel() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock that paces the reads made while a crawl runs */
    public DetailsModel(LongSupplier nanoTime) {
        live = new PacedRead<>("details-live", () -> {
            int no = requestNo;
            long id = shownId.get();
            return q -> new Live(no, id, q.details().of(id, LIMIT));
        }, this::applyLive, message -> { }, nanoTime);
    }

    /** Reads from this lane (null: none; the pane empties). */
    public void attach(ReaderLane l) {
        lane = l;
        live.setLane(l);
        show(0);
    }

    /**
     * A tick of a running crawl: the shown URL is read again when due (at most twice a second,
     * less often when a read takes long), and shown changed in place: its tables keep their
     * selection, sort and scroll. A failed read leaves the pane as it was: the next tick tries
     * again, and the end of the crawl reads it whole ({@link #refresh}).
     */
    public void crawlGrew() {
        if (shownId.get() != 0 && !loading.get()) {
            live.request();
        }
    }

    private void applyLive(Live l) {
        // another URL asked for meanwhile, or its first read still on its way: not this one's
        if (l.no() == requestNo && l.id() == shownId.get() && !loading.get()
                && l.details().row() != null) {
            fill(l.details(), true);
        }
    }

    /** Shows the URL with this id (0: none). */
    public void show(long id) {
        show(id, "");
    }

    /**
     * Shows the URL with this id (0: none), known to be {@code url} ("" when not known yet):
     * until its details are read, the heading says they are loading, naming it.
     */
    public void show(long id, String url) {
        show(id, url, false);
    }

    /**
     * @param url the URL of the id, for the heading while it loads ("" when not known)
     * @param again whether it is the URL shown, read again: its tables keep their selection
     */
    private void show(long id, String url, boolean again) {
        shownId.set(id);
        shownHref = null;
        int no = ++requestNo;
        if (id == 0 || lane == null) {
            loading.set(false);
            clear();
            return;
        }
        loading.set(true);
        if (!again) {
            // not "Select a URL…" (nothing shown yet) nor the last URL's name: a row is selected
            heading.set(loadingText(url));
        }
        lane.submitLatest("details", q -> q.details().of(id, LIMIT), d -> {
            if (no == requestNo) {
                loading.set(false);
                if (again && d.row() != null) {
                    fill(d, true);
                } else {
                    apply(d);
                }
            }
        }, message -> {
            if (no == requestNo) {
                loading.set(false);
                clear();
                heading.set(message);
            }
        });
    }

    /** Shows a URL known by its text (a broken link's target): finds its id first. */
    public void showUrl(String url) {
        if (lane == null || url == null || url.isEmpty()) {
            show(0);
            return;
        }
        int no = ++requestNo;
        loading.set(true); // from now on, as show(id) would: the id is looked up first
        heading.set(loadingText(url));
        lane.submitLatest("details-id", q -> q.urls().idOf(url), id -> {
            if (no == requestNo) {
                show(id, url);
            }
        }, message -> {
            if (no == requestNo) {
                loading.set(false);
                heading.set(message);
            }
        });
    }

    /**
     * Shows a broken link whose href is no URL ({@link BrokenLink#notAUrl}: it has no row):
     * the href as written and what is wrong with it, and as its inlinks the pages on which it
     * is written, with their anchor text (the inlinks' actions open those pages).
     */
    public void showNotAUrl(BrokenLink b) {
        showNotAUrl(b, false);
    }

    /** As {@link #showNotAUrl(BrokenLink)}; {@code again}: read anew, its heading kept. */
    private void showNotAUrl(BrokenLink b, boolean again) {
        shownId.set(0);
        shownHref = b;
        int no = ++requestNo;
        if (lane == null) {
            loading.set(false);
            clear();
            return;
        }
        loading.set(true);
        String href = b.linkUrl();
        if (!again) {
            heading.set(loadingText(href));
        }
        lane.submitLatest("details", q -> q.details().pagesWriting(href, LIMIT), p -> {
            if (no == requestNo) {
                loading.set(false);
                applyNotAUrl(b, p);
            }
        }, message -> {
            if (no == requestNo) {
                loading.set(false);
                clear();
                heading.set(message);
            }
        });
    }

    /** Shows the pages an href that is no URL is written on (package-private for tests). */
    void applyNotAUrl(BrokenLink b, UrlDetails.HrefPages p) {
        clear();
        shownHref = b;
        String brief = b.notAUrlInBrief();
        heading.set(b.linkUrl() + "  ·  " + (brief.isEmpty() ? NOT_A_URL : brief));
        String why = b.errorMessage().isEmpty() ? NOT_A_URL : b.errorMessage();
        // no page: a file that lost them; "on the pages below" read over an empty table
        notAUrl.set((why.endsWith(".") ? why : why + ".") + " No request is made for an href "
                + "that is no URL: it is broken as written"
                + (p.total() == 0 ? ". The crawl file names no page it is on."
                        : p.total() == 1 ? ", on the page below." : ", on the pages below."));
        hasUrl.set(true);
        inlinks.setAll(p.pages());
        inlinksText.set(countText("Inlinks", p.pages().size(), p.total()));
    }

    /** The heading while a URL's details are read: "Loading details of http://x/a…". */
    static String loadingText(String url) {
        return url == null || url.isEmpty() ? "Loading…"
                : "Loading details of " + io.webprobe.http.UrlSyntax.forPeople(url) + "…";
    }

    /** What an href that is no URL is, when its file holds no reason. */
    private static final String NOT_A_URL = "Not a URL";

    /** Reads what is shown again (a URL's row or links, an href's pages may have changed). */
    public void refresh() {
        long id = shownId.get();
        if (id != 0) {
            show(id, "", true);
        } else if (shownHref != null) {
            showNotAUrl(shownHref, true);
        }
    }

    private void clear() {
        shownHref = null;
        notAUrl.set("");
        hasUrl.set(false);
        details.set(null);
        snippet.set(null);
        inlinks.clear();
        outlinks.clear();
        hops.clear();
        headers.set("");
        chainProblem.set("");
        heading.set("Select a URL to see its details.");
        inlinksText.set("Inlinks");
        outlinksText.set("Outlinks");
    }

    /** Shows details read (package-private for the view's tests). */
    void apply(UrlDetails.Details d) {
        notAUrl.set("");
        details.set(d);
        if (d.row() == null) {
            clear();
            return;
        }
        fill(d, false);
    }

    /** Shows the shown URL's details read again (package-private for the view's tests). */
    void applyAgain(UrlDetails.Details d) {
        fill(d, true);
    }

    /**
     * Shows a URL's details read.
     *
     * @param again whether they are the shown URL's read again: its lists change in place
     *     (rows appended, a status set where it is); else they are new, and no row selected
     *     in them before stays selected
     */
    private void fill(UrlDetails.Details d, boolean again) {
        details.set(d);
        var r = d.row().result();
        String status = r.statusText().isEmpty() ? "no answer"
                : io.webprobe.http.StatusPhrases.withPhrase(r.status(), r.statusText());
        // a redirect into a loop says so first ("Redirect loop (302 Found)"), as the CSV does
        heading.set(io.webprobe.http.UrlSyntax.forPeople(r.url()) + "  ·  " + (d.row().chainError() == null ? status
                : d.row().chainError().label() + " (" + status + ")"));
        chainProblem.set(d.row().chainProblem());
        hasUrl.set(true);
        if (again) {
            LiveRows.update(inlinks, d.inlinks(), SAME_INLINK);
            LiveRows.update(outlinks, d.outlinks(), SAME_OUTLINK);
            LiveRows.update(hops, d.chain().hops(), SAME_HOP);
        } else {
            // emptied first: a row of the URL shown before equal to one of this URL's (the same
            // page linking to both) does not stay selected as if it were the same row
            inlinks.clear();
            inlinks.setAll(d.inlinks());
            outlinks.clear();
            outlinks.setAll(d.outlinks());
            hops.setAll(d.chain().hops());
        }
        // none for a URL not fetched or not answered: said, not an empty box
        headers.set(!d.headers().isEmpty() ? d.headers()
                : ("No response headers. " + PageNote.notRead(r)).strip());
        inlinksText.set(countText("Inlinks", d.inlinks().size(), d.inlinkTotal()));
        outlinksText.set(countText("Outlinks", d.outlinks().size(), d.outlinkTotal()));
        snippet.set(Snippet.of(r.url(), r.title(), r.page().metaDescription()));
    }

    private static String countText(String what, int shown, long total) {
        return shown < total ? String.format(java.util.Locale.ROOT, "%s (%,d of %,d)", what,
                shown, total) : String.format(java.util.Locale.ROOT, "%s (%,d)", what, total);
    }

    /**
     * Whether a URL's details are shown (its tabs mean something); false while none is
     * selected, when the heading's sentence is all there is to say.
     */
    public ReadOnlyBooleanProperty hasUrlProperty() {
        return hasUrl.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty shownIdProperty() {
        return shownId.getReadOnlyProperty();
    }

    /** Everything read about the shown URL, or null. */
    public ReadOnlyObjectProperty<UrlDetails.Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The URL and its status, or a hint when none is shown. */
    public ReadOnlyStringProperty headingProperty() {
        return heading.getReadOnlyProperty();
    }

    /** "Inlinks (3)", or "Inlinks (10,000 of 12,345)". */
    public ReadOnlyStringProperty inlinksTextProperty() {
        return inlinksText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outlinksTextProperty() {
        return outlinksText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Snippet> snippetProperty() {
        return snippet.getReadOnlyProperty();
    }

    public ObservableList<UrlDetails.Inlink> inlinks() {
        return inlinks;
    }

    public ObservableList<UrlDetails.Outlink> outlinks() {
        return outlinks;
    }

    /** The redirect chain's URLs, the shown one first. */
    public ObservableList<RedirectChains.Node> hops() {
        return hops;
    }

    /**
     * Why the redirect chain fails in itself ("Redirect loop: a [302] → a (loop)"), or "".
     */
    public ReadOnlyStringProperty chainProblemProperty() {
        return chainProblem.getReadOnlyProperty();
    }

    /**
     * What is wrong with the href shown when it is no URL ({@link #showNotAUrl}), with its
     * reason whole; "" while a URL, or nothing, is shown: then its other tabs mean nothing.
     */
    public ReadOnlyStringProperty notAUrlProperty() {
        return notAUrl.getReadOnlyProperty();
    }

    /** The response header fields, one per line. */
    public ReadOnlyStringProperty headersProperty() {
        return headers.getReadOnlyProperty();
    }
}
