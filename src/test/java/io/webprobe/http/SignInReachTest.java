package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class SignInReachTest {
    private static boolean reaches(String given, String to) {
        return SignInReach.reaches(URI.create(given), URI.create(to));
    }

    @Test
    void aSignInStaysOnItsOriginOrMovesUpToHttpsOnTheSameHost() {
        assertThat(reaches("https://a.example/x", "https://a.example/y")).isTrue();
        assertThat(reaches("https://a.example/x", "https://A.EXAMPLE:443/y")).isTrue();
        assertThat(reaches("http://a.example/x", "https://a.example/y")).isTrue();
        assertThat(reaches("http://127.0.0.1:8080/", "http://127.0.0.1:8080/b")).isTrue();
    }

    @Test
    void neverToAnotherHostPortOrDownToHttp() {
        assertThat(reaches("https://a.example/", "http://a.example/")).isFalse();
        assertThat(reaches("https://a.example/", "https://b.example/")).isFalse();
        assertThat(reaches("https://a.example/", "https://a.example:8443/")).isFalse();
        assertThat(reaches("http://127.0.0.1:8080/", "http://127.0.0.1:8081/")).isFalse();
        assertThat(reaches("http://127.0.0.1:8080/", "https://127.0.0.1:8080/")).isFalse();
        assertThat(reaches("http://a.example/", "https://a.example:8443/")).isFalse();
    }
}
