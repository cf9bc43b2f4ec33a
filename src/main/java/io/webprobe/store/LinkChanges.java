package io.webprobe.store;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.store.CrawlDiff.Change;
import io.webprobe.store.CrawlDiff.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The broken links and missing anchors of {@link CrawlDiff}, new and fixed: a link is fixed
 * only where the new crawl fetched its page again, still a page answering 2xx, and its target
 * too if the page still holds it; a link of a check of hrefs the two crawls did not both make,
 * or that the other crawl's exclude patterns leave out, is set apart and counted, in no row.
 * Memory grows with the broken links of the two crawls, not with their URLs.
 */
final class LinkChanges {

    private LinkChanges() {}

    /**
     * Hands out the new broken links, then the fixed ones, of the checks of hrefs both crawls
     * made ({@code notBoth} are those they did not).
     *
     * @param pagesGone the pages that were pages and now fail or redirect, by key and by text
     *     ({@link UrlChanges#compare}): a link gone with its page is not fixed
     * @return how many of the newer crawl's are not known to be new
     */
    static long brokenLinks(CrawlReader older, CrawlReader newer, Set<HrefCheck> notBoth,
            Set<String> pagesGone, Apart apart, Consumer<Row> out) throws StoreException {
        Lister compared = compared(CrawlReader::forEachBrokenLink, older, newer, notBoth,
                apart);
        return newAndFixed(older, newer, compared, new Links() {
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
        }, apart, out);
    }

    /**
     * Hands out the new missing anchors, then the fixed ones, as {@link #brokenLinks} does;
     * only for two crawls that both checked anchors.
     *
     * @return how many of the newer crawl's are not known to be new
     */
    static long missingAnchors(CrawlReader older, CrawlReader newer, Apart apart,
            Consumer<Row> out) throws StoreException {
        // a missing anchor is not a check of hrefs: only exclude patterns set one apart
        Lister compared = compared(CrawlReader::forEachMissingAnchor, older, newer,
                EnumSet.noneOf(HrefCheck.class), apart);
        return newAndFixed(older, newer, compared, new Links() {
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
        }, apart, out);
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
    static final class Apart {
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
     * how the other crawl is asked about one, and its rows (a {@link Lister} lists them).
     */
    private interface Links {
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
     * @param links how each crawl lists them ({@link #compared})
     * @return how many of the newer crawl's are not known to be new: on pages or to targets an
     *     older crawl cut short did not fetch
     */
    private static long newAndFixed(CrawlReader older, CrawlReader newer, Lister links,
            Links kind, Apart apart, Consumer<Row> out) throws StoreException {
        Set<String> oldOnes = new HashSet<>();
        links.forEach(older, l -> oldOnes.add(pair(l)));
        Set<String> still = new HashSet<>();
        List<BrokenLink> notInOld = new ArrayList<>();
        links.forEach(newer, l -> {
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
        links.forEach(older, l -> {
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

    /** Broken-link rows by target, then by the page holding the link. */
    private static final Comparator<Row> BY_LINK = Comparator.comparing(Row::url)
            .thenComparing(Row::sourceUrl);

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
}
