package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a number box reads and shows its text (the window tests type into the real ones). */
class SpinnersTest {
    @Test
    void wholeNumbersAreReadAsTypedAndBroughtIntoTheRange() {
        assertThat(Spinners.parseWhole("12", 1, 64)).contains(12);
        assertThat(Spinners.parseWhole(" 12 ", 1, 64)).contains(12);
        assertThat(Spinners.parseWhole("1,000", 1, 10_000)).contains(1000);
        assertThat(Spinners.parseWhole("1 000", 1, 10_000)).contains(1000);
        assertThat(Spinners.parseWhole("+3", 1, 64)).contains(3);
        assertThat(Spinners.parseWhole("500", 1, 64)).contains(64);
        assertThat(Spinners.parseWhole("-5", 1, 64)).contains(1);
        assertThat(Spinners.parseWhole("99999999999999999999999", 1, 64)).contains(64);
    }

    @Test
    void textThatIsNotAWholeNumberIsNotRead() {
        for (String text : new String[] {"abc", "", "   ", "12x", "1.5", "1e3", "--1", null}) {
            assertThat(Spinners.parseWhole(text, 1, 64)).as(text).isEmpty();
        }
    }

    @Test
    void decimalsAreReadAsTypedAndBroughtIntoTheRange() {
        assertThat(Spinners.parseDecimal("2.5", 0.1, 600)).contains(2.5);
        assertThat(Spinners.parseDecimal("2,5", 0.1, 600)).contains(2.5);
        assertThat(Spinners.parseDecimal(".5", 0.1, 600)).contains(0.5);
        assertThat(Spinners.parseDecimal("20", 0.1, 600)).contains(20.0);
        assertThat(Spinners.parseDecimal("0", 0.1, 600)).contains(0.1);
        assertThat(Spinners.parseDecimal("9000", 0.1, 600)).contains(600.0);
        // the bug: "1,000" in Rate (req/s) was read as 1.0, the app writing 1,000.0 for a
        // thousand
        assertThat(Spinners.parseDecimal("1,000", 0.1, 5000)).contains(1000.0);
        assertThat(Spinners.parseDecimal("1,000.5", 0.1, 5000)).contains(1000.5);
        for (String text : new String[] {"abc", "", "NaN", "Infinity", "1e3", "1.2.3", "0x10",
            null}) {
            assertThat(Spinners.parseDecimal(text, 0.1, 600)).as(text).isEqualTo(Optional.empty());
        }
    }

    @Test
    void numbersAreShownPlainly() {
        assertThat(Spinners.formatWhole(10_000_000)).isEqualTo("10000000");
        assertThat(Spinners.formatDecimal(20.0)).isEqualTo("20");
        assertThat(Spinners.formatDecimal(0.5)).isEqualTo("0.5");
        assertThat(Spinners.formatDecimal(0.125)).as("not rounded to 0.12").isEqualTo("0.125");
        assertThat(Spinners.formatDecimal(1_000_000.0)).isEqualTo("1000000");
        assertThat(Spinners.formatDecimal(null)).isEmpty();
    }

    @Test
    void theRangeIsSaidInOneSentence() {
        assertThat(Spinners.rangeText(Spinners.formatWhole(1), Spinners.formatWhole(1000)))
                .isEqualTo("From 1 to 1000; a number beyond goes to the nearest end.");
        assertThat(Spinners.rangeText(Spinners.formatDecimal(0.1), Spinners.formatDecimal(600.0)))
                .isEqualTo("From 0.1 to 600; a number beyond goes to the nearest end.");
    }
}
