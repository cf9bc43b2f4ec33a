package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MimeSniffingTest {
    private static FetchResponse ok(String contentType, String body, Header... headers) {
        return new FetchResponse(URI.create("http://h/"), 200, contentType, null, body.length(),
                ResponseBody.of(body.getBytes(StandardCharsets.UTF_8)), false, 1, null, "", "",
                List.of(headers));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<!DOCTYPE html><html><title>x</title>",
        "<!doctype HTML>",
        "  \n\t\r\f<html lang=en>",
        "<HTML>",
        "<head>",
        "<body class=x>",
        "<title>x</title>",
        "<a href=/x>x</a>",
        "<p>words</p>",
        "<div id=a>",
        "<!-- comment -->",
        "<script>x()</script>",
        "<iframe src=x>",
        "<h1>Head</h1>",
        "<b>bold</b>",
        "<br>",
        "<table>",
        "<style>p{}</style>",
        "<font size=2>",
    })
    void anHtmlSignatureAfterWhiteSpaceIsHtml(String body) {
        assertThat(MimeSniffing.looksLikeHtml(body.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(MimeSniffing.mediaType(ok("", body))).isEqualTo("text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain text",
        "<htmlx>",
        "<abbr>",
        "<html",
        "<!DOCTYPE svg>",
        "<?xml version=\"1.0\"?><html>",
        "{\"json\": 1}",
        "x <html>",
        "\u00a0<html>",
        "\uFEFF<html>",
    })
    void anythingElseIsNot(String body) {
        assertThat(MimeSniffing.looksLikeHtml(body.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(MimeSniffing.mediaType(ok("", body))).isEmpty();
    }

    @Test
    void onlyAMissingOrUnknownTypeIsSniffed() {
        String page = "<html><title>x</title></html>";
        assertThat(MimeSniffing.mediaType(ok("text/plain", page))).isEqualTo("text/plain");
        assertThat(MimeSniffing.mediaType(ok("application/json", page)))
                .isEqualTo("application/json");
        assertThat(MimeSniffing.mediaType(ok("Text/HTML; charset=utf-8", page)))
                .isEqualTo("text/html");
        for (String unknown : new String[] {"", "unknown/unknown", "application/unknown", "*/*",
            "garbage", "text/", "/html", "  ; charset=utf-8"}) {
            assertThat(MimeSniffing.isUnknown(unknown)).as(unknown).isTrue();
            assertThat(MimeSniffing.mediaType(ok(unknown, page))).as(unknown)
                    .isEqualTo("text/html");
        }
        assertThat(MimeSniffing.isUnknown("text/plain")).isFalse();
    }

    @Test
    void nosniffForbidsIt() {
        assertThat(MimeSniffing.mediaType(ok("", "<html>",
                new Header("x-content-type-options", "nosniff")))).isEmpty();
    }

    @Test
    void onlyTheResourceHeaderIsLookedAt() {
        String late = " ".repeat(MimeSniffing.RESOURCE_HEADER) + "<html>";
        assertThat(MimeSniffing.looksLikeHtml(late.getBytes(StandardCharsets.US_ASCII)))
                .isFalse();
        String justIn = " ".repeat(MimeSniffing.RESOURCE_HEADER - 6) + "<html>";
        assertThat(MimeSniffing.looksLikeHtml(justIn.getBytes(StandardCharsets.US_ASCII)))
                .isTrue();
    }

    @Test
    void aBodyNotKeptIsNotSniffed() {
        FetchResponse head = new FetchResponse(URI.create("http://h/"), 200, "", null, 10, null,
                false, 1, null, "", "");
        assertThat(MimeSniffing.mediaType(head)).isEmpty();
    }
}
