package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rule for an https request java.net.http was refused at the system's first address:
 * ours tries the next, and once it answered there, the host's requests go to ours at once
 * (the ping's timed requests after its opening one pay no refused connect each).
 */
class NextAddressTest {
    private static FetchRequest get(String url) {
        return new FetchRequest(URI.create(url), "GET", Duration.ofSeconds(1), 0,
                FetchRequest.BodyPolicy.NEVER);
    }

    private static FetchResponse refused(FetchRequest r) {
        return FetchResponse.failed(r.uri(), ErrorKind.REFUSED, "refused", 0);
    }

    private static FetchResponse ok(FetchRequest r) {
        return new FetchResponse(r.uri(), 200, "", null, 0, null, false, 0, null, null, "");
    }

    private static Function<FetchRequest, FetchResponse> counting(AtomicInteger calls,
            Function<FetchRequest, FetchResponse> answer) {
        return r -> {
            calls.incrementAndGet();
            return answer.apply(r);
        };
    }

    @Test
    void refusedAtTheFirstAddressTheNextAnswersAndTheHostStaysThere() throws Exception {
        Assumptions.assumeTrue(HostAddresses.resolve("localhost").size() > 1,
                "localhost has one address here");
        NextAddress rule = new NextAddress();
        AtomicInteger jdk = new AtomicInteger();
        AtomicInteger ours = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(rule.fetch(get("https://localhost:1234/" + i),
                    counting(jdk, NextAddressTest::refused), counting(ours, NextAddressTest::ok))
                    .status()).isEqualTo(200);
        }
        // another port of the host is another server: java.net.http first
        rule.fetch(get("https://localhost:1235/"), counting(jdk, NextAddressTest::ok),
                counting(ours, NextAddressTest::ok));

        assertThat(jdk.get()).isEqualTo(2);
        assertThat(ours.get()).isEqualTo(3);
    }

    @Test
    void noAddressAnsweringGivesTheFirstFailureAndIsNotRemembered() throws Exception {
        Assumptions.assumeTrue(HostAddresses.resolve("localhost").size() > 1,
                "localhost has one address here");
        NextAddress rule = new NextAddress();
        AtomicInteger jdk = new AtomicInteger();
        Function<FetchRequest, FetchResponse> noRoute =
                r -> FetchResponse.failed(r.uri(), ErrorKind.CONNECT, "no route", 0);

        for (int i = 0; i < 2; i++) {
            assertThat(rule.fetch(get("https://localhost:1234/"),
                    counting(jdk, NextAddressTest::refused), noRoute).error())
                    .isEqualTo(ErrorKind.REFUSED);
        }
        assertThat(jdk.get()).isEqualTo(2);
    }

    @Test
    void aHostWithOneAddressIsNotTriedAgainAndOtherFailuresAreAnswers() {
        NextAddress rule = new NextAddress();
        AtomicInteger ours = new AtomicInteger();

        assertThat(rule.fetch(get("https://127.0.0.1:1234/"), NextAddressTest::refused,
                counting(ours, NextAddressTest::ok)).error()).isEqualTo(ErrorKind.REFUSED);
        assertThat(rule.fetch(get("https://localhost:1234/"),
                r -> FetchResponse.failed(r.uri(), ErrorKind.TIMEOUT, "slow", 0),
                counting(ours, NextAddressTest::ok)).error()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ours.get()).isZero();
    }
}
