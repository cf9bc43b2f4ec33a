package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1RequestEncoderTest {

    private static String encode(String uri, String method, List<Header> headers, boolean keepAlive) {
        return new String(Http1RequestEncoder.encode(URI.create(uri), method, headers, keepAlive, "UA/1"),
                StandardCharsets.UTF_8);
    }

    @Test
    void defaultPortIsLeftOutAndTheQueryKept() {
        assertThat(encode("http://Example.com/a%20b?x=1&y", "GET", List.of(), true)).isEqualTo(
                "GET /a%20b?x=1&y HTTP/1.1\r\nHost: example.com\r\nUser-Agent: UA/1\r\nAccept: */*\r\n\r\n");
    }

    @Test
    void aGivenRequestTargetIsSentInsteadOfTheUris() {
        String head = new String(Http1RequestEncoder.encode(URI.create("http://h:81/a%25zz?q"),
                "/a%zz?q", "GET", List.of(), true, "UA/1"), StandardCharsets.UTF_8);
        assertThat(head).startsWith("GET /a%zz?q HTTP/1.1\r\nHost: h:81\r\n");
        assertThat(new String(Http1RequestEncoder.encode(URI.create("http://h/a%25zz"), null,
                "GET", List.of(), true, "UA/1"), StandardCharsets.UTF_8))
                .startsWith("GET /a%25zz HTTP/1.1\r\n");
    }

    @Test
    void httpsLeavesOut443AndWrites80() {
        assertThat(encode("https://h:443/", "GET", List.of(), true)).contains("\r\nHost: h\r\n");
        assertThat(encode("https://h:80/", "GET", List.of(), true)).contains("\r\nHost: h:80\r\n");
        assertThat(encode("http://h:80/", "GET", List.of(), true)).contains("\r\nHost: h\r\n");
    }

    @Test
    void otherPortsAndIpv6LiteralsAreWrittenAsInTheUrl() {
        assertThat(encode("http://127.0.0.1:8080", "HEAD", List.of(), true)).startsWith(
                "HEAD / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n");
        assertThat(encode("http://[::1]:8080/", "GET", List.of(), true)).contains(
                "\r\nHost: [::1]:8080\r\n");
    }

    @Test
    void planHeadersReplaceDefaultsAndKeepAliveOffWinsOverAConnectionHeader() {
        String head = encode("http://h/", "GET", List.of(new Header("user-agent", "Mine"),
                new Header("Connection", "keep-alive"), new Header("X-A", "b")), false);
        assertThat(head).isEqualTo("GET / HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n"
                + "Connection: close\r\nuser-agent: Mine\r\nX-A: b\r\n\r\n");
    }

    /**
     * As curl reads -H 'Name:': a header given with no value is not sent and takes the default
     * of its name away; an empty Host leaves the default Host (it sent "Host: " before).
     */
    @Test
    void aHeaderGivenEmptyIsNotSentAndTakesItsDefaultAwayButNotTheHost() {
        String head = encode("http://h:81/", "GET", List.of(Header.parse("Host:"),
                Header.parse("User-Agent:"), Header.parse("X-A:"), new Header("X-B", "1")), true);
        assertThat(head).isEqualTo("GET / HTTP/1.1\r\nHost: h:81\r\nAccept: */*\r\n"
                + "X-B: 1\r\n\r\n");
        assertThat(encode("http://h/", "GET", List.of(Header.parse("accept :  ")), false))
                .isEqualTo("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: UA/1\r\n"
                        + "Connection: close\r\n\r\n");
    }

    /**
     * As curl reads -H 'Name;': the header is sent with an empty value ("Name:", as curl sends
     * it), in place of the default of its name; spaces around the name are dropped.
     */
    @Test
    void aHeaderGivenWithASemicolonIsSentEmpty() {
        assertThat(encode("http://h/", "GET", List.of(Header.parse("X-A;"),
                Header.parse(" Accept ; ")), true))
                .isEqualTo("GET / HTTP/1.1\r\nHost: h\r\nUser-Agent: UA/1\r\nX-A:\r\n"
                        + "Accept:\r\n\r\n");
    }
}
