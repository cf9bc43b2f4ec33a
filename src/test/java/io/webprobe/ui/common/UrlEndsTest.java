package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlEndsTest {
    @Test
    void aUrlThatFitsIsWhole() {
        assertThat(UrlEnds.fitting("http://h/a/b.html", "…/a/b.html", s -> true))
                .isEqualTo("http://h/a/b.html");
    }

    @Test
    void aUrlTooWideKeepsTheWholeSegmentsAtItsEndThatFit() {
        String tail = "…/docs/guide/index.html";
        assertThat(UrlEnds.fitting("http://h/docs/guide/index.html", tail,
                s -> s.length() <= 18)).isEqualTo("…/guide/index.html");
        assertThat(UrlEnds.fitting("http://h/docs/guide/", "…/docs/guide/",
                s -> s.length() <= 9)).isEqualTo("…/guide/");
        assertThat(UrlEnds.fitting("http://h/docs/guide/index.html", tail, s -> false))
                .as("the last segment, for the cell to cut at its start")
                .isEqualTo("…/index.html");
    }

    @Test
    void urlsOnOneSiteHaveOneSite() {
        assertThat(SiteUrls.siteOf("HTTP://127.0.0.1:8080/a")).isEqualTo("http://127.0.0.1:8080");
        assertThat(SiteUrls.siteOf("http://127.0.0.1:80/b")).isEqualTo("http://127.0.0.1");
        assertThat(SiteUrls.siteOf("https://127.0.0.1/b")).isNotEqualTo("http://127.0.0.1");
        assertThat(SiteUrls.siteOf("not a url")).isNull();
        assertThat(SiteUrls.siteOf(null)).isNull();
    }
}
