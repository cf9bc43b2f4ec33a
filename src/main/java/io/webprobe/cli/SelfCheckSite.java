package io.webprobe.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small site served on loopback by the JDK's own HTTP server, for {@code selfcheck}: pages
 * linking to each other in every form, a stylesheet with a font and an image, a redirect, a
 * missing page, robots.txt and a sitemap. Nothing leaves the machine.
 */
final class SelfCheckSite implements AutoCloseable {
    static final int PAGES = 60;
    /** The links every complete crawl reports as broken. */
    static final int BROKEN_LINKS = 2;

    private final HttpServer server;
    private final ExecutorService pool;

    SelfCheckSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "selfcheck-site");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The site's home page. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void serve(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/")) {
                send(ex, 200, "text/html", page("Home", "<a href=\"/p/0\">first</a>"
                        + "<a href=\"/old\">an old link</a><a href=\"/gone\">gone</a>"));
            } else if (path.equals("/robots.txt")) {
                send(ex, 200, "text/plain", "User-agent: *\nDisallow: /private/\nSitemap: "
                        + url() + "sitemap.xml\n");
            } else if (path.equals("/sitemap.xml")) {
                send(ex, 200, "application/xml", "<?xml version=\"1.0\"?><urlset xmlns="
                        + "\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>" + url()
                        + "p/1</loc></url><url><loc>" + url() + "orphan</loc></url></urlset>");
            } else if (path.equals("/old")) {
                ex.getResponseHeaders().add("Location", "/p/3");
                ex.sendResponseHeaders(301, -1);
            } else if (path.equals("/site.css")) {
                send(ex, 200, "text/css", "@font-face { src: url('/font.woff2') }\n"
                        + "body { background: url(img/bg.png) } .x { background: url(/nope.png) }");
            } else if (path.equals("/font.woff2") || path.equals("/img/bg.png")) {
                send(ex, 200, "application/octet-stream", "binary");
            } else if (path.equals("/orphan")) {
                send(ex, 200, "text/html", page("Orphan", "nobody links here"));
            } else if (path.startsWith("/p/")) {
                int n = number(path.substring(3));
                if (n < 0 || n >= PAGES) {
                    send(ex, 404, "text/html", page("Not found", ""));
                    return;
                }
                send(ex, 200, "text/html", page("Page " + n,
                        "<a href=\"" + ((n + 1) % PAGES) + "\">next</a>"
                                + "<a href=\"/p/" + (n * 7 % PAGES) + "#top\">jump</a>"
                                + "<a href=\"" + url() + "p/" + (n / 2) + "\">up</a>"
                                + "<a href=\"/private/" + n + "\">private</a>"
                                + "<img src=\"/img/bg.png\" alt=\"background\">"));
            } else {
                send(ex, 404, "text/html", page("Not found", ""));
            }
        }
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"/site.css\">"
                + "<meta name=\"description\" content=\"A page of the self-check site\"></head>"
                + "<body><h1>" + title + "</h1><p>Some words to count on this page.</p>" + body
                + "</body></html>";
    }

    private static int number(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
