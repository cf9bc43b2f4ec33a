package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.HrefCheck;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What changed between two crawls of one site: URLs added and removed, and for URLs in both,
 * a changed status, redirect target, title, canonical or indexability; broken links that are
 * new and broken links that were fixed (only where the new crawl fetched the link's page again,
 * still a page answering 2xx, and its target too if the page still holds it: a page the new
 * crawl did not reach fixes nothing, and a link gone with its page, which now fails or
 * redirects, is not fixed: the page's own status change is the news); missing anchors likewise,
 * new and fixed, when both crawls checked anchors; and a broken link of a check on hrefs of
 * another scheme ({@link HrefCheck}: a malformed mailto:, a file: link) only when both crawls
 * made that check (a crawl made before it did not), else set apart and counted, in no row;
 * likewise a broken link that the other crawl's exclude patterns leave out (an href that is no
 * URL, or a URL of its page, its target or its redirects: it would not be among that crawl's
 * broken links whatever the site did).
 * URLs are matched by their dedup key. Both crawls are read in key order side by side, so
 * memory does not grow with the number of URLs (only with the broken links of the two
 * crawls).
 *
 * <p>A URL whose status changed into a failure (or out of one: a 4xx or 5xx answer, no answer,
 * blocked or skipped) has one row, its status change: its title, canonical and indexability
 * follow from it and are not news. A title is compared only where both crawls read it: the
 * title of a page that did not answer 2xx HTML is not read, so its "" says nothing.
 *
 * <p>{@link UrlChanges} finds the URL changes, {@link LinkChanges} the new and fixed broken
 * links and missing anchors; this class holds what compare hands out and counts.
 */
public final class CrawlDiff {

    /** A kind of change. */
    public enum Change {
        ADDED, REMOVED, STATUS, REDIRECT, TITLE, CANONICAL, INDEXABLE, NEW_BROKEN_LINK,
        FIXED_BROKEN_LINK, NEW_MISSING_ANCHOR, FIXED_MISSING_ANCHOR;

        /** Lower case with underscores, as the CSV writes it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The new value of a fixed broken link or missing anchor whose page, fetched again, no
     * longer holds the link (a blank said nothing of why it was fixed).
     */
    public static final String LINK_REMOVED = "link removed";
    /** The new value of a fixed missing anchor whose page still links to it. */
    public static final String ANCHOR_FOUND = "anchor found";

    /**
     * One change.
     *
     * @param url the URL (for a broken link: the link's target; for a missing anchor: the
     *     link's target with its fragment)
     * @param oldValue the value in the old crawl ("" when it had none)
     * @param newValue the value in the new crawl (for a broken link, as for a fixed one's old
     *     value: {@link BrokenLink#statusOrReason}; for a missing anchor: "missing anchor #x";
     *     for a fixed broken link: its target's status, or {@link #LINK_REMOVED}; for a fixed
     *     missing anchor: {@link #ANCHOR_FOUND} or {@link #LINK_REMOVED})
     * @param sourceUrl for a broken link or a missing anchor, the page holding it; else ""
     */
    public record Row(Change change, String url, String oldValue, String newValue,
            String sourceUrl) {}

    /** How many changes of each kind. */
    public static final class Counts {
        private final Map<Change, Long> counts = new EnumMap<>(Change.class);
        private String startFailure;
        private long unknownBroken;
        private boolean olderLimited;
        private boolean newerLimited;
        private long unknownAnchors;
        private boolean olderCheckedAnchors;
        private boolean newerCheckedAnchors;
        private long newerMissingAnchors;
        private long olderMissingAnchors;
        private Set<HrefCheck> olderHrefChecks = EnumSet.noneOf(HrefCheck.class);
        private Set<HrefCheck> newerHrefChecks = EnumSet.noneOf(HrefCheck.class);
        private final LinkChanges.Apart links = new LinkChanges.Apart();
        private final LinkChanges.Apart anchors = new LinkChanges.Apart();

        /** The checks of hrefs of other schemes the older crawl made (none before they were). */
        public Set<HrefCheck> olderHrefChecks() {
            return olderHrefChecks;
        }

        /** The checks of hrefs of other schemes the newer crawl made. */
        public Set<HrefCheck> newerHrefChecks() {
            return newerHrefChecks;
        }

        /**
         * Broken links of the newer crawl found by a check of hrefs ({@link HrefCheck}) that
         * the two crawls did not both make: not compared, so none is called new.
         */
        public long notComparedNewer() {
            return links.notComparedNewer.size();
        }

        /** Likewise the older crawl's: none is called fixed. */
        public long notComparedOlder() {
            return links.notComparedOlder.size();
        }

        /**
         * Broken links of the newer crawl that the older crawl's exclude patterns leave out (an
         * href that is no URL, {@code --exclude '^file:'}; a URL of the link's page, target or
         * redirects) and the older crawl does not report: not compared, none is called new.
         */
        public long excludedNewer() {
            return links.excludedNewer.size();
        }

        /** Likewise the older crawl's, left out by the newer's patterns: none is called fixed. */
        public long excludedOlder() {
            return links.excludedOlder.size();
        }

        /**
         * Missing anchors of the newer crawl that the older crawl's exclude patterns leave out
         * (a URL of the link's page, or of the page it is judged on or the redirects there) and
         * the older crawl does not report: not compared, none is called new.
         */
        public long excludedNewerAnchors() {
            return anchors.excludedNewer.size();
        }

        /** Likewise the older crawl's, left out by the newer's patterns: none is called fixed. */
        public long excludedOlderAnchors() {
            return anchors.excludedOlder.size();
        }

        /**
         * Missing anchors of the newer crawl that are not in the older one, but on a page or
         * to a page the older crawl did not read, when it was cut short: not counted as new.
         */
        public long unknownAnchors() {
            return unknownAnchors;
        }

        /** Whether the older crawl checked anchors ({@code --check-anchors}). */
        public boolean olderCheckedAnchors() {
            return olderCheckedAnchors;
        }

        /** Whether the newer crawl checked anchors. */
        public boolean newerCheckedAnchors() {
            return newerCheckedAnchors;
        }

        /** How many missing anchors the newer crawl has (0 when it did not check them). */
        public long newerMissingAnchors() {
            return newerMissingAnchors;
        }

        /** How many missing anchors the older crawl has (0 when it did not check them). */
        public long olderMissingAnchors() {
            return olderMissingAnchors;
        }

        /**
         * A sentence when the newer crawl's start URL fails (broken, a failing redirect chain,
         * blocked) and the older crawl's did not: the site is down, whatever the other counts
         * say. Else null.
         */
        public String startFailure() {
            return startFailure;
        }

        /**
         * Broken links of the newer crawl that are not in the older one, but on a page or to
         * a target the older crawl did not fetch, when it was cut short (stopped, or its page
         * limit reached): not known to be new, so not counted as new.
         */
        public long unknownBroken() {
            return unknownBroken;
        }

        /**
         * Whether the older crawl's page limit left URLs of the site out: those it did not
         * reach count as added, though they may not be new.
         */
        public boolean olderLimited() {
            return olderLimited;
        }

        /** Whether the newer crawl's page limit left URLs of the site out (likewise removed). */
        public boolean newerLimited() {
            return newerLimited;
        }

        void add(Change c) {
            counts.merge(c, 1L, Long::sum);
        }

        public long of(Change c) {
            return counts.getOrDefault(c, 0L);
        }

        /**
         * The sentence that sums a compare up, as {@code compare} prints it and the Compare
         * tab shows it above its counts: "Compared OLD with NEW: 3 added, 1 removed."
         *
         * @param older the older crawl as the reader knows it (a path, a file name)
         * @param newer the newer one, likewise
         */
        public String sentence(String older, String newer) {
            return "Compared " + older + " with " + newer + ": " + summary() + ".";
        }

        /** "3 added, 1 removed, 2 status changes…" (kinds with none are left out). */
        public String summary() {
            List<String> parts = new ArrayList<>();
            part(parts, Change.ADDED, "added", "added");
            part(parts, Change.REMOVED, "removed", "removed");
            part(parts, Change.STATUS, "status change", "status changes");
            part(parts, Change.REDIRECT, "redirect change", "redirect changes");
            part(parts, Change.TITLE, "title change", "title changes");
            part(parts, Change.CANONICAL, "canonical change", "canonical changes");
            part(parts, Change.INDEXABLE, "indexability change", "indexability changes");
            part(parts, Change.NEW_BROKEN_LINK, "new broken link", "new broken links");
            part(parts, Change.FIXED_BROKEN_LINK, "fixed broken link", "fixed broken links");
            part(parts, Change.NEW_MISSING_ANCHOR, "new missing anchor", "new missing anchors");
            part(parts, Change.FIXED_MISSING_ANCHOR, "fixed missing anchor",
                    "fixed missing anchors");
            return parts.isEmpty() ? "no changes" : String.join(", ", parts);
        }

        private void part(List<String> parts, Change c, String one, String many) {
            long n = of(c);
            if (n > 0) {
                parts.add(String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many));
            }
        }
    }

    private CrawlDiff() {}

    /**
     * Compares two stored crawls, handing each change to {@code out}: URL changes in key
     * order, then new broken links, then fixed ones, then new and fixed missing anchors (each
     * by link target, then by the page holding the link).
     *
     * @return how many changes of each kind
     */
    public static Counts compare(CrawlReader older, CrawlReader newer, Consumer<Row> out)
            throws StoreException {
        Counts counts = new Counts();
        Consumer<Row> counting = r -> {
            counts.add(r.change());
            out.accept(r);
        };
        Set<String> pagesGone = UrlChanges.compare(older, newer, counting);
        counts.startFailure = UrlChanges.startFailure(older, newer);
        counts.olderLimited = older.leftOutByPageLimit();
        counts.newerLimited = newer.leftOutByPageLimit();
        counts.olderHrefChecks = older.hrefChecks();
        counts.newerHrefChecks = newer.hrefChecks();
        // the checks of hrefs not made by both: their broken links say nothing of a change
        Set<HrefCheck> notBoth = HrefCheck.all();
        notBoth.removeIf(c -> counts.olderHrefChecks.contains(c)
                && counts.newerHrefChecks.contains(c));
        counts.unknownBroken = LinkChanges.brokenLinks(older, newer, notBoth, pagesGone,
                counts.links, counting);
        // new and fixed missing anchors, as new and fixed broken links are found, when both
        // crawls checked anchors: a crawl that did not says nothing of them (the counts say
        // which did)
        counts.olderCheckedAnchors = older.checkedAnchors();
        counts.newerCheckedAnchors = newer.checkedAnchors();
        counts.olderMissingAnchors = older.missingAnchorCount();
        counts.newerMissingAnchors = newer.missingAnchorCount();
        if (counts.olderCheckedAnchors && counts.newerCheckedAnchors) {
            counts.unknownAnchors = LinkChanges.missingAnchors(older, newer, counts.anchors,
                    counting);
        }
        return counts;
    }
}
