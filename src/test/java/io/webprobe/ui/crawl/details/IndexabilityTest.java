package io.webprobe.ui.crawl.details;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.PageInfo;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bug: the Page tab said "Indexable: No" for a canonicalised page without saying why. It
 * says why now, by the crawl's own rule: "Yes" exactly when {@link CrawlResult#indexable()}.
 */
class IndexabilityTest {
    private static final String URL = "http://127.0.0.1/a.html";

    private static CrawlResult page(UnaryOperator<CrawlResult.Builder> change) {
        return change.apply(CrawlResult.builder(URL).status(200).contentType("text/html")
                .page(new PageInfo("", "", "", 10, "", ""))).build();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("an indexable page", page(b -> b), "Yes"),
                Arguments.of("its own canonical", page(b -> b.page(
                        new PageInfo(URL, "", "", 10, "", ""))), "Yes"),
                Arguments.of("canonicalised", page(b -> b.page(new PageInfo(
                        "http://127.0.0.1/b.html", "", "", 10, "", ""))),
                        "No: its canonical is another URL (http://127.0.0.1/b.html)"),
                Arguments.of("noindex", page(b -> b.page(new PageInfo("", "", "", 10,
                        "noindex, follow", ""))), "No: noindex (noindex, follow)"),
                Arguments.of("404", page(b -> b.status(404)), "No: its status is 404, not 200"),
                Arguments.of("redirect", page(b -> b.status(301).redirectTo(
                        "http://127.0.0.1/b.html")), "No: its status is 301, not 200"),
                Arguments.of("external", page(b -> b.external(true)), "No: an external URL"),
                Arguments.of("image", page(b -> b.contentType("image/png")),
                        "No: not an HTML page"),
                Arguments.of("no answer", page(b -> b.status(0)), "No: no answer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void saysWhyAsTheCrawlsRuleDoes(String what, CrawlResult r, String said) {
        assertThat(Indexability.of(r)).isEqualTo(said);
        assertThat(said.equals("Yes")).as("the crawl's rule").isEqualTo(r.indexable());
    }
}
