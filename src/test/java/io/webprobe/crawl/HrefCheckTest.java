package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which check found an href broken, and the checks as a crawl file keeps them. */
class HrefCheckTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            mailto:info.example.com          | MAILTO
            '  MAILTO:sales@@example.com'    | MAILTO
            file:///C:/Users/me/page.html    | FILE
            FILE:page.html                   | FILE
            tel:+15550100                    | -
            javascript:void(0)               | -
            http://                          | -
            http://exa mple.com/             | -
            /contact.html                    | -
            """)
    void anHrefIsOfTheCheckOfItsSchemeReadAsTheCrawlReadsIt(String href, HrefCheck check) {
        assertThat(HrefCheck.of(href)).isEqualTo(check);
    }

    @Test
    void theChecksAreKeptAsTheirSchemesAndAnUnknownOneIsLeftOut() {
        assertThat(HrefCheck.encode(HrefCheck.all())).isEqualTo("file,mailto");
        assertThat(HrefCheck.decode("file,mailto")).isEqualTo(HrefCheck.all());
        assertThat(HrefCheck.decode("mailto,tel")).containsExactly(HrefCheck.MAILTO);
        assertThat(HrefCheck.decode(null)).as("a file from before").isEmpty();
        assertThat(HrefCheck.decode("")).isEqualTo(EnumSet.noneOf(HrefCheck.class));
    }

    @Test
    void eachCheckFindsWhatTheCrawlReports() {
        assertThat(LinkCollector.otherScheme("mailto", "mailto:info.example.com", "a"))
                .isEqualTo("Malformed email address: no @ in info.example.com");
        assertThat(LinkCollector.otherScheme("mailto", "mailto:jane@example.com", "a")).isNull();
        assertThat(LinkCollector.otherScheme("file", "file:///x", "a"))
                .isEqualTo("A file: link: browsers do not open it from a web page");
        assertThat(LinkCollector.otherScheme("file", "file:///x.png", "img"))
                .isEqualTo("A file: URL: browsers do not load it from a web page");
        assertThat(LinkCollector.otherScheme("file", "file:///next.html", "link"))
                .as("<link rel=next>").isEqualTo(HrefCheck.FILE_LINK);
        assertThat(LinkCollector.otherScheme("file", "file:///x.js", "modulepreload"))
                .as("<link rel=modulepreload>, checked as its rel")
                .isEqualTo(HrefCheck.FILE_RESOURCE);
        assertThat(LinkCollector.otherScheme("file", "file:///x.html", "canonical"))
                .startsWith("A file: canonical URL: search engines ignore it");
        assertThat(LinkCollector.otherScheme("tel", "tel:1", "a")).isNull();
    }
}
