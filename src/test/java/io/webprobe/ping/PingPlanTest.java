package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.http.Header;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan's rules for what a user may ask of the connection. */
class PingPlanTest {
    private static PingPlan plan() {
        return PingPlan.of(List.of(URI.create("http://127.0.0.1:9/")), "t");
    }

    @Test
    void headersThatFrameTheMessageOrManageTheConnectionAreRefused() {
        for (String name : new String[] {"Content-Length", "transfer-encoding", "TE", "Trailer",
            "Upgrade"}) {
            assertThatThrownBy(() -> plan().withHeaders(List.of(new Header(name, "5"))), name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageEndingWith("which Webprobe manages itself; leave it out");
        }
        assertThatThrownBy(() -> plan().withHeaders(List.of(new Header("Connection", "close"))))
                .hasMessage("Webprobe sets the Connection header itself; for a new connection "
                        + "per request, turn keep-alive off (--no-keepalive)");
        assertThatThrownBy(() -> plan().withHeaders(List.of(new Header("Host", "a"),
                new Header("host", "b")))).hasMessage("The Host header can be given only once");
        assertThat(plan().withHeaders(List.of(new Header("Host", "a"),
                new Header("Authorization", "Bearer x"))).headers()).hasSize(2);
    }

    @Test
    void aRequestTargetIsAPathOfOneOfTheUrlsAndTheUrlIsShownWithIt() {
        URI u = URI.create("http://127.0.0.1:9/a%25zz?q=1");
        PingPlan p = PingPlan.of(List.of(u), "t")
                .withRequestTargets(java.util.Map.of(u, "/a%zz?q=1")).withCount(4);
        assertThat(p.shown(u)).isEqualTo("http://127.0.0.1:9/a%zz?q=1");
        assertThat(p.requestTargets()).containsEntry(u, "/a%zz?q=1"); // kept by later copies
        assertThat(plan().shown(URI.create("http://127.0.0.1:9/"))).isEqualTo("http://127.0.0.1:9/");
        assertThatThrownBy(() -> plan().withRequestTargets(java.util.Map.of(u, "/a%zz")))
                .isInstanceOf(IllegalArgumentException.class); // not one of the plan's URLs
        assertThatThrownBy(() -> PingPlan.of(List.of(u), "t")
                .withRequestTargets(java.util.Map.of(u, "/a b")))
                .isInstanceOf(IllegalArgumentException.class); // no space in a request line
    }

    @Test
    void theConnectionsAreSplitAmongTheUrlsWhenThereAreEnoughOfThem() {
        List<URI> three = List.of(URI.create("http://a/"), URI.create("http://b/"),
                URI.create("http://c/"));
        assertThat(PingPlan.of(three.subList(0, 1), "t").waitingConnections(0))
                .isEqualTo("every connection");
        assertThat(PingPlan.of(three, "t").withConcurrency(10).waitingConnections(0))
                .isEqualTo("every connection to their URL (3-4 of the 10 each)");
        assertThat(PingPlan.of(three, "t").withConcurrency(3).waitingConnections(0))
                .isEqualTo("every connection to their URL (1 of the 3 each)");
        // more URLs than connections: every connection takes whichever URL comes next
        assertThat(PingPlan.of(three, "t").withConcurrency(2).connectionsPerUrl()).isFalse();
        assertThat(PingPlan.of(three, "t").withConcurrency(2).waitingConnections(0))
                .isEqualTo("every connection");
    }

    /**
     * A URL not requested (its host name unknown) leaves its connections to the others
     * (PingRun.claim), and the sentence on requests not sent counts them so: 5 of the 10 for
     * the two URLs of three requested, not 3-4.
     */
    @Test
    void theConnectionsOfAUrlNotRequestedAreCountedWithTheOthers() {
        List<URI> three = List.of(URI.create("http://a/"), URI.create("http://b.invalid/"),
                URI.create("http://c/"));
        PingPlan plan = PingPlan.of(three, "t").withConcurrency(10);
        assertThat(plan.waitingConnections(1))
                .isEqualTo("every connection to their URL (5 of the 10 each)");
        assertThat(plan.waitingConnectionsOfOneUrl(1)).isEqualTo("every connection to it (5 of "
                + "the 10)");
        assertThat(plan.waitingConnections(2)).isEqualTo("every connection");
        assertThat(plan.waitingConnectionsOfOneUrl(2)).isEqualTo("every connection");
    }

    /**
     * With HTTP/2, the https URLs whose path java.net.http would change are named once: the
     * first, and how many more; http URLs (HTTP/1.1 anyway) and plain paths are not.
     */
    @Test
    void http2NamesTheHttpsUrlsThatGoOverHttp1AsTyped() {
        URI a = URI.create("https://127.0.0.1:9/a%25zz");
        URI b = URI.create("https://127.0.0.1:9/100%25");
        URI c = URI.create("https://127.0.0.1:9/c%25zz");
        URI plain = URI.create("http://127.0.0.1:9/p%25zz");
        URI normal = URI.create("https://127.0.0.1:9/n");
        PingPlan p = PingPlan.of(List.of(plain, a, normal, b, c), "t").withRequestTargets(
                java.util.Map.of(plain, "/p%zz", a, "/a%zz", b, "/100%", c, "/c%zz"));

        assertThat(p.overHttp1Note()).isNull();
        assertThat(p.withHttp2(true).overHttp1Note()).isEqualTo("https://127.0.0.1:9/a%zz and "
                + "2 other URLs are pinged over HTTP/1.1, not HTTP/2: Java's HTTP/2 client "
                + "cannot send their paths as typed (/a%zz would go as /a%25zz, another URL to "
                + "the server).");
        assertThat(PingPlan.of(List.of(plain, normal), "t").withHttp2(true)
                .withRequestTargets(java.util.Map.of(plain, "/p%zz")).overHttp1Note()).isNull();
    }
}
