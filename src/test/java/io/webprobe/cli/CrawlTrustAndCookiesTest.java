package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.CsvFiles.readCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.SelfSignedCertificate;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staging site with a self-signed certificate is crawlable with --cacert or --insecure, and
 * without them the user is told the certificate is not trusted and how to trust it; a site that
 * sets a cookie and redirects behaves as in a browser.
 */
class CrawlTrustAndCookiesTest {
    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String httpsSite() throws Exception {
        return httpsSite(SelfSignedCertificate.create(dir, "staging", "ip:127.0.0.1"));
    }

    private String httpsSite(SelfSignedCertificate cert) throws Exception {
        HttpsServer https = HttpsServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(cert.serverContext()));
        https.createContext("/", ex -> {
            switch (ex.getRequestURI().getPath()) {
                case "/" -> LocalHttpServer.send(ex, 200, "text/html",
                        "<title>Staging</title><a href=\"/about\">about</a>");
                case "/about" -> LocalHttpServer.send(ex, 200, "text/html", "<title>About</title>");
                default -> LocalHttpServer.send(ex, 404, "text/html", "no");
            }
        });
        https.start();
        server = https;
        return "https://127.0.0.1:" + https.getAddress().getPort() + "/";
    }

    @Test
    void anUntrustedCertificateIsNamedWithTheWayToTrustIt() throws Exception {
        String url = httpsSite();

        CliRun r = run("crawl", url, "--quiet");

        assertEquals(2, r.exitCode());
        // the reason once, then the way past it
        assertThat(r.err()).isEqualTo("webprobe: Could not fetch " + url + ": the site's "
                + "certificate is not trusted (self-signed or from an unknown authority). Use "
                + "--cacert FILE to trust it, or --insecure to skip the check.\n");
        assertThat(r.err()).doesNotContain("robots", "Exception", "\tat ");
        assertThat(r.err().strip()).doesNotContain("\n");
    }

    /** An expired certificate given with --cacert: said expired, and --cacert not offered. */
    @Test
    void anExpiredCertificateGivenWithCacertIsNamedExpiredWithoutOfferingCacert()
            throws Exception {
        SelfSignedCertificate expired = SelfSignedCertificate.create(dir, "expired",
                "ip:127.0.0.1", "-10d");
        String url = httpsSite(expired);

        CliRun r = run("crawl", url, "--quiet", "--cacert", expired.pem().toString());

        assertEquals(2, r.exitCode());
        assertThat(r.err()).isEqualTo("webprobe: Could not fetch " + url + ": the site's "
                + "certificate has expired. Use --insecure to skip the check.\n");
    }

    @Test
    void cacertOrInsecureMakeItCrawlable() throws Exception {
        String url = httpsSite();
        Path pem = dir.resolve("staging.pem");
        Path pages = dir.resolve("pages.csv");

        CliRun trusted = run("crawl", url, "--quiet", "--cacert", pem.toString(), "--csv",
                pages.toString());
        assertEquals(0, trusted.exitCode(), trusted.err());
        assertThat(trusted.err()).isEmpty();
        assertThat(readCsv(pages)).extracting(l -> l[0] + " " + l[1])
                .contains(url + " 200", url + "about 200");

        CliRun insecure = run("crawl", url, "--quiet", "--insecure");
        assertEquals(0, insecure.exitCode(), insecure.err());
        assertThat(insecure.err()).isEqualTo("webprobe: warning: --insecure: certificates are "
                + "not checked, so anyone between you and the site could answer in its place.\n");

        CliRun missing = run("crawl", url, "--quiet", "--cacert", dir.resolve("no.pem").toString());
        assertEquals(2, missing.exitCode());
        assertThat(missing.err()).startsWith("webprobe: ").contains("certificate file")
                .doesNotContain("Exception");
        assertEquals(2, run("crawl", url, "--insecure", "--cacert", pem.toString()).exitCode());
    }

    /**
     * A --cacert that is a named pipe (a shell's {@code --cacert <(...)}) gives its certificates
     * once, and they are read once. Seen: the crawl read it a second time to make its client,
     * and waited for a writer that had gone, for ever.
     */
    @Test
    void aCertificatePipeWrittenOnceIsEnough() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "staging", "ip:127.0.0.1");
        String url = httpsSite(cert);
        Path pipe = io.webprobe.testsupport.NamedPipes.make(dir.resolve("ca.pem"));
        var written = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try (var out = new java.io.FileOutputStream(pipe.toFile())) {
                java.nio.file.Files.copy(cert.pem(), out); // once, then closed
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        CliRun r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), // it waited for ever: not a measure of speed
                () -> run("crawl", url, "--quiet", "--cacert", pipe.toString()));

        assertEquals(0, r.exitCode(), r.err());
        assertThat(r.err()).isEmpty();
        written.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** "/" sets a session cookie and sends the browser to a check that sends it back. */
    private String sessionCheckSite() throws IOException {
        HttpServer http = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        http.createContext("/", (HttpExchange ex) -> {
            String cookie = ex.getRequestHeaders().getFirst("Cookie");
            boolean has = cookie != null && cookie.contains("session=ok");
            String path = ex.getRequestURI().getPath();
            String query = ex.getRequestURI().getQuery();
            if (path.equals("/") && query == null && !has) {
                ex.getResponseHeaders().add("Set-Cookie", "session=ok; Path=/");
                ex.getResponseHeaders().add("Location", "/?check=1");
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/") && query != null) {
                ex.getResponseHeaders().add("Location", has ? "/" : "/cookies-needed");
                ex.sendResponseHeaders(302, -1);
            } else if (path.equals("/")) {
                LocalHttpServer.send(ex, 200, "text/html",
                        "<title>Home</title><a href=\"/inside\">inside</a>");
            } else if (path.equals("/inside") && has) {
                LocalHttpServer.send(ex, 200, "text/html", "<title>Inside</title>");
            } else {
                LocalHttpServer.send(ex, 403, "text/html", "<title>Cookies needed</title>");
            }
            ex.close();
        });
        http.start();
        server = http;
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    @Test
    void aSessionCheckThatSetsACookieAndRedirectsWorksAsInABrowser() throws Exception {
        String url = sessionCheckSite();
        Path pages = dir.resolve("pages.csv");
        Path broken = dir.resolve("broken.csv");

        CliRun r = run("crawl", url, "--quiet", "--csv", pages.toString(), "--broken-csv",
                broken.toString());

        assertEquals(0, r.exitCode(), r.err() + r.out());
        List<String> rows = readCsv(pages).stream().skip(1).map(l -> l[0] + " " + l[1]).toList();
        assertThat(rows).contains(url + " 200", url + "inside 200", url + "?check=1 302");
        assertThat(readCsv(broken)).hasSize(1); // the header only
    }

    @Test
    void withoutCookiesTheSameSiteLooksBrokenAsForAClientThatRefusesThem() throws Exception {
        String url = sessionCheckSite();
        Path pages = dir.resolve("pages.csv");

        CliRun r = run("crawl", url, "--quiet", "--no-cookies", "--csv", pages.toString());

        assertEquals(2, r.exitCode(), r.err() + r.out());
        // the URL typed, and where its redirects ended
        assertThat(r.err()).isEqualTo("webprobe: The start URL " + url + " redirects to " + url
                + "cookies-needed, which answered HTTP 403.\n");
        assertThat(readCsv(pages).stream().skip(1).map(l -> l[0] + " " + l[1]).toList())
                .contains(url + "cookies-needed 403");
    }
}
