package io.webprobe.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A generated site of {@code n} pages on a {@link LocalHttpServer}: pages link to each other in
 * cycles with relative, root-relative and absolute links (some with fragments), every 25th page
 * links to a missing page, "/old" redirects to page 3, and "/" links to page 0. The test knows
 * every reachable path and every broken link with its sources.
 */
public final class TestSite {
    private final Set<String> pages = new LinkedHashSet<>();
    private final Map<String, List<String>> brokenSources = new LinkedHashMap<>();

    public TestSite(LocalHttpServer server, int n) {
        server.route("/", LocalHttpServer.html(page("Home", "<a href=\"page/0.html\">start</a>"
                + "<a href=\"/old\">old link</a>")));
        pages.add("/");
        server.route("/old", LocalHttpServer.redirect(301, "/page/3.html"));
        pages.add("/old");
        for (int i = 0; i < n; i++) {
            StringBuilder links = new StringBuilder();
            // relative, root-relative and absolute forms of links, with cycles back
            links.append("<a href=\"").append((i + 1) % n).append(".html\">next</a>");
            links.append("<a href=\"/page/").append((i * 7) % n).append(".html#top\">jump</a>");
            links.append("<a href=\"").append(server.url("/page/" + (i / 2) + ".html"))
                    .append("\">up</a>");
            links.append("<a href=\"../page/").append(i).append(".html\">self</a>");
            links.append("<img src=\"/img/").append(i % 5).append(".png\" alt=\"pic\">");
            if (i % 25 == 0) {
                String missing = "/missing/" + (i % 50) + ".html";
                links.append("<a href=\"").append(missing).append("\">broken ").append(i)
                        .append("</a>");
                brokenSources.computeIfAbsent(missing, k -> new ArrayList<>())
                        .add(server.url("/page/" + i + ".html"));
            }
            String path = "/page/" + i + ".html";
            server.route(path, LocalHttpServer.html(page("Page " + i, links.toString())));
            pages.add(path);
        }
        for (int i = 0; i < Math.min(5, n); i++) {
            server.route("/img/" + i + ".png",
                    ex -> LocalHttpServer.send(ex, 200, "image/png", "PNGDATA"));
            pages.add("/img/" + i + ".png");
        }
        pages.addAll(brokenSources.keySet());
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }

    /** Every path a complete crawl requests (pages, images, redirect, missing pages). */
    public Set<String> paths() {
        return pages;
    }

    /** Each missing path with the pages (absolute URLs) that link to it. */
    public Map<String, List<String>> brokenSources() {
        return brokenSources;
    }
}
