package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import io.webprobe.ping.PingResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The words the Ping table shows for failed requests (the CSV keeps the error classes). */
class PingFailuresTextTest {
    private static PingResult result(long failed, Map<Integer, Long> codes,
            Map<ErrorKind, Long> errors) {
        long answered = codes.values().stream().mapToLong(Long::longValue).sum();
        long sent = answered + errors.values().stream().mapToLong(Long::longValue).sum();
        return new PingResult("http://127.0.0.1/", sent, sent - failed, failed,
                new TreeMap<>(codes), errors, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
                0);
    }

    @Test
    void errorsAreNamedInWordsAndTheirCountsGrouped() {
        Map<ErrorKind, Long> errors = new LinkedHashMap<>();
        errors.put(ErrorKind.REFUSED, 1_200L);
        errors.put(ErrorKind.TLS, 3L);
        PingResult r = result(1_203, Map.of(), errors);

        // one wording for the window's Errors cells and the command line's errors column
        assertThat(r.errorsText(ErrorKind::label))
                .isEqualTo("1,200 Connection refused, 3 TLS handshake failed");
        assertThat(io.webprobe.export.PingCsv.errorCounts(r)).isEqualTo("REFUSED:1200 TLS:3");
        assertThat(PingStatusText.failures(r, ErrorKind::label))
                .isEqualTo("1,200 Connection refused, 3 TLS handshake failed");
    }

    @Test
    void theMostFrequentErrorComesFirst() {
        Map<ErrorKind, Long> errors = new LinkedHashMap<>();
        errors.put(ErrorKind.TIMEOUT, 2L);
        errors.put(ErrorKind.REFUSED, 10L);
        PingResult r = result(12, Map.of(), errors);

        assertThat(r.errorsText(ErrorKind::label)).isEqualTo("10 Connection refused, 2 Timeout");
        assertThat(result(0, Map.of(200, 8L), Map.of()).errorsText(ErrorKind::label)).isEmpty();
    }

    @Test
    void failuresNameOnlyWhatFailedAndNothingWhenNoneFailed() {
        // only what failed: the answers that counted as OK are not failures
        assertThat(PingStatusText.failures(result(2, Map.of(200, 8L, 503, 2L), Map.of()),
                ErrorKind::label)).isEqualTo("2 HTTP 503");
        assertThat(PingStatusText.failures(result(3, Map.of(200, 8L),
                Map.of(ErrorKind.TIMEOUT, 3L)), ErrorKind::label)).isEqualTo("3 Timeout");
        assertThat(PingStatusText.failures(result(0, Map.of(200, 8L), Map.of()),
                ErrorKind::label)).isEmpty();
    }
}
