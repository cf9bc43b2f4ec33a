package io.webprobe.store;

import io.webprobe.crawl.CrawlLimit;
import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlSetting;
import io.webprobe.crawl.CrawlState;
import io.webprobe.crawl.HrefCheck;
import io.webprobe.http.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether two crawls can be compared, and what a comparison of them should say besides its
 * counts: one rule for {@code ./run.sh compare} and the Compare tab.
 */
public final class ComparePair {
    private ComparePair() {}

    /**
     * Why these two crawls cannot be compared (crawls of two sites), or null when they can.
     *
     * @param olderName how the older crawl is named to the user (its path, its file name)
     */
    public static String refusal(CrawlStore older, String olderName, CrawlStore newer,
            String newerName) {
        String a = site(older.plan().startUrl());
        String b = site(newer.plan().startUrl());
        return a.equals(b) ? null : olderName + " is a crawl of " + a + " but " + newerName
                + " is of " + b + "; compare needs two crawls of the same site.";
    }

    /**
     * The site a crawl is of, as compare judges two crawls to be of one site: its start URL's
     * host, and its port when not the scheme's.
     */
    public static String site(java.net.URI startUrl) {
        return Urls.hostAndPort(startUrl);
    }

    /**
     * Sentences on what makes URLs count as added or removed that did not change, and on
     * broken links not known to be new.
     *
     * @param counts what the comparison found
     */
    public static List<String> notes(CrawlStore older, String olderName, CrawlStore newer,
            String newerName, CrawlDiff.Counts counts) {
        return notes(older, olderName, newer, newerName, counts, CrawlLimit.Naming.OPTION);
    }

    /**
     * As {@link #notes(CrawlStore, String, CrawlStore, String, CrawlDiff.Counts)}, the
     * settings named as the command line names them ("exclude patterns", "--exclude",
     * "--check-anchors") or as the Crawl settings show them ("Exclude URLs matching", each
     * pattern in quotes; "Crawl settings › Check anchors (#fragments)"): {@link CrawlSetting}
     * and {@link CrawlLimit} name each setting both ways.
     */
    public static List<String> notes(CrawlStore older, String olderName, CrawlStore newer,
            String newerName, CrawlDiff.Counts counts, CrawlLimit.Naming naming) {
        List<String> notes = new ArrayList<>();
        String order = order(older.info().createdAt(), olderName, newer.info().createdAt(),
                newerName, java.time.ZoneId.systemDefault());
        if (order != null) {
            notes.add(order);
        }
        unfinished(older.info(), olderName, notes);
        unfinished(newer.info(), newerName, notes);
        limited(older.info(), olderName, counts.olderLimited(), notes);
        limited(newer.info(), newerName, counts.newerLimited(), notes);
        long unknown = counts.unknownBroken();
        if (unknown > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "%,d broken %s of %s %s on pages or "
                    + "to URLs %s did not fetch (it %s), so %s not counted as new.", unknown,
                    unknown == 1 ? "link" : "links", newerName, unknown == 1 ? "is" : "are",
                    olderName, older.info().state() == CrawlState.FINISHED
                            ? "stopped at its page limit" : "did not finish",
                    unknown == 1 ? "it is" : "they are"));
        }
        anchors(counts, olderName, newerName, older.info().state() == CrawlState.FINISHED,
                notes, naming);
        hrefChecks(counts, olderName, newerName, notes);
        excluded(counts, olderName, newerName, notes, naming);
        String accepted = accepted(older.plan(), olderName, newer.plan(), newerName, naming);
        if (accepted != null) {
            notes.add(accepted);
        }
        List<String> differ = differences(older.plan(), newer.plan(), naming);
        if (!differ.isEmpty()) {
            notes.add("The two crawls were made with different settings (" + String.join("; ",
                    differ) + "), so URLs one of them left out or did not reach count as added "
                    + "or removed, and links it left out are not called fixed.");
        }
        return notes;
    }

    /**
     * Sentences on missing anchors compare cannot judge: those of a crawl whose counterpart did
     * not check anchors (none is called new, or fixed), and those on pages or to pages an older
     * crawl cut short did not read.
     */
    static void anchors(CrawlDiff.Counts counts, String olderName, String newerName,
            boolean olderFinished, List<String> notes, CrawlLimit.Naming naming) {
        String setting = " did not check anchors (" + CrawlSetting.CHECK_ANCHORS.where(naming)
                + "), so ";
        if (counts.newerCheckedAnchors() && !counts.olderCheckedAnchors()) {
            notes.add(olderName + setting
                    + missing(counts.newerMissingAnchors(), newerName)
                    + " not compared: none is called new.");
        } else if (counts.olderCheckedAnchors() && !counts.newerCheckedAnchors()) {
            notes.add(newerName + setting
                    + missing(counts.olderMissingAnchors(), olderName)
                    + " not compared: none is called fixed.");
        }
        long unknown = counts.unknownAnchors();
        if (unknown > 0) {
            notes.add(String.format(java.util.Locale.ROOT, "%,d missing %s of %s %s on pages "
                    + "or to pages %s did not read (it %s), so %s not counted as new.",
                    unknown, unknown == 1 ? "anchor" : "anchors", newerName,
                    unknown == 1 ? "is" : "are", olderName, olderFinished
                            ? "stopped at its page limit" : "did not finish",
                    unknown == 1 ? "it is" : "they are"));
        }
    }

    /**
     * Sentences on broken links of a check of hrefs ({@link HrefCheck}: malformed mailto:
     * addresses, file: links) that one crawl did not make, made by an earlier Webprobe: they
     * are not compared, none is called new (or fixed), where the two crawls' broken links
     * would otherwise differ by every such link the site always had.
     */
    static void hrefChecks(CrawlDiff.Counts counts, String olderName, String newerName,
            List<String> notes) {
        Set<HrefCheck> olderLacks = lacking(counts.olderHrefChecks());
        Set<HrefCheck> newerLacks = lacking(counts.newerHrefChecks());
        if (counts.notComparedNewer() > 0) {
            boolean older = !olderLacks.isEmpty();
            notes.add(notChecked(older ? olderName : newerName, older ? olderLacks : newerLacks,
                    counts.notComparedNewer(), newerName, "new"));
        }
        if (counts.notComparedOlder() > 0) {
            boolean newer = !newerLacks.isEmpty();
            notes.add(notChecked(newer ? newerName : olderName, newer ? newerLacks : olderLacks,
                    counts.notComparedOlder(), olderName, "fixed"));
        }
    }

    /**
     * Sentences on broken links and missing anchors one crawl's exclude patterns leave out (an
     * href that is no URL, a URL of the link's page, target or redirects) and the other crawl
     * reports: not compared, none called new (or fixed), as the other crawl would not report
     * them whatever the site did. "a.webprobe's exclude patterns (--exclude) leave out 527
     * broken links and 2 missing anchors of b.webprobe, so they are not compared: none is
     * called new."
     */
    static void excluded(CrawlDiff.Counts counts, String olderName, String newerName,
            List<String> notes, CrawlLimit.Naming naming) {
        if (counts.excludedNewer() + counts.excludedNewerAnchors() > 0) {
            notes.add(excluded(olderName, counts.excludedNewer(), counts.excludedNewerAnchors(),
                    newerName, "new", naming));
        }
        if (counts.excludedOlder() + counts.excludedOlderAnchors() > 0) {
            notes.add(excluded(newerName, counts.excludedOlder(), counts.excludedOlderAnchors(),
                    olderName, "fixed", naming));
        }
    }

    private static String excluded(String excluder, long links, long anchors, String of,
            String called, CrawlLimit.Naming naming) {
        List<String> what = new ArrayList<>();
        if (links > 0) {
            what.add(io.webprobe.Words.count(links, "broken link"));
        }
        if (anchors > 0) {
            what.add(io.webprobe.Words.count(anchors, "missing anchor"));
        }
        boolean one = links + anchors == 1;
        return excluder + "'s exclude patterns (" + CrawlSetting.EXCLUDE.where(naming)
                + ") leave out " + String.join(" and ", what) + " of " + of + ", so "
                + (one ? "it is not compared: it is not" : "they are not compared: none is")
                + " called " + called + ".";
    }

    private static Set<HrefCheck> lacking(Set<HrefCheck> made) {
        Set<HrefCheck> lacks = HrefCheck.all();
        lacks.removeAll(made);
        return lacks;
    }

    /**
     * "a.webprobe did not check mailto: and file: links (it was made by an earlier Webprobe),
     * so the 12 broken ones of b.webprobe are not compared: none is called new." A crawl that
     * holds such links though its file says it did not check them was begun by an earlier
     * Webprobe and resumed by this one: "a.webprobe did not check mailto: and file: links
     * from its start (it was begun by an earlier Webprobe), so its 6 broken ones are not
     * compared: none is called fixed." (It read "a.webprobe did not check … so the 6 broken
     * ones of a.webprobe …", a sentence against itself.)
     */
    static String notChecked(String lacker, Set<HrefCheck> lacks, long n, String of,
            String called) {
        List<String> schemes = lacks.stream().map(c -> c.scheme() + ":").toList();
        String which = schemes.size() == 1 ? schemes.get(0) : String.join(", ",
                schemes.subList(0, schemes.size() - 1)) + " and " + schemes.getLast();
        boolean own = lacker.equals(of);
        String count = String.format(java.util.Locale.ROOT, "%,d", n);
        String ones = n == 1 ? (own ? "its broken one is" : "the broken one of " + of + " is")
                + " not compared: it is not called "
                : (own ? "its " + count : "the " + count) + " broken ones"
                        + (own ? "" : " of " + of) + " are not compared: none is called ";
        return lacker + " did not check " + which + " links" + (own ? " from its start (it "
                + "was begun by an earlier Webprobe)" : " (it was made by an earlier Webprobe)")
                + ", so " + ones + called + ".";
    }

    /** "the 3 missing anchors of b.webprobe are", "the 1 missing anchor of b.webprobe is". */
    private static String missing(long n, String name) {
        return n == 0 ? "missing anchors are" : "the " + io.webprobe.Words.count(n,
                "missing anchor") + " of " + name + (n == 1 ? " is" : " are");
    }

    /**
     * A sentence when the crawl given as the older one was made after the newer one (the two
     * named the wrong way round: every added URL was in fact removed), else null.
     */
    static String order(java.time.Instant older, String olderName, java.time.Instant newer,
            String newerName, java.time.ZoneId zone) {
        if (older == null || newer == null || !older.isAfter(newer)) {
            return null;
        }
        return olderName + " was crawled after " + newerName + " (" + when(older, zone)
                + " against " + when(newer, zone) + "), so what is called added was removed "
                + "and the other way round: name the older crawl first.";
    }

    /**
     * When a crawl was made, as compare names it (the Compare tab's choosers, the sentence of
     * {@link #order}): "2026-12-06 14:05:07". To the second: two crawls started in the same
     * minute (a crawl stopped at once and started again) read alike to the minute.
     */
    public static String when(java.time.Instant made, java.time.ZoneId zone) {
        return WHEN.withZone(zone).format(made);
    }

    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
                    java.util.Locale.ROOT);

    /**
     * A sentence when the two crawls accept different statuses ({@code --accept}): each crawl's
     * rows are broken or not by its own, so a link to a URL answering such a status is broken
     * in one and not in the other, though nothing changed. Else null.
     *
     * @param naming how the setting is named: "--accept", "Crawl settings › Accept statuses"
     */
    static String accepted(CrawlPlan a, String olderName, CrawlPlan b, String newerName,
            CrawlLimit.Naming naming) {
        if (a.accept().equals(b.accept())) {
            return null;
        }
        return olderName + " accepts " + codes(a) + " and " + newerName + " accepts "
                + codes(b) + " (" + CrawlSetting.ACCEPT.where(naming) + ": counted as OK, not "
                + "broken), so a link to a URL "
                + "answering one of them can be new or fixed though the URL answers as it did.";
    }

    private static String codes(CrawlPlan p) {
        return p.accept().isEmpty() ? "no status" : p.accept().toString();
    }

    /** The settings that shape what a crawl reaches, named where the two plans differ. */
    static List<String> differences(CrawlPlan a, CrawlPlan b) {
        return differences(a, b, CrawlLimit.Naming.OPTION);
    }

    /**
     * As {@link #differences(CrawlPlan, CrawlPlan)}, the settings named in words the command
     * line's options explain ("depth limit", "other sites' links checked") or by the Crawl
     * settings' labels ({@code naming}): "Max depth", "Check external links ticked".
     */
    static List<String> differences(CrawlPlan a, CrawlPlan b, CrawlLimit.Naming naming) {
        boolean label = naming == CrawlLimit.Naming.LABEL;
        List<String> differ = new ArrayList<>();
        if (a.maxDepth() != b.maxDepth()) {
            differ.add((label ? CrawlLimit.MAX_DEPTH.name(naming) : "depth limit") + ": "
                    + limit(a.maxDepth()) + " in the older crawl, " + limit(b.maxDepth())
                    + " in the newer");
        }
        if (a.maxPages() != b.maxPages()) {
            differ.add((label ? CrawlLimit.MAX_PAGES.name(naming) : "page limit") + ": "
                    + limit(a.maxPages()) + " in the older crawl, " + limit(b.maxPages())
                    + " in the newer");
        }
        ticked(a.checkExternal(), b.checkExternal(), label ? CrawlSetting.CHECK_EXTERNAL
                : null, "other sites' links checked", differ);
        ticked(a.followNofollow(), b.followNofollow(), label ? CrawlSetting.FOLLOW_NOFOLLOW
                : null, "nofollow links followed", differ);
        ticked(a.scope().subdomains(), b.scope().subdomains(), label ? CrawlSetting.SUBDOMAINS
                : null, "subdomains crawled", differ);
        patterns(label ? CrawlSetting.INCLUDE.label() : "include patterns:",
                a.scope().include(), b.scope().include(), differ, label);
        patterns(label ? CrawlSetting.EXCLUDE.label() : "exclude patterns:",
                a.scope().exclude(), b.scope().exclude(), differ, label);
        return differ;
    }

    /**
     * "other sites' links checked in the older crawl only", or by its box in the Crawl
     * settings ({@code box} not null): "Check external links ticked in the older crawl only".
     */
    private static void ticked(boolean older, boolean newer, CrawlSetting box, String words,
            List<String> differ) {
        if (older != newer) {
            differ.add((box == null ? words : box.label() + " ticked") + " in "
                    + (older ? "the older crawl only" : "the newer crawl only"));
        }
    }

    private static String limit(int n) {
        return n == CrawlPlan.UNLIMITED ? "none" : String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /**
     * "exclude patterns: /private/ in the newer crawl only"; as the Crawl settings show them
     * ({@code quoted}), each pattern in quotes, where a comma or a space of one is not read
     * as the sentence's: "Exclude URLs matching “^https?://[^/?#]*&#47;private/” in the newer
     * crawl only".
     */
    private static void patterns(String kind, List<Pattern> older, List<Pattern> newer,
            List<String> differ, boolean quoted) {
        List<String> a = texts(older);
        List<String> b = texts(newer);
        if (new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b))) {
            return; // the order of patterns changes nothing a crawl reaches
        }
        List<String> onlyA = a.stream().filter(p -> !b.contains(p)).toList();
        List<String> onlyB = b.stream().filter(p -> !a.contains(p)).toList();
        List<String> parts = new ArrayList<>();
        java.util.function.Function<List<String>, String> list = quoted
                ? l -> l.stream().map(p -> "“" + p + "”").collect(
                        java.util.stream.Collectors.joining(", "))
                : l -> String.join(", ", l);
        if (!onlyA.isEmpty()) {
            parts.add(list.apply(onlyA) + " in the older crawl only");
        }
        if (!onlyB.isEmpty()) {
            parts.add(list.apply(onlyB) + " in the newer crawl only");
        }
        differ.add(kind + " " + String.join(", and ", parts));
    }

    private static void unfinished(CrawlInfo info, String name, List<String> notes) {
        if (info.state() != CrawlState.FINISHED) {
            notes.add(name + " did not finish (" + info.stateText() + "), so URLs it did not "
                    + "reach count as added or removed.");
        }
    }

    /**
     * A finished crawl whose page limit left URLs out reached some of the site only, and two
     * such crawls of an unchanged site reach different pages: as for a crawl that did not
     * finish, its missing URLs are not news.
     */
    private static void limited(CrawlInfo info, String name, boolean leftOut,
            List<String> notes) {
        if (leftOut && info.state() == CrawlState.FINISHED) {
            notes.add(String.format(java.util.Locale.ROOT, "%s stopped at its page limit (%,d "
                    + "URLs), so URLs it did not reach count as added or removed.", name,
                    info.plan().maxPages()));
        }
    }

    private static List<String> texts(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }

    /**
     * Whether two paths name one crawl file (through a link or another spelling too): a crawl
     * does not differ from itself, so comparing it with itself is refused.
     */
    public static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
