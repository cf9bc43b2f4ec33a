package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.crawl.Outcome;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.http.ContentTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
        private final Apart links = new Apart();
        private final Apart anchors = new Apart();

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
        // pages that were pages and now fail or redirect, by key and by text: their links
        // went with them (a few rows, as the broken links are)
        Set<String> pagesGone = new HashSet<>();
        try (KeyedRows a = new KeyedRows(older); KeyedRows b = new KeyedRows(newer)) {
            KeyedRows.Keyed x = a.next();
            KeyedRows.Keyed y = b.next();
            while (x != null || y != null) {
                int cmp = x == null ? 1 : y == null ? -1 : x.key().compareTo(y.key());
                if (cmp < 0) {
                    counting.accept(new Row(Change.REMOVED, x.row().url(), x.row().statusText(),
                            "", ""));
                    x = a.next();
                } else if (cmp > 0) {
                    counting.accept(new Row(Change.ADDED, y.row().url(), "",
                            y.row().statusText(), ""));
                    y = b.next();
                } else {
                    changes(x.row(), y.row(), counting);
                    if (isPage(x.row()) && !isPage(y.row())) {
                        pagesGone.add(y.key());
                        pagesGone.add(y.row().url());
                    }
                    x = a.next();
                    y = b.next();
                }
            }
        }
        counts.startFailure = startFailure(older, newer);
        counts.olderLimited = older.leftOutByPageLimit();
        counts.newerLimited = newer.leftOutByPageLimit();
        counts.olderHrefChecks = older.hrefChecks();
        counts.newerHrefChecks = newer.hrefChecks();
        // the checks of hrefs not made by both: their broken links say nothing of a change
        Set<HrefCheck> notBoth = HrefCheck.all();
        notBoth.removeIf(c -> counts.olderHrefChecks.contains(c)
                && counts.newerHrefChecks.contains(c));
        Lister compared = compared(CrawlReader::forEachBrokenLink, older, newer, notBoth,
                counts.links);
        counts.unknownBroken = newAndFixed(older, newer, new Links() {
            @Override
            public void forEach(CrawlReader r, Consumer<BrokenLink> out) throws StoreException {
                compared.forEach(r, out);
            }

            @Override
            public boolean couldShow(CrawlReader r, BrokenLink l) throws StoreException {
                return r.couldShow(l);
            }

            @Override
            public boolean showsGone(CrawlReader r, BrokenLink l) throws StoreException {
                String key = UrlQuery.keyOf(l.sourceUrl());
                boolean withItsPage = pagesGone.contains(l.sourceUrl())
                        || key != null && pagesGone.contains(key);
                return !withItsPage && r.showsGone(l);
            }

            @Override
            public Row fresh(BrokenLink l) {
                return new Row(Change.NEW_BROKEN_LINK, l.linkUrl(), "", l.statusOrReason(),
                        l.sourceUrl());
            }

            @Override
            public Row fixed(CrawlReader r, BrokenLink l) throws StoreException {
                return new Row(Change.FIXED_BROKEN_LINK, l.linkUrl(), l.statusOrReason(),
                        r.fixedAs(l), l.sourceUrl());
            }
        }, counts.links, counting);
        anchors(older, newer, counts, counting);
        return counts;
    }

    /** How a crawl hands out the links of a kind (its broken links, its missing anchors). */
    @FunctionalInterface
    private interface Lister {
        void forEach(CrawlReader r, Consumer<? super BrokenLink> out) throws StoreException;
    }

    /**
     * The links of a kind of one crawl that are not compared: found by a check of hrefs the two
     * crawls did not both make, or left out by the other crawl's exclude patterns.
     */
    private static final class Apart {
        final Set<String> notComparedNewer = new HashSet<>();
        final Set<String> notComparedOlder = new HashSet<>();
        final Set<String> excludedNewer = new HashSet<>();
        final Set<String> excludedOlder = new HashSet<>();
        /** Each crawl's plan when it has exclude patterns, else null ({@link #excluding}). */
        io.webprobe.crawl.CrawlPlan olderExcluding;
        io.webprobe.crawl.CrawlPlan newerExcluding;
    }

    /**
     * The links of a kind compare compares, each crawl's: those of a check of hrefs in
     * {@code notBoth} set apart in {@code apart}; and each crawl's exclude patterns noted in
     * {@code apart}, for {@link #newAndFixed} to set apart the links the other crawl's leave
     * out (an href that is no URL, a page, a target or a hop of its redirects) and it does not
     * report. The other crawl's are no news: {@code --exclude '^file:'} in one of them
     * made every file: link of the other new or fixed, and an {@code --exclude} dropped made
     * the broken links and missing anchors it had hidden new. Not those both report: a pattern
     * added while a crawl ran leaves in what it had found before.
     */
    private static Lister compared(Lister all, CrawlReader older, CrawlReader newer,
            Set<HrefCheck> notBoth, Apart apart) throws StoreException {
        // those left out by the other's patterns are set apart by newAndFixed, which knows
        // which links only one crawl reports (reading them all once more here cost a third
        // more reads of every broken link and two more sets of them)
        apart.olderExcluding = excluding(older);
        apart.newerExcluding = excluding(newer);
        return (r, out) -> {
            Set<String> notCompared = r == newer ? apart.notComparedNewer
                    : apart.notComparedOlder;
            if (notBoth.isEmpty()) {
                all.forEach(r, out);
                return;
            }
            all.forEach(r, l -> {
                if (notBoth.contains(checkOf(l))) {
                    notCompared.add(pair(l));
                } else {
                    out.accept(l);
                }
            });
        };
    }

    /**
     * A kind of link problem compare reports new and fixed (broken links, missing anchors):
     * how a crawl lists them, how the other crawl is asked about one, and its rows.
     */
    private interface Links {
        void forEach(CrawlReader r, Consumer<BrokenLink> out) throws StoreException;

        /** Whether the older crawl would show it, were it there ({@link CrawlEvidence}). */
        boolean couldShow(CrawlReader older, BrokenLink l) throws StoreException;

        /** Whether the newer crawl shows it gone ({@link CrawlEvidence}). */
        boolean showsGone(CrawlReader newer, BrokenLink l) throws StoreException;

        Row fresh(BrokenLink l);

        /** A row of one the newer crawl shows gone, with what it is there. */
        Row fixed(CrawlReader newer, BrokenLink l) throws StoreException;
    }

    /**
     * Hands out the links of a kind that are new in the newer crawl, then those fixed, each
     * sorted by target then page (the crawl file hands them out in crawl order, which reads
     * as no order at all).
     *
     * One only a crawl reports that the other's exclude patterns leave out is neither: it is
     * set apart in {@code apart} (one both report is compared as any other).
     *
     * @return how many of the newer crawl's are not known to be new: on pages or to targets an
     *     older crawl cut short did not fetch
     */
    private static long newAndFixed(CrawlReader older, CrawlReader newer, Links kind,
            Apart apart, Consumer<Row> out) throws StoreException {
        Set<String> oldOnes = new HashSet<>();
        kind.forEach(older, l -> oldOnes.add(pair(l)));
        Set<String> still = new HashSet<>();
        List<BrokenLink> notInOld = new ArrayList<>();
        kind.forEach(newer, l -> {
            String p = pair(l);
            if (oldOnes.contains(p)) {
                still.add(p);
            } else if (still.add(p)) {
                notInOld.add(l);
            }
        });
        // an older crawl cut short says nothing of the pages or targets it did not fetch: a
        // page limit cuts a level anywhere, so two crawls of an unchanged site differ there
        boolean oldCut = older.cutShort();
        long unknown = 0;
        List<Row> fresh = new ArrayList<>();
        for (BrokenLink l : notInOld) {
            if (apart.olderExcluding != null && leftOut(apart.olderExcluding, l)) {
                apart.excludedNewer.add(pair(l)); // the older crawl would not report it
            } else if (!oldCut || kind.couldShow(older, l)) {
                fresh.add(kind.fresh(l));
            } else {
                unknown++;
            }
        }
        fresh.sort(BY_LINK);
        fresh.forEach(out);
        List<BrokenLink> gone = new ArrayList<>(); // not in the new crawl
        kind.forEach(older, l -> {
            if (!still.contains(pair(l)) && oldOnes.remove(pair(l))) {
                gone.add(l);
            }
        });
        List<Row> fixed = new ArrayList<>();
        for (BrokenLink l : gone) {
            if (apart.newerExcluding != null && leftOut(apart.newerExcluding, l)) {
                apart.excludedOlder.add(pair(l)); // the newer crawl would not report it
            } else if (kind.showsGone(newer, l)) {
                fixed.add(kind.fixed(newer, l));
            }
        }
        fixed.sort(BY_LINK);
        fixed.forEach(out);
        return unknown;
    }

    /**
     * New and fixed missing anchors, as new and fixed broken links are found, when both crawls
     * checked anchors: a crawl that did not says nothing of them (the counts say which did).
     */
    private static void anchors(CrawlReader older, CrawlReader newer, Counts counts,
            Consumer<Row> out) throws StoreException {
        counts.olderCheckedAnchors = older.checkedAnchors();
        counts.newerCheckedAnchors = newer.checkedAnchors();
        counts.olderMissingAnchors = older.missingAnchorCount();
        counts.newerMissingAnchors = newer.missingAnchorCount();
        if (!counts.olderCheckedAnchors || !counts.newerCheckedAnchors) {
            return;
        }
        // a missing anchor is not a check of hrefs: only exclude patterns set one apart
        Lister compared = compared(CrawlReader::forEachMissingAnchor, older, newer,
                EnumSet.noneOf(HrefCheck.class), counts.anchors);
        counts.unknownAnchors = newAndFixed(older, newer, new Links() {
            @Override
            public void forEach(CrawlReader r, Consumer<BrokenLink> out) throws StoreException {
                compared.forEach(r, out);
            }

            @Override
            public boolean couldShow(CrawlReader r, BrokenLink l) throws StoreException {
                return r.couldShowAnchor(l);
            }

            @Override
            public boolean showsGone(CrawlReader r, BrokenLink l) throws StoreException {
                return r.showsAnchorGone(l);
            }

            @Override
            public Row fresh(BrokenLink l) {
                return new Row(Change.NEW_MISSING_ANCHOR, l.linkUrl(), "", l.problem(),
                        l.sourceUrl());
            }

            @Override
            public Row fixed(CrawlReader r, BrokenLink l) throws StoreException {
                return new Row(Change.FIXED_MISSING_ANCHOR, l.linkUrl(), l.problem(),
                        r.fixedAnchorAs(l), l.sourceUrl());
            }
        }, counts.anchors, out);
    }

    /** Why the newer crawl's start URL fails when the older one's did not, or null. */
    private static String startFailure(CrawlReader older, CrawlReader newer)
            throws StoreException {
        // failing as the crawl itself says it (a start page's meta refresh to a 404, on a page
        // whose links were crawled, is a broken link, not a start URL that failed)
        if (newer.startProblem() == null || older.startProblem() != null) {
            return null;
        }
        RedirectChains.Chain now = newer.chainOf(1); // the start URL is the first row
        RedirectChains.Chain before = older.chainOf(1);
        RedirectChains.Node last = now.last();
        String why;
        if (now.end() == RedirectChains.End.BLOCKED) {
            why = "is now blocked"
                    + (last.errorMessage().isEmpty() ? "" : " (" + last.errorMessage() + ")");
        } else if (now.error() == io.webprobe.http.ErrorKind.TOO_MANY_REDIRECTS) {
            // where the crawl stopped following, as the crawl says it, not the whole chain
            why = "now fails: " + io.webprobe.crawl.StartFailure.tooManyRedirects(last.url());
        } else if (now.hops().size() == 1 && last.status() > 0) {
            why = "now answers HTTP " + last.status();
        } else if (now.hops().size() == 1) {
            why = "now fails: " + lowerFirst(last.errorMessage().isEmpty() ? last.statusText()
                    : last.errorMessage());
        } else {
            why = "now fails: " + lowerFirst(now.problem());
        }
        String was = before == null ? "" : " (in the older crawl: "
                + before.last().statusText() + ")";
        return "The start URL " + now.hops().get(0).url() + " " + stripEnd(why) + was + ".";
    }

    private static String stripEnd(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() || s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s
                : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Broken-link rows by target, then by the page holding the link. */
    private static final Comparator<Row> BY_LINK = Comparator.comparing(Row::url)
            .thenComparing(Row::sourceUrl);

    private static void changes(CrawlResult o, CrawlResult n, Consumer<Row> out) {
        change(out, Change.STATUS, n.url(), o.statusText(), n.statusText());
        if (!o.statusText().equals(n.statusText()) && (failed(o) || failed(n))) {
            return; // the status change is the news: the rest follows from it
        }
        change(out, Change.REDIRECT, n.url(), o.redirectTo(), n.redirectTo());
        if (titleRead(o) && titleRead(n)) {
            change(out, Change.TITLE, n.url(), o.title(), n.title());
        }
        change(out, Change.CANONICAL, n.url(), o.page().canonical(), n.page().canonical());
        change(out, Change.INDEXABLE, n.url(), Boolean.toString(o.indexable()),
                Boolean.toString(n.indexable()));
    }

    /** A 4xx or 5xx answer, no answer, blocked or skipped: not a page that was read. */
    private static boolean failed(CrawlResult r) {
        Outcome o = r.outcome();
        return o != Outcome.OK && o != Outcome.REDIRECT;
    }

    /**
     * Whether the URL answered 2xx (a page with a meta refresh too, whose links are read), not
     * a 3xx, a 4xx or 5xx, no answer, blocked or skipped.
     */
    private static boolean isPage(CrawlResult r) {
        return !failed(r) && r.status() >= 200 && r.status() < 300;
    }

    /**
     * Whether the crawl read this URL's title: it reads those of its own HTML pages answering
     * 2xx only (a 404 page's title is not read, and stored as "").
     */
    private static boolean titleRead(CrawlResult r) {
        return !r.external() && r.error() == null && r.skipped() == null && r.status() >= 200
                && r.status() < 300 && ContentTypes.isHtml(r.contentType());
    }

    private static void change(Consumer<Row> out, Change c, String url, String a, String b) {
        if (!Objects.equals(a, b)) {
            out.accept(new Row(c, url, a, b, ""));
        }
    }

    /**
     * A crawl's plan when it has exclude patterns (which leave out URLs and hrefs that are no
     * URL), else null; null too for a plan this version cannot read.
     */
    private static io.webprobe.crawl.CrawlPlan excluding(CrawlReader r) throws StoreException {
        io.webprobe.crawl.CrawlPlan plan = r.plan();
        return plan == null || plan.scope().exclude().isEmpty() ? null : plan;
    }

    /**
     * Whether another crawl's exclude patterns leave out a broken link or a missing anchor, so
     * that crawl would not report it whatever the site did: an href that is no URL they match,
     * or a URL link whose page, target or a later hop of whose redirects they match (that crawl
     * did not read the page, or did not request the URL the link fails at, or read no anchors
     * of the page the link ends at). A page that is a start URL is not left out: the crawl
     * requests those whatever a pattern says.
     */
    private static boolean leftOut(io.webprobe.crawl.CrawlPlan other, BrokenLink l) {
        CrawlScope scope = other.scope();
        if (l.notAUrl()) {
            return scope.excludesHref(l.linkUrl());
        }
        for (String url : l.requestedUrls()) {
            if (scope.excludesUrl(url)) {
                return true;
            }
        }
        String page = l.sourceUrl();
        return !page.equals(CrawlReader.SITEMAP_SOURCE) && !page.equals(CrawlReader.LIST_SOURCE)
                && scope.excludesUrl(page) && !other.startRequestUrls().contains(page);
    }

    /** The check of hrefs that found a broken link, or null (a URL's, a malformed URL's). */
    private static HrefCheck checkOf(BrokenLink l) {
        return l.error() == io.webprobe.http.ErrorKind.INVALID_URL ? HrefCheck.of(l.linkUrl())
                : null;
    }

    private static String pair(BrokenLink l) {
        return l.sourceUrl() + "\n" + l.linkUrl();
    }

    /** A crawl's finished rows in key order, read one at a time. */
    private static final class KeyedRows implements AutoCloseable {
        record Keyed(String key, CrawlResult row) {}

        private final java.sql.Statement statement;
        private final java.sql.ResultSet rs;
        private final CrawlReader reader;

        KeyedRows(CrawlReader reader) throws StoreException {
            this.reader = reader;
            try {
                statement = reader.connection().createStatement();
                rs = statement.executeQuery("SELECT u.key, " + StoredRows.RESULT_COLUMNS
                        + " FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id "
                        + "WHERE u.state = 1 ORDER BY u.key");
            } catch (java.sql.SQLException e) {
                throw SqlErrors.readFailure(reader.file(), e);
            }
        }

        Keyed next() throws StoreException {
            try {
                return rs.next() ? new Keyed(rs.getString(1), StoredRows.result(rs, 2)) : null;
            } catch (java.sql.SQLException e) {
                throw SqlErrors.readFailure(reader.file(), e);
            }
        }

        @Override
        public void close() {
            try {
                rs.close();
                statement.close();
            } catch (java.sql.SQLException ignored) {
                // read-only
            }
        }
    }
}
