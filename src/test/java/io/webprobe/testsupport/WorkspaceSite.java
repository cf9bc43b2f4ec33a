package io.webprobe.testsupport;

import io.webprobe.crawl.CrawlPlan;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A small site with one of each thing the workspace shows, on a {@link LocalHttpServer}: pages
 * with and without title and H1, two pages sharing a title, a noindex page, a page canonical to
 * another, a 404 linked from three pages, a 410, a 500, a redirect and a two-hop redirect
 * chain, an image, a stylesheet and a script, and a title that starts with {@code =} (a
 * spreadsheet formula). {@link #crawlInto} crawls it into a crawl file.
 *
 * <p>URLs (20 in all): {@code /}, {@code /a}, {@code /b}, {@code /c}, {@code /dup1},
 * {@code /dup2}, {@code /noindex}, {@code /canon}, {@code /notitle}, {@code /missing} (404, linked
 * from /, /a and /b), {@code /gone} (410, from /b), {@code /err} (500, from /c), {@code /old}
 * (301 to /a), {@code /chain1} (301 to /chain2, 301 to /b), {@code /chain2}, {@code /img.png},
 * {@code /style.css}, {@code /script.js}, {@code /formula} (title "=SUM(A1:A2)"), {@code /deep}
 * (depth 2, linked from /a).
 */
public final class WorkspaceSite {
    /** Every path a complete crawl finishes. */
    public static final List<String> PATHS = List.of("/", "/a", "/b", "/c", "/dup1", "/dup2",
            "/noindex", "/canon", "/notitle", "/missing", "/gone", "/err", "/old", "/chain1",
            "/chain2", "/img.png", "/style.css", "/script.js", "/formula", "/deep");

    private final LocalHttpServer server;

    public WorkspaceSite(LocalHttpServer server) {
        this.server = server;
        String style = "<link rel=stylesheet href=/style.css><script src=/script.js></script>";
        server.route("/", LocalHttpServer.html(page("Home", "<h1>Home</h1>" + style
                + links("/a", "/b", "/c", "/dup1", "/dup2", "/noindex", "/canon", "/notitle",
                        "/missing", "/old", "/chain1", "/formula")
                + "<img src=/img.png alt=logo>")));
        server.route("/a", LocalHttpServer.html(page("Alpha", "<h1>Alpha</h1>"
                + "<meta name=description content=\"All about alpha\">"
                + "<p>Alpha has some words in it for the word count.</p>"
                + links("/missing", "/deep", "/b"))));
        server.route("/b", LocalHttpServer.html(page("Bravo", "<h1>Bravo</h1>"
                + links("/missing", "/gone", "/a"))));
        server.route("/c", LocalHttpServer.html(page("Charlie", links("/err"))));
        server.route("/dup1", LocalHttpServer.html(page("Same title", "<h1>One</h1>")));
        server.route("/dup2", LocalHttpServer.html(page("Same title", "<h1>Two</h1>")));
        server.route("/noindex", LocalHttpServer.html("<!doctype html><html><head><title>Hidden"
                + "</title><meta name=robots content=noindex></head><body><h1>Hidden</h1>"
                + "</body></html>"));
        server.route("/canon", LocalHttpServer.html("<!doctype html><html><head><title>Copy of "
                + "alpha</title><link rel=canonical href=\"" + server.url("/a")
                + "\"></head><body><h1>Copy</h1></body></html>"));
        server.route("/notitle", LocalHttpServer.html("<!doctype html><html><head></head><body>"
                + "<h1>No title here</h1></body></html>"));
        server.route("/formula", LocalHttpServer.html(page("=SUM(A1:A2)", "<h1>Sums</h1>")));
        server.route("/deep", LocalHttpServer.html(page("Deep", "<h1>Deep</h1>")));
        server.route("/gone", LocalHttpServer.status(410));
        server.route("/err", LocalHttpServer.status(500));
        server.route("/old", LocalHttpServer.redirect(301, "/a"));
        server.route("/chain1", LocalHttpServer.redirect(301, "/chain2"));
        server.route("/chain2", LocalHttpServer.redirect(301, "/b"));
        server.route("/img.png", ex -> LocalHttpServer.send(ex, 200, "image/png", "PNG"));
        server.route("/style.css", ex -> LocalHttpServer.send(ex, 200, "text/css", "body{}"));
        server.route("/script.js",
                ex -> LocalHttpServer.send(ex, 200, "application/javascript", "var x;"));
    }

    public String url(String path) {
        return server.url(path);
    }

    /** The start URL. */
    public String start() {
        return server.url("/");
    }

    /** Crawls the site into a new crawl file and closes it (finished). */
    public Path crawlInto(Path file) throws Exception {
        CrawlPlan plan = CrawlPlan.builder(URI.create(start()), "Webprobe/test").threads(4)
                .build();
        return StoredCrawls.crawlInto(file, plan);
    }

    private static String links(String... paths) {
        StringBuilder sb = new StringBuilder();
        for (String p : paths) {
            sb.append("<a href=\"").append(p).append("\">to ").append(p).append("</a> ");
        }
        return sb.toString();
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title></head><body>" + body
                + "</body></html>";
    }
}
