package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Blocked URLs (a rate limit, a bot wall) never make the crawl command exit 1. */
class CrawlBlockedExitCodeTest {
    private final LocalHttpServer server = new LocalHttpServer();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private void blockedSite(String extraLinks) {
        server.route("/", html("<title>Home</title><a href=\"/limited\">l</a>"
                + "<a href=\"/wall\">w</a><a href=\"/ok\">ok</a>" + extraLinks));
        server.route("/limited", respond(429, "text/html", "<p>Come back in an hour</p>",
                "Retry-After", "3600"));
        server.route("/wall", respond(999, "text/html", "<html>Request denied</html>"));
        server.route("/ok", html("<title>OK</title>"));
    }

    @Test
    void aRateLimitAndABotWallAloneExitZero() {
        blockedSite("");

        CliRun r = run("crawl", server.url("/"), "--quiet");

        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("0 broken URLs, 0 broken links")
                .contains("Blocked (not counted as broken): 2 URLs")
                .contains("Rate limited: 1").contains("Bot wall: 1");
        assertThat(server.hits("/limited")).isEqualTo(1); // 3600 s is beyond the 60 s cap
    }

    @Test
    void oneBrokenLinkBesideThemExitsOne() {
        blockedSite("<a href=\"/missing\">missing</a>");

        CliRun r = run("crawl", server.url("/"), "--quiet");

        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertThat(r.out()).contains("1 broken URL, 1 broken link.")
                .contains("Blocked (not counted as broken): 2 URLs");
    }
}
