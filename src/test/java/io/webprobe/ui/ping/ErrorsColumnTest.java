package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.ErrorKind;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The bug: at the window's least width (960 px) a refused URL's Errors cell read "66 C…"
 * ("66 Connection refused"). A cell too narrow shows the kinds that fit whole and counts the
 * rest, else each kind in a word, else the words alone.
 */
class ErrorsColumnTest {
    private static final List<String> KINDS = List.of("66 Connection refused", "2 Timeout");
    private static final List<String> WORDS = List.of("66 Refused", "2 Timeout");

    /** Fits a text of at most {@code letters} letters (a cell's room, measured in letters). */
    private static Predicate<String> upTo(int letters) {
        return s -> s.length() <= letters;
    }

    private static String fitting(int letters) {
        return ErrorsColumn.fitting(KINDS, WORDS, upTo(letters));
    }

    @Test
    void kindsThatFitAreShownWhole() {
        assertThat(fitting(40)).isEqualTo("66 Connection refused, 2 Timeout");
    }

    @Test
    void aCutKeepsWholeKindsThenWordsThenWordsAlone() {
        assertThat(fitting("66 Connection refused +1".length()))
                .isEqualTo("66 Connection refused +1");
        assertThat(fitting("66 Refused, 2 Timeout".length())).isEqualTo("66 Refused, 2 Timeout");
        assertThat(fitting("66 Refused +1".length())).isEqualTo("66 Refused +1");
        assertThat(fitting("Refused +1".length())).isEqualTo("Refused +1");
        assertThat(fitting("Refused".length())).isEqualTo("Refused");
        assertThat(fitting(3)).as("the first word, for the cell to cut").isEqualTo("Refused");
    }

    /**
     * The bug: a URL whose connections timed out read "Timeout" in a narrow cell, as one whose
     * answers did; its tooltip alone said "6 Connect timeout".
     */
    @Test
    void aConnectTimeoutInAWordIsNotAResponsesTimeout() {
        List<String> kinds = List.of("6 Connect timeout", "1 Timeout");
        List<String> words = List.of(
                "6 " + ErrorKind.CONNECT_TIMEOUT.word(), "1 " + ErrorKind.TIMEOUT.word());
        assertThat(ErrorsColumn.fitting(kinds, words, upTo(7))).isEqualTo("No conn");
        assertThat(ErrorsColumn.fitting(List.of("1 Timeout"), List.of("1 Timeout"), upTo(7)))
                .isEqualTo("Timeout");
    }

    @Test
    void oneKindGoesFromItsWordsToItsWordAlone() {
        List<String> one = List.of("66 Connection refused");
        List<String> word = List.of("66 Refused");
        assertThat(ErrorsColumn.fitting(one, word, upTo(21))).isEqualTo("66 Connection refused");
        assertThat(ErrorsColumn.fitting(one, word, upTo(12))).isEqualTo("66 Refused");
        assertThat(ErrorsColumn.fitting(one, word, upTo(8))).isEqualTo("Refused");
    }

    /**
     * Each kind's word is its own, so a narrow cell tells them apart: "No conn" and "No trust"
     * are not "Timeout", "Stopped" is not "Closed".
     */
    @Test
    void everyKindHasAWordOfItsOwn() {
        List<String> words = java.util.Arrays.stream(ErrorKind.values()).map(ErrorKind::word)
                .toList();
        assertThat(words).doesNotHaveDuplicates().doesNotContainNull()
                .noneMatch(String::isBlank);
        assertThat(ErrorKind.CONNECT_TIMEOUT.word()).isEqualTo("No conn");
        assertThat(ErrorKind.TLS_CERTIFICATE.word()).isEqualTo("No trust");
    }
}
