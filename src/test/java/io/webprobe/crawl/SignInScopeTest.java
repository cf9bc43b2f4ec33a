package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInScopeTest {
    private static SignInScope scope(String start) {
        return SignInScope.of(CrawlPlan.of(URI.create(start), "ua"), uri -> true);
    }

    @Test
    void theStartsDomainItsWwwNameAndSubdomainsOnTheSameSchemeAndPort() {
        SignInScope s = scope("https://example.com/");

        assertThat(s.test(URI.create("https://example.com/a"))).isTrue();
        assertThat(s.test(URI.create("https://www.example.com/a"))).isTrue();
        assertThat(s.test(URI.create("https://docs.example.com/a"))).isTrue();
        assertThat(scope("https://www.example.com/").test(URI.create("https://example.com/")))
                .isTrue();
    }

    @Test
    void notToAnotherDomainPortOrDownToHttpEvenWhenTheCrawlWidenedThere() {
        SignInScope s = scope("https://example.com/");

        assertThat(s.test(URI.create("https://login.other.example/"))).isFalse();
        assertThat(s.test(URI.create("https://notexample.com/"))).isFalse();
        assertThat(s.test(URI.create("http://example.com/a"))).isFalse();
        assertThat(s.test(URI.create("https://example.com:8443/a"))).isFalse();
        assertThat(scope("http://example.com/").test(URI.create("https://www.example.com/")))
                .isTrue();
    }

    @Test
    void notToAUrlOutsideTheSite() {
        SignInScope s = SignInScope.of(CrawlPlan.of(URI.create("https://example.com/"), "ua"),
                uri -> false);

        assertThat(s.test(URI.create("https://example.com/a"))).isFalse();
    }

    @Test
    void aListSignsInOnEachOfItsUrlsOrigins() {
        SignInScope s = SignInScope.of(CrawlPlan.ofList(List.of(URI.create(
                "http://127.0.0.1:8080/a"), URI.create("https://b.example/")), "ua"), u -> true);

        assertThat(s.test(URI.create("http://127.0.0.1:8080/x"))).isTrue();
        assertThat(s.test(URI.create("https://b.example/y"))).isTrue();
        assertThat(s.test(URI.create("http://127.0.0.1:8081/x"))).isFalse();
        assertThat(s.test(URI.create("http://b.example/y"))).isFalse();
    }
}
