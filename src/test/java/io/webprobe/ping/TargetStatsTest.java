package io.webprobe.ping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.http.ErrorKind;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The p99 a latency limit is held against: requests with no answer count as slower than any. */
class TargetStatsTest {

    @ParameterizedTest(name = "{0} answers (1, 2, 3... µs) and {1} without -> p99 {2} ms, all {3}")
    @CsvSource(delimiter = '|', textBlock = """
              50 |  0 | 0.050 | 0.050
              49 |  1 | 0.049 | Infinity
              99 |  1 | 0.099 | 0.099
             995 |  5 | 0.986 | 0.990
             990 | 10 | 0.981 | 0.990
             989 | 11 | 0.980 | Infinity
               0 |  3 | 0     | Infinity
            """)
    void unansweredRequestsCountAsSlowerThanAnyAnswer(int answers, int unanswered,
            double p99, double p99All) {
        TargetStats t = new TargetStats(URI.create("http://h/"), "http://h/", false);
        for (int i = 1; i <= answers; i++) {
            t.record(200, null, true, i, i, 0, 0, false);
        }
        for (int i = 0; i < unanswered; i++) {
            t.record(0, ErrorKind.TIMEOUT, false, 0, 0, 0, 0, false);
        }

        PingResult r = t.result(1, 1);

        assertEquals(p99, r.p99Millis());
        assertEquals(p99All, r.p99AllMillis());
        assertEquals(unanswered, r.unanswered());
    }
}
