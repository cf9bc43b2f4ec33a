package io.webprobe.ui.crawl.broken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The links tables' Type column showed the tag the crawl stores ("a", "img", "css-url"); it
 * says the kind of link as Screaming Frog's SEO Spider does, a nofollow one said so where no
 * Nofollow column is beside it. A type without words of its own shows as stored.
 */
class LinkTypeTextTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            a                | Hyperlink    | Hyperlink
            a nofollow       | Hyperlink    | Hyperlink (nofollow)
            area nofollow    | Hyperlink    | Hyperlink (nofollow)
            img              | Image        | Image
            srcset           | Image        | Image
            css              | CSS          | CSS
            css-url          | Used by CSS  | Used by CSS
            script           | JavaScript   | JavaScript
            canonical        | Canonical    | Canonical
            canonical-header | HTTP Canonical | HTTP Canonical
            redirect         | HTTP Redirect  | HTTP Redirect
            meta-refresh     | Meta Refresh | Meta Refresh
            refresh-header   | HTTP Refresh | HTTP Refresh
            iframe           | Iframe       | Iframe
            sitemap          | Sitemap      | Sitemap
            list             | URL list     | URL list
            something-new    | something-new | something-new
            """)
    void aTypeIsSaidInWords(String stored, String word, String withNofollow) {
        assertThat(LinkTypeText.word(stored)).isEqualTo(word);
        assertThat(LinkTypeText.withNofollow(stored)).isEqualTo(withNofollow);
    }

    /** The Broken links search finds a link by its type as the table shows it. */
    @org.junit.jupiter.api.Test
    void theBrokenLinksSearchFindsTheTypeShown() {
        var image = new io.webprobe.crawl.BrokenLink("http://127.0.0.1/", "http://127.0.0.1/x",
                404, null, "", "", "img", "http://127.0.0.1/x", "");
        assertThat(BrokenLinkText.matching("image").test(image)).isTrue();
        assertThat(BrokenLinkText.matching("hyperlink").test(image)).isFalse();
    }
}
