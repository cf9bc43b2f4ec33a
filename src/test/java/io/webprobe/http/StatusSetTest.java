package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusSetTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', textBlock = """
            # spec              ; codes inside                    ; codes outside
            200-399             ; 200 201 204 301 304 399         ; 100 199 400 404 500 599
            200-299,304         ; 200 250 299 304                 ; 199 300 301 303 305 404
            ' 200 - 299 , 304 ' ; 200 299 304                     ; 300 305
            200                 ; 200                             ; 199 201
            100-599             ; 100 200 404 599                 ; 99 600
            '500-599,,404'      ; 404 500 503 599                 ; 200 403 405
            200..=204           ; 200 204                         ; 199 205
            '200..=204,403,429' ; 200 202 204 403 429             ; 205 401 404 428 430
            200..300            ; 200 299                         ; 199 300
            ' 400 ..= 404 '     ; 400 404                         ; 399 405
                        """)
    void containsExactlyTheListedCodes(String spec, String inside, String outside) {
        StatusSet set = StatusSet.parse(spec);

        assertThat(codes(inside)).allSatisfy(c -> assertThat(set.contains(c)).as("%d", c).isTrue());
        assertThat(codes(outside)).allSatisfy(c -> assertThat(set.contains(c)).as("%d", c).isFalse());
        assertEquals(spec.strip(), set.toString());
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @CsvSource(delimiter = ';', nullValues = "<null>", textBlock = """
            # spec          ; message
            abc             ; 'abc' is not a status code or range such as 200-299
            600             ; '600' is not a status code or range such as 200-299
            99              ; '99' is not a status code or range such as 200-299
            300-200         ; '300-200' is not a status code or range such as 200-299
            200-            ; '200-' is not a status code or range such as 200-299
            -200            ; '-200' is not a status code or range such as 200-299
            '200-299,x'     ; 'x' is not a status code or range such as 200-299
            '200-299,600'   ; '600' is not a status code or range such as 200-299
            200..200        ; '200..200' is not a status code or range such as 200-299
            200..=600       ; '200..=600' is not a status code or range such as 200-299
            200...300       ; '200...300' is not a status code or range such as 200-299
            ..=300          ; '..=300' is not a status code or range such as 200-299
            +403            ; '+403' is not a status code or range such as 200-299
            ''              ; no status code is given
            '  '            ; no status code is given
            ' , ,'          ; no status code is given
            """)
    void malformedSpecIsRejectedWithAPlainMessage(String spec, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusSet.parse(spec == null ? "" : spec));

        assertEquals(message, e.getMessage());
        assertThat(e.getMessage()).doesNotContain("Exception", "For input string");
    }

    @Test
    void defaultCountsResponsesAndRedirectsAsOk() {
        StatusSet d = StatusSet.DEFAULT;

        assertEquals(List.of(), IntStream.rangeClosed(100, 599)
                .filter(c -> d.contains(c) != (c >= 200 && c <= 399)).boxed().toList());
        assertEquals("200-399", d.toString());
    }

    @Test
    void aSettingsValueIsNamedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusSet.parse("--accept", "200-299,abc"));

        assertEquals("--accept: 'abc' is not a status code or range such as 200-299.",
                e.getMessage());
        assertEquals("403,429", StatusSet.parse("--accept", " 403,429 ").toString());
        assertThat(StatusSet.NONE.isEmpty()).isTrue();
        assertThat(IntStream.rangeClosed(100, 599).noneMatch(StatusSet.NONE::contains)).isTrue();
    }

    @Test
    void equalSpecsAreEqualSets() {
        assertEquals(StatusSet.parse("200-299,304"), StatusSet.parse(" 200-299,304 "));
        assertEquals(StatusSet.parse("200-399").hashCode(), StatusSet.DEFAULT.hashCode());
        assertNotEquals(StatusSet.parse("200-299"), StatusSet.DEFAULT);
    }

    private static List<Integer> codes(String cell) {
        return Arrays.stream(cell.strip().split("\\s+")).map(Integer::valueOf).toList();
    }
}
