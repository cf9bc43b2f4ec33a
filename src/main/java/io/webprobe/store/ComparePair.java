package io.webprobe.store;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.CrawlState;
import io.webprobe.http.Urls;
import java.util.ArrayList;
import java.util.List;
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
        String a = Urls.hostAndPort(older.plan().startUrl());
        String b = Urls.hostAndPort(newer.plan().startUrl());
        return a.equals(b) ? null : olderName + " is a crawl of " + a + " but " + newerName
                + " is of " + b + "; compare needs two crawls of the same site.";
    }

    /** Sentences on what makes URLs count as added or removed that did not change. */
    public static List<String> notes(CrawlStore older, String olderName, CrawlStore newer,
            String newerName) {
        List<String> notes = new ArrayList<>();
        unfinished(older.info(), olderName, notes);
        unfinished(newer.info(), newerName, notes);
        CrawlPlan a = older.plan();
        CrawlPlan b = newer.plan();
        if (a.maxDepth() != b.maxDepth() || a.maxPages() != b.maxPages()) {
            notes.add("The two crawls had different depth or page limits, so URLs one of them "
                    + "did not reach count as added or removed.");
        }
        if (a.checkExternal() != b.checkExternal() || a.followNofollow() != b.followNofollow()
                || !sameScope(a.scope(), b.scope())) {
            notes.add("The two crawls had different scope settings (other sites' links "
                    + "checked, nofollow pages followed, subdomains, include or exclude "
                    + "patterns), so URLs one of them "
                    + "left out count as added or removed, and links it left out are not "
                    + "called fixed.");
        }
        return notes;
    }

    private static void unfinished(CrawlInfo info, String name, List<String> notes) {
        if (info.state() != CrawlState.FINISHED) {
            notes.add(name + " did not finish (" + info.stateText() + "), so URLs it did not "
                    + "reach count as added or removed.");
        }
    }

    private static boolean sameScope(CrawlScope a, CrawlScope b) {
        return a.subdomains() == b.subdomains() && texts(a.include()).equals(texts(b.include()))
                && texts(a.exclude()).equals(texts(b.exclude()));
    }

    private static List<String> texts(List<Pattern> patterns) {
        return patterns.stream().map(Pattern::pattern).toList();
    }
}
