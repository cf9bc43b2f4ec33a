package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a result says about the protocol its responses came over. */
class PingResultTest {

    @ParameterizedTest(name = "{0} responses, {1} over HTTP/2, {2} over HTTP/1.0 -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | 0 | 0 | ''
            4 | 0 | 0 | HTTP/1.1
            4 | 4 | 0 | HTTP/2
            4 | 0 | 4 | HTTP/1.0
            4 | 1 | 0 | HTTP/1.1 and HTTP/2
            4 | 0 | 1 | HTTP/1.0 and HTTP/1.1
            4 | 1 | 3 | HTTP/1.0 and HTTP/2
            4 | 1 | 1 | HTTP/1.0 and HTTP/1.1 and HTTP/2
            """)
    void theProtocolNamesEachVersionThatAnswered(long responses, long http2, long http10,
            String expected) {
        TreeMap<Integer, Long> statuses = new TreeMap<>();
        if (responses > 0) {
            statuses.put(200, responses);
        }
        PingResult r = new PingResult("http://h/", responses, responses, 0, statuses, Map.of(),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, http2, http10, 0);
        assertThat(r.protocol()).isEqualTo(expected);
    }

    /**
     * The bug: the Ping tab's Codes read "200×20451" beside Sent's "20,451" (the command
     * line's table grouped them): one text, grouped, for both tables.
     */
    @org.junit.jupiter.api.Test
    void theCodesGroupTheirCountsAsTheOtherCountsDo() {
        TreeMap<Integer, Long> statuses = new TreeMap<>(Map.of(200, 45_738L, 503, 2L));
        PingResult r = new PingResult("http://h/", 45_740, 45_738, 2, statuses, Map.of(),
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        assertThat(r.statusCountsText()).isEqualTo("200×45,738 503×2");
    }
}
