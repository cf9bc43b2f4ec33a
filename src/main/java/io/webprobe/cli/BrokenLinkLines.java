package io.webprobe.cli;

import io.webprobe.Words;
import io.webprobe.crawl.BrokenLink;
import io.webprobe.export.ExportBatch;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.UrlSyntax;
import io.webprobe.store.CrawlReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The first broken links, printed after a summary so that a failing gate says what failed, as
 * lychee and wget --spider do: one line each, the link, what it answered and the page that
 * holds it ({@code http://s/gone (HTTP 404) on http://s/a}), then how many more there are and which
 * file lists them all. A crawl's list ({@link Grouped}) gives each broken URL one line, with
 * how many other pages link to it, as linkchecker names each broken URL once.
 */
final class BrokenLinkLines {
    /** At most this many are listed; the CSV has them all. */
    static final int SHOWN = 20;

    private BrokenLinkLines() {}

    /**
     * A crawl's broken link, as {@link CrawlReader#forEachBrokenLink} reads it, or a missing
     * anchor ({@code http://s/b#x (missing anchor #x) on http://s/a}: its page answered; {@code
     * http://s/old#x (redirects to http://s/new: missing anchor #x) on http://s/a} when it was
     * looked for where the link's redirects end).
     */
    static String line(BrokenLink l) {
        if (l.isMissingAnchor()) {
            return line(l.linkUrl(), (l.anchorAfterRedirect() ? "redirects to "
                    + shown(l.finalUrl()) + ": " : "") + l.problem(), l.sourceUrl());
        }
        String what = l.status() > 0 ? "HTTP " + l.status() : l.statusText();
        if (l.status() <= 0 && (l.error() == ErrorKind.IO || l.error() == ErrorKind.INVALID_URL)
                && !l.errorMessage().isEmpty()) {
            // "I/O error" is any other failure: what the server did wrong says more
            // (invalid Content-Length: abc), as the CSV and a failing start URL say it; so
            // does what is wrong with an href ("malformed email address: no @ in x.com")
            what = reason(l.errorMessage());
        }
        if (l.status() > 0 && l.status() < 400 && l.error() != null
                && !l.errorMessage().isEmpty()) {
            // a 200 or a 301 is broken for a reason the status does not tell (a body labelled
            // gzip that is not, a 301 without a Location): the reason the CSV gives
            what += ": " + reason(l.errorMessage());
        }
        if (l.error() == ErrorKind.REDIRECT_LOOP && !l.redirectChain().isEmpty()) {
            // the redirects fail in themselves: the 3xx of the last hop is not the point
            what = "redirect loop: " + String.join(" → ",
                    l.requestedUrls().stream().map(BrokenLinkLines::shown).toList());
        } else if (l.error() == ErrorKind.TOO_MANY_REDIRECTS) {
            what = "too many redirects: gave up at " + shown(l.finalUrl());
        } else if (l.redirectsElsewhere()) {
            what = "redirects to " + shown(l.finalUrl()) + ": " + what;
        }
        return line(l.linkUrl(), what, l.sourceUrl());
    }

    /** A stored plain message inside a line: "The server says…" as "the server says…". */
    static String reason(String message) {
        return Words.inLine(message);
    }

    /**
     * One line: the link, what it answered (a status, or why there was no answer) and where it
     * was found.
     */
    static String line(String link, String what, String source) {
        String where = switch (source) {
            case CrawlReader.SITEMAP_SOURCE -> "listed in a sitemap";
            case CrawlReader.LIST_SOURCE -> "in the list checked";
            default -> "on " + shown(source);
        };
        return "  " + shown(link) + " (" + (what.isEmpty() ? "broken" : what) + ") " + where;
    }

    /**
     * Prints the heading, the lines, and how many were left out.
     *
     * @param heading e.g. "Broken links" (a colon is added)
     * @param total how many there are in all
     * @param option the option that writes them all, e.g. "--broken-csv"
     * @param file the file that option was given, or null when it was not
     */
    static void print(PrintWriter out, String heading, List<String> lines, long total,
            String option, Path file) {
        if (lines.isEmpty()) {
            return;
        }
        out.println(heading + ":");
        lines.forEach(out::println);
        if (total > lines.size()) {
            out.println(String.format(Locale.ROOT, "  … and %,d more; %s",
                    total - lines.size(), listsAll(option, file)));
        }
        out.flush();
    }

    /**
     * The first {@link #SHOWN} URLs of a crawl's broken links (or missing anchors), read in
     * their order ({@link #accept}) or counted by the crawl's reader ({@link #add}), one line
     * each: its first page, then how many other pages link to it ({@code
     * http://s/style.css (HTTP 404) on http://s/ and 219 other pages}). A broken stylesheet in a
     * site's template is linked from every page: listed link by link, the 20 lines named it 20
     * times and hid every other broken URL (on SQLAlchemy's documentation, 2 of its 3). The links
     * come in page order, a page's links together, so a page is counted once per URL; a sitemap
     * that lists the URL is no page, and is said apart ({@code …, and listed in a sitemap}).
     */
    static final class Grouped implements Consumer<BrokenLink> {
        private final Map<String, Group> groups = new LinkedHashMap<>();
        /** The links of the URLs listed. */
        private long listed;

        @Override
        public void accept(BrokenLink l) {
            Group g = groups.get(l.linkUrl());
            if (g == null) {
                if (groups.size() >= SHOWN) {
                    return;
                }
                groups.put(l.linkUrl(), new Group(line(l), l.sourceUrl()));
            } else if (l.sourceUrl().equals(CrawlReader.SITEMAP_SOURCE)) {
                g.inSitemap = true; // not a page: said apart
            } else if (!l.sourceUrl().equals(g.lastSource)) {
                g.otherPages++;
                g.lastSource = l.sourceUrl();
            }
            listed++;
        }

        /**
         * Lists a broken URL as {@link #accept} would list it after all its links: the
         * reader's {@link CrawlReader#firstBrokenUrls} counted them, so the links need not be
         * read one by one.
         */
        void add(CrawlReader.BrokenUrl u) {
            if (groups.size() >= SHOWN || groups.containsKey(u.first().linkUrl())) {
                return;
            }
            Group g = new Group(line(u.first()), u.first().sourceUrl());
            g.otherPages = u.pages() - (g.sitemapFirst ? 0 : 1);
            g.inSitemap = u.inSitemap() && !g.sitemapFirst;
            groups.put(u.first().linkUrl(), g);
            listed += u.links();
        }

        /**
         * Prints the heading, one line per URL, and what was left out: the links to URLs not
         * listed, else the other pages of those listed.
         *
         * @param total how many links there are in all
         */
        void print(PrintWriter out, String heading, long total, String option, Path file) {
            List<String> lines = new ArrayList<>();
            boolean folded = false;
            for (Group g : groups.values()) {
                folded |= g.otherPages > 0;
                lines.add(g.line + (g.otherPages == 0 ? ""
                        : g.sitemapFirst ? " and on " + Words.count(g.otherPages, "page")
                        : " and " + Words.count(g.otherPages, "other page"))
                        + (g.inSitemap ? ", and listed in a sitemap" : ""));
            }
            if (lines.isEmpty()) {
                return;
            }
            out.println(heading + ":");
            lines.forEach(out::println);
            if (total > listed) {
                out.println(String.format(Locale.ROOT, "  … and %s to other URLs; %s",
                        Words.count(total - listed, "more link"), listsAll(option, file)));
            } else if (folded) {
                out.println("  " + where(option, file) + " lists the other pages");
            }
            out.flush();
        }

        private static final class Group {
            final String line;
            String lastSource;
            long otherPages;
            /** Whether its line names a sitemap, not a page ("listed in a sitemap"). */
            final boolean sitemapFirst;
            /** Whether a sitemap lists it too, after a page linking to it. */
            boolean inSitemap;

            Group(String line, String source) {
                this.line = line;
                this.lastSource = source;
                this.sitemapFirst = source.equals(CrawlReader.SITEMAP_SOURCE);
            }
        }
    }

    /** Which file lists every link: "--broken-csv FILE lists them all", or the file given. */
    private static String listsAll(String option, Path file) {
        return where(option, file) + " lists them all";
    }

    private static String where(String option, Path file) {
        return file == null ? option + " FILE"
                : file.equals(ExportBatch.STDOUT) ? "the CSV on standard output" : file.toString();
    }

    private static String shown(String url) {
        return UrlSyntax.shortened(UrlSyntax.forPeople(url));
    }
}
