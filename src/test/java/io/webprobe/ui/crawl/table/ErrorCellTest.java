package io.webprobe.ui.crawl.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.http.ErrorKind;
import io.webprobe.store.UrlQuery;
import org.junit.jupiter.api.Test;

/**
 * The bug: the URL table's Error column (in the column chooser) read "REFUSED: Connection
 * refused", the crawl CSV's code for the error, in a window whose other texts never show one.
 * The table says it in words; the CSV, a copied row and an export of the columns shown keep
 * the code, as the crawl's CSV writes it.
 */
class ErrorCellTest {
    private static UrlQuery.Row failed(ErrorKind kind, String message) {
        return new UrlQuery.Row(1, 1, CrawlResult.builder("http://127.0.0.1:1/")
                .error(kind, message).build(), "");
    }

    @Test
    void theErrorColumnSaysTheErrorInWordsAndTheCsvKeepsItsCode() {
        UrlColumn error = UrlColumns.byKey("error").orElseThrow();
        UrlQuery.Row refused = failed(ErrorKind.REFUSED, "Connection refused");
        UrlQuery.Row dns = failed(ErrorKind.DNS, "Host name could not be resolved.");

        assertThat(error.cell(refused)).isEqualTo("Connection refused");
        assertThat(error.cell(dns))
                .isEqualTo("DNS lookup failed: host name could not be resolved");
        assertThat(error.csv(refused)).isEqualTo("REFUSED: Connection refused");
        assertThat(error.cell(new UrlQuery.Row(2, 2,
                CrawlResult.builder("http://127.0.0.1:1/a").status(200).build(), "")))
                .isEqualTo("");
    }
}
