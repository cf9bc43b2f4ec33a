package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetcherTest {
    /** Answers DNS failure for hosts ending in .invalid, 200 otherwise; remembers what it got. */
    private static final class FakeProbe implements HttpProbe {
        final List<String> asked = new ArrayList<>();

        @Override
        public synchronized FetchResponse fetch(FetchRequest request) {
            asked.add(request.method() + " " + request.uri());
            if (request.uri().getHost().endsWith(".invalid")) {
                return FetchResponse.failed(request.uri(), ErrorKind.DNS,
                        "Host name could not be resolved", 3);
            }
            return FetchResponse.failed(request.uri(), ErrorKind.REFUSED, "refused", 1);
        }

        @Override
        public void close() {}
    }

    @Test
    void aHostThatDidNotResolveIsNotAskedAgainForTenSeconds() {
        FakeProbe probe = new FakeProbe();
        long[] now = {0};
        Fetcher fetcher = new Fetcher(probe, Duration.ofSeconds(5), 1000, () -> false,
                () -> now[0]);

        FetchResponse first = fetcher.fetch(URI.create("http://dead.invalid/a"), true);
        FetchResponse second = fetcher.fetch(URI.create("http://dead.invalid/b"), true);
        fetcher.fetch(URI.create("http://127.0.0.1:1/x"), true);
        fetcher.fetch(URI.create("http://127.0.0.1:1/y"), true);

        assertThat(first.error()).isEqualTo(ErrorKind.DNS);
        assertThat(second.error()).isEqualTo(ErrorKind.DNS);
        assertThat(second.errorMessage()).isEqualTo("Host name could not be resolved");
        assertThat(second.uri()).isEqualTo(URI.create("http://dead.invalid/b"));
        // a refused connection is not remembered: only a name that does not resolve
        assertThat(probe.asked).containsExactly("HEAD http://dead.invalid/a",
                "HEAD http://127.0.0.1:1/x", "HEAD http://127.0.0.1:1/y");

        now[0] = Fetcher.UNRESOLVED_FOR.toNanos() - 1;
        fetcher.fetch(URI.create("http://dead.invalid/c"), true);
        assertThat(probe.asked).hasSize(3);
        now[0] = Fetcher.UNRESOLVED_FOR.toNanos() + 3_000_000; // the failure took 3 ms
        fetcher.fetch(URI.create("http://dead.invalid/d"), false);
        assertThat(probe.asked).last().isEqualTo("GET http://dead.invalid/d");
    }
}
