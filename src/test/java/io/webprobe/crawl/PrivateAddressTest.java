package io.webprobe.crawl;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static io.webprobe.testsupport.LocalHttpServer.redirect;
import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.JdkHttpProbe;
import io.webprobe.testsupport.LocalHttpServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A public site cannot aim the crawl at the user's own network. The test plays "public" with
 * 127.0.0.1 and "private" with 127.0.0.2 (both loopback, so nothing leaves the machine): the
 * notion of private is injected, the guard's rules are not.
 */
class PrivateAddressTest {
    private final LocalHttpServer site = new LocalHttpServer();
    private final LocalHttpServer intranet;

    PrivateAddressTest() throws Exception {
        intranet = new LocalHttpServer(InetAddress.getByName("127.0.0.2"));
    }

    @AfterEach
    void tearDown() {
        site.close();
        intranet.close();
    }

    private static final AddressGuard.Privacy ONLY_127_0_0_2 =
            a -> a.getHostAddress().equals("127.0.0.2");

    private RecordingCrawlListener crawl(CrawlPlan plan, AddressGuard.Privacy privacy)
            throws Exception {
        var events = new RecordingCrawlListener();
        try (CrawlJob job = TestJobs.builder(plan, new JdkHttpProbe("t", Duration.ofSeconds(5)),
                events).addresses(InetAddress::getAllByName, privacy).build()) {
            job.start();
            events.awaitFinish();
        }
        return events;
    }

    private void publicSiteLinkingInside() {
        intranet.route("/reboot", html("rebooted"));
        intranet.route("/admin", html("admin"));
        site.route("/", html("<a href=\"" + intranet.url("/reboot") + "\">router</a>"
                + "<a href=\"/go\">go</a><a href=\"/ok\">ok</a>"));
        site.route("/go", redirect(302, intranet.url("/admin")));
        site.route("/ok", html("fine"));
    }

    /**
     * The bug: {@code app.localhost} does not resolve on most systems, so the guard let it
     * through, while the crawl's client connects to it on loopback (as browsers do).
     */
    @Test
    void localhostAndNamesUnderItCountAsPrivateForAPublicStart() throws Exception {
        byte[] publicIp = {93, (byte) 184, (byte) 216, 34};
        AddressGuard.Resolver resolver = host -> host.equals("public.test")
                ? new InetAddress[] {InetAddress.getByAddress(publicIp)}
                : AddressGuard.SYSTEM.resolve(host);
        AddressGuard guard = AddressGuard.forStart("public.test", false, resolver,
                AddressGuard.STANDARD);

        assertThat(guard.active()).isTrue();
        for (String host : new String[] {"localhost", "app.localhost", "[::1]", "127.0.0.1"}) {
            assertThat(guard.blockReason(host)).as(host).startsWith("Private address: " + host);
        }
        assertThat(guard.blockReason("public.test")).isNull();
    }

    @Test
    void linksAndRedirectsToPrivateAddressesAreBlockedNotRequested() throws Exception {
        publicSiteLinkingInside();

        var events = crawl(CrawlPlan.of(URI.create(site.url("/")), "t"), ONLY_127_0_0_2);

        assertThat(intranet.totalRequests()).isZero();
        Map<String, CrawlResult> rows = events.stored().stream()
                .collect(Collectors.toMap(CrawlResult::url, Function.identity()));
        for (String url : new String[] {intranet.url("/reboot"), intranet.url("/admin")}) {
            CrawlResult r = rows.get(url);
            assertThat(r.skipped()).as(url).isEqualTo(SkipReason.PRIVATE_ADDRESS);
            assertThat(r.outcome()).isEqualTo(Outcome.BLOCKED);
            assertThat(r.isBroken()).isFalse();
            assertThat(r.errorMessage()).startsWith("Private address: 127.0.0.2 is on your own "
                    + "machine or network");
        }
        assertThat(rows.get(site.url("/ok")).status()).isEqualTo(200);
        assertThat(events.broken).isEmpty();
        // blocked, not skipped, in the stored crawl's counts too (its Blocked and Skipped
        // filters), as in the live count
        assertThat(events.storedCounts().blocked()).isEqualTo(2);
        assertThat(events.storedCounts().skippedRows()).isZero();
    }

    @Test
    void theOptionAllowsThemAndAPrivateStartUrlCrawlsAsUsual() throws Exception {
        publicSiteLinkingInside();

        crawl(CrawlPlan.of(URI.create(site.url("/")), "t").toBuilder().allowPrivate(true)
                .build(), ONLY_127_0_0_2);
        assertThat(intranet.hits("/reboot")).isEqualTo(1);
        assertThat(intranet.hits("/admin")).isEqualTo(1);

        // a crawl that starts on a private address (an intranet, a local build) checks its
        // links to other private hosts as before
        intranet.route("/", html("<a href=\"" + site.url("/ok") + "\">site</a>"));
        int before = site.hits("/ok");
        crawl(CrawlPlan.of(URI.create(intranet.url("/")), "t"),
                a -> a.isLoopbackAddress()); // every address here is private
        assertThat(site.hits("/ok")).isEqualTo(before + 1);
    }

    @Test
    void theStandardRulesKnowTheUsersNetwork() throws Exception {
        for (String addr : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1",
                "169.254.169.254", "0.0.0.0", "::1", "fe80::1", "fc00::1", "fd12:3456::1"}) {
            assertThat(AddressGuard.STANDARD.isPrivate(InetAddress.getByName(addr)))
                    .as(addr).isTrue();
        }
        for (String addr : new String[] {"93.184.216.34", "8.8.8.8", "172.32.0.1",
                "2606:4700::1111"}) {
            assertThat(AddressGuard.STANDARD.isPrivate(InetAddress.getByName(addr)))
                    .as(addr).isFalse();
        }
    }
}
