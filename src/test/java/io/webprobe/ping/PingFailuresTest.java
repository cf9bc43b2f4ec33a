package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.StatusSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PingFailuresTest {
    private static PingResult result(String url, Map<Integer, Long> codes,
            Map<ErrorKind, Long> errors) {
        return new PingResult(url, 0, 0, 0, new TreeMap<>(codes), errors, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void theKindsOfEveryUrlAddUpMostFrequentFirst() {
        List<PingResult> results = List.of(
                result("http://127.0.0.1/a", Map.of(200, 5L, 503, 2L),
                        Map.of(ErrorKind.TIMEOUT, 1L)),
                result("http://127.0.0.1/b", Map.of(), Map.of(ErrorKind.REFUSED, 1_500L)),
                result("http://127.0.0.1/c", Map.of(503, 1L, 404, 1L), Map.of()));

        // the count first, as the table's Errors cells say it
        assertThat(PingFailures.text(results, StatusSet.DEFAULT, 3, ErrorKind::label))
                .isEqualTo("1,500 Connection refused, 3 HTTP 503, 1 Timeout, …");
        assertThat(PingFailures.text(results, StatusSet.DEFAULT, 4, ErrorKind::label))
                .isEqualTo("1,500 Connection refused, 3 HTTP 503, 1 Timeout, 1 HTTP 404");
        // a status the run counts as OK is no failure
        assertThat(PingFailures.text(results, StatusSet.parse("200-599"), 4, ErrorKind::label))
                .isEqualTo("1,500 Connection refused, 1 Timeout");
        assertThat(PingFailures.text(List.of(result("http://127.0.0.1/",
                Map.of(200, 3L), Map.of())), StatusSet.DEFAULT, 3, ErrorKind::label)).isEmpty();
        // in the words given (a run's own: an expired certificate said so), kinds said
        // alike counted as one
        assertThat(PingFailures.text(results, StatusSet.DEFAULT, 1, k -> "failed"))
                .isEqualTo("1,501 failed, …");
    }

    /** The Errors cells' narrow forms: a kind's words without its count, each kind in a word. */
    @Test
    void aKindsWordsWithoutTheirCountAndInAWord() {
        assertThat(PingFailures.uncounted(PingFailures.counted(1_500, "Connection refused")))
                .isEqualTo("Connection refused");
        PingResult r = result("http://127.0.0.1/b", Map.of(),
                Map.of(ErrorKind.REFUSED, 66L, ErrorKind.TIMEOUT, 2L));
        assertThat(r.errorsMostFirst(ErrorKind::word)).containsExactly("66 Refused", "2 Timeout");
        for (ErrorKind k : ErrorKind.values()) {
            assertThat(k.word().length()).as("%s", k).isLessThanOrEqualTo(k.label().length())
                    .isLessThanOrEqualTo(10);
        }
    }

    /**
     * The bug: a connect timeout and a response's timeout were both "Timeout" in a word, so a
     * narrow Errors cell could not tell a server that never took the connection from one that
     * took it and did not answer. Each kind has a word of its own.
     */
    @Test
    void eachKindHasAWordOfItsOwn() {
        PingResult r = result("http://127.0.0.1/c", Map.of(),
                Map.of(ErrorKind.CONNECT_TIMEOUT, 5L, ErrorKind.TIMEOUT, 1L));
        assertThat(r.errorsMostFirst(ErrorKind::word)).containsExactly("5 No conn", "1 Timeout");
        assertThat(r.errorsText(ErrorKind::label)).isEqualTo("5 Connect timeout, 1 Timeout");
        assertThat(java.util.Arrays.stream(ErrorKind.values()).map(ErrorKind::word))
                .doesNotHaveDuplicates();
    }
}
