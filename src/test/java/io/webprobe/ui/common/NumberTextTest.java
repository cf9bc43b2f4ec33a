package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one rule the number settings of the Crawl and Ping tabs read typed text by. */
class NumberTextTest {
    @Test
    void digitsGroupedAsTheAppWritesThemAreRead() {
        for (String text : new String[] {"10000", "10,000", " 10,000 ", "10 000", "10\u00a0000",
            "10\u202f000", "10_000", "10'000", "10\u2019000"}) {
            assertThat(NumberText.whole(text, Locale.US)).as(text)
                    .contains(BigInteger.valueOf(10_000));
        }
        assertThat(NumberText.whole("2,147,483,647", Locale.US))
                .contains(BigInteger.valueOf(Integer.MAX_VALUE));
        assertThat(NumberText.whole("-1,000", Locale.US)).contains(BigInteger.valueOf(-1000));
        assertThat(NumberText.decimal("1,000.5", Locale.US)).contains(new BigDecimal("1000.5"));
        assertThat(NumberText.decimal("100,000", Locale.US)).contains(new BigDecimal("100000"));
        assertThat(NumberText.decimal("0.5", Locale.US)).contains(new BigDecimal("0.5"));
    }

    @Test
    void theLocalesOwnGroupingIsReadToo() {
        assertThat(NumberText.whole("10.000", Locale.GERMANY))
                .contains(BigInteger.valueOf(10_000));
        assertThat(NumberText.whole("10\u202f000", Locale.FRANCE))
                .contains(BigInteger.valueOf(10_000));
        assertThat(NumberText.whole("10\u2019000", Locale.forLanguageTag("de-CH")))
                .contains(BigInteger.valueOf(10_000));
        // a point is a point in a decimal, and groups nothing where the locale does not
        assertThat(NumberText.decimal("10.000", Locale.GERMANY)).contains(new BigDecimal("10.000"));
        assertThat(NumberText.whole("10.000", Locale.US)).isEmpty();
    }

    @Test
    void commasThatDoNotGroupInThreesAndOtherTextAreNotRead() {
        for (String text : new String[] {"1,5", "10,00", "1,0000", ",000", "1,,000", "1.000,5",
            "", " ", "abc", "1e3", "NaN", "Infinity", "0x10", "1.2.3", "--1", null}) {
            assertThat(NumberText.whole(text, Locale.US)).as(text).isEmpty();
            assertThat(NumberText.decimal(text, Locale.US)).as(text).isEmpty();
        }
        assertThat(NumberText.whole("1.5", Locale.US)).isEmpty();
        assertThat(NumberText.whole("1.5", Locale.GERMANY)).isEmpty();
    }
}
