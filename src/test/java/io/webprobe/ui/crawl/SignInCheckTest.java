package io.webprobe.ui.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.RefusedPort;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Resume asks a crawl's start URL before it resumes: its status after its redirects on the
 * start host, with the sign-in held sent there only.
 */
class SignInCheckTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private final LocalHttpServer other = new LocalHttpServer();
    private static final SiteHeaders ANN = SiteHeaders.of(List.of(Header.basicSignIn("ann",
            "pw")));

    @AfterEach
    void close() {
        server.close();
        other.close();
    }

    private int status(String start, SiteHeaders signIn) {
        return SignInCheck.startStatus(CrawlPlan.of(URI.create(start), "Webprobe/test"), signIn);
    }

    /** A route that answers 200 to ann's sign-in and 401 to anything else. */
    private static LocalHttpServer.Route signedIn() {
        String good = ANN.headers().get(0).value();
        return ex -> {
            if (good.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                html("in").handle(ex);
            } else {
                LocalHttpServer.send(ex, 401, "text/html", "sign in");
            }
        };
    }

    @Test
    void aStartUrlThatRedirectsToASignInIsFollowedOnTheSite() {
        server.route("/", LocalHttpServer.redirect(302, "/home"));
        server.route("/home", signedIn());

        assertThat(status(server.url("/"), SiteHeaders.NONE)).isEqualTo(401);
        assertThat(status(server.url("/"), ANN)).isEqualTo(200);
    }

    @Test
    void aRedirectToAnotherHostIsNotFollowedNorSentTheSignIn() {
        other.route("/", signedIn());
        // the other server on "localhost": another host than 127.0.0.1
        server.route("/", LocalHttpServer.redirect(302, "http://localhost:" + other.port()
                + "/"));

        assertThat(status(server.url("/"), ANN)).isEqualTo(302);
        assertThat(other.hits("/")).isZero();
    }

    @Test
    void aSiteThatDoesNotAnswerIsNoSignInToAskFor() throws Exception {
        int port = RefusedPort.heldForTheRun();
        assertThat(status("http://127.0.0.1:" + port + "/", SiteHeaders.NONE)).isZero();
    }
}
