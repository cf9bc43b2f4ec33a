package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The bug: beside Fixed rate's Not sent and HTTP/2's Protocol at 1,200 px the Codes cell of a
 * URL answering four codes read "200×25...", three codes gone without a sign. A cell too
 * narrow shows the codes that fit whole and how many more there are.
 */
class CodesColumnTest {
    private static final String FOUR = "200×25 404×8 500×8 503×9";

    /** Fits a text of at most {@code letters} letters (a cell's room, measured in letters). */
    private static Predicate<String> upTo(int letters) {
        return s -> s.length() <= letters;
    }

    @Test
    void codesThatFitAreShownWhole() {
        assertThat(CodesColumn.fitting(FOUR, upTo(FOUR.length()))).isEqualTo(FOUR);
        assertThat(CodesColumn.fitting("200×10", upTo(2))).as("a single code, cut by the cell")
                .isEqualTo("200×10");
    }

    @Test
    void aCutKeepsWholeCodesAndCountsTheRest() {
        assertThat(CodesColumn.fitting(FOUR, upTo(FOUR.length() - 1)))
                .isEqualTo("200×25 404×8 500×8 +1");
        assertThat(CodesColumn.fitting(FOUR, upTo("200×25 404×8 +2".length())))
                .isEqualTo("200×25 404×8 +2");
        assertThat(CodesColumn.fitting(FOUR, upTo("200×25 +3".length())))
                .isEqualTo("200×25 +3");
        // too narrow for that: the first code whole, and an ellipsis for the rest (the cell's
        // own cut read "200×…")
        assertThat(CodesColumn.fitting(FOUR, upTo("200×25…".length())))
                .isEqualTo("200×25…");
        // too narrow even for that: the first code and the count, for the cell to cut
        assertThat(CodesColumn.fitting(FOUR, upTo(5))).isEqualTo("200×25 +3");
    }

    /**
     * The bug: at the window's least width (960 px) a run of thousands of requests read
     * "200×…" in every Codes cell, the cell's own cut taking the count and leaving nothing
     * said. Too narrow for a code and its count, the codes are shown without their counts
     * (hovering gives them).
     */
    @Test
    void tooNarrowForACountTheCodesAreShownBare() {
        assertThat(CodesColumn.fitting("200×1,728", upTo(8))).isEqualTo("200");
        assertThat(CodesColumn.fitting("200×1,473 404×5", upTo(9))).isEqualTo("200 404");
        assertThat(CodesColumn.fitting("200×1,473 404×5 500×1 503×2", upTo(9)))
                .isEqualTo("200 +3");
        assertThat(CodesColumn.fitting("200×1,473 404×5 500×1 503×2", upTo(11)))
                .isEqualTo("200×1,473…");
    }
}
