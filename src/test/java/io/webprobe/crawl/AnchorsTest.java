package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ResponseBody;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A page's anchors and its links' fragments as the parser gathers them, whole or streamed,
 * decoded as a browser decodes a fragment, and bounded whatever the page.
 */
class AnchorsTest {
    private static final String PAGE = "http://127.0.0.1:8/dir/page.html";

    @Test
    void aFragmentDecodesAsABrowserDecodesIt() {
        assertThat(Anchors.decode("caf%C3%A9")).isEqualTo("café");
        assertThat(Anchors.decode("100%25")).isEqualTo("100%");
        assertThat(Anchors.decode("%zz")).isEqualTo("%zz"); // no escape: kept as it is
        assertThat(Anchors.decode("a%2")).isEqualTo("a%2");
        assertThat(Anchors.decode("%E2%82")).isEqualTo("\uFFFD"); // not UTF-8
        assertThat(Anchors.alwaysFound("")).isTrue();
        assertThat(Anchors.alwaysFound("TOP")).isTrue();
        assertThat(Anchors.alwaysFound("%74op")).isTrue();
        assertThat(Anchors.alwaysFound("topic")).isFalse();
    }

    @Test
    void aPageDefiningTooManyNamesKeepsNoneAndSaysSo() {
        Anchors a = new Anchors();
        for (int i = 0; i <= Anchors.MAX_NAMES; i++) {
            a.name("n" + i);
        }
        assertThat(a.cut()).isTrue();
        assertThat(a.names()).isEmpty();
        a.name("later"); // nothing kept after the cut either
        assertThat(a.names()).isEmpty();

        Anchors b = new Anchors();
        b.name("x".repeat(Anchors.MAX_LENGTH + 1)); // too long to keep, not a cut
        b.name("ok");
        b.name("ok");
        assertThat(b.cut()).isFalse();
        assertThat(b.names()).containsExactly("ok");
    }

    @Test
    void aStreamedPageGathersWhatAWholeOneDoes() {
        String body = "<html><head><title>T</title></head><body>"
                + "<h2 id=\"first\">F</h2><a name=\"legacy\">L</a>"
                + "<a href=\"#first\">self</a><a href=\"other.html#x\">other</a>"
                + "<a href=\"other.html#x\">again</a><a href=\"#top\">top</a>"
                + "<img src=\"logo.svg#icon\"><p id=\"\">no name</p>";
        String filler = "<p>filler text for a page too large to parse whole</p>\n"
                .repeat(ResponseBody.IN_MEMORY / 40);
        String end = "<div id=\"last\"></div><a href=\"/dir/page.html#last\">last</a>"
                + "</body></html>";
        byte[] small = (body + end).getBytes(StandardCharsets.UTF_8);
        byte[] large = (body + filler + end).getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).isGreaterThan(LinkExtractor.STREAM_ABOVE);
        LinkExtractor extractor = new LinkExtractor();

        for (byte[] html : new byte[][] {small, large}) {
            Anchors a = extractor.extract(ResponseBody.of(html), StandardCharsets.UTF_8, PAGE,
                    true).anchors();

            assertThat(a.names()).containsExactly("first", "legacy", "last");
            assertThat(a.fragments()).extracting(r -> r.key().replace("http://127.0.0.1:8", "")
                    + "#" + r.fragment() + " " + r.anchorText()).containsExactly(
                            "/dir/page.html#first self", "/dir/other.html#x other",
                            "/dir/page.html#last last");
        }
        assertThat(extractor.extract(ResponseBody.of(small), StandardCharsets.UTF_8, PAGE)
                .anchors()).isNull(); // not asked: nothing gathered
    }
}
