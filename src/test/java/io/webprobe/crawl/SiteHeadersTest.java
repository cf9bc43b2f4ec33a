package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What of a crawl's request headers its file keeps (ADR 0031), and how a resume adds those
 * given again to those read back.
 */
class SiteHeadersTest {
    private static final SiteHeaders SENT = SiteHeaders.parse(List.of("X-Env: staging",
            "Authorization: Bearer t-1", "X-Session-Id: s-2", "X-Api-Key:", "Cookie;"));

    @Test
    void aHeaderThatMayHoldAPasswordIsKeptByItsNameOnlyOneWithNoValueWhole() {
        assertThat(SENT.kept()).extracting(Header::line)
                .containsExactly("X-Env: staging", "X-Api-Key:", "Cookie;");
        assertThat(SENT.notKept()).containsExactly("Authorization", "X-Session-Id");
        assertThat(SENT.withheld()).as("given, not read: nothing lacks").isEmpty();
        assertThat(SENT.withheldClause()).isEmpty();
        assertThat(SENT.secretGiven()).isTrue();
    }

    @Test
    void readBackItSendsWhatWasKeptAndNamesWhatItLacksUntilGivenAgain() {
        SiteHeaders read = SiteHeaders.stored(SENT.kept(), SENT.notKept());
        assertThat(read.headers()).isEqualTo(SENT.kept());
        assertThat(read.withheld()).containsExactly("Authorization", "X-Session-Id");
        assertThat(read.notKept()).as("still not kept when written again")
                .containsExactly("Authorization", "X-Session-Id");
        assertThat(read.withheldClause()).isEqualTo(
                "its Authorization and X-Session-Id headers, which are not kept on disk");
        assertThat(read.toString()).doesNotContain("staging");
        assertThat(read.secretGiven()).as("read back: no sign-in given").isFalse();

        SiteHeaders given = read.plus(SiteHeaders.parse(List.of("authorization: Bearer t-3",
                "X-Env: prod")));
        assertThat(given.headers()).extracting(Header::line).containsExactly("X-Api-Key:",
                "Cookie;", "authorization: Bearer t-3", "X-Env: prod");
        assertThat(given.withheld()).containsExactly("X-Session-Id");
        assertThat(given.withheldClause())
                .isEqualTo("its X-Session-Id header, which is not kept on disk");
        assertThat(given.notKept()).containsExactly("authorization", "X-Session-Id");
        assertThat(given.plus(SiteHeaders.parse(List.of("X-Session-Id: s-4"))).withheld())
                .isEmpty();
    }

    @Test
    void aNameKeptTwiceOrAlsoKeptWholeIsNamedOnce() {
        SiteHeaders read = SiteHeaders.stored(List.of(new Header("Cookie", "")),
                List.of("Cookie", "X-Token", "x-token"));
        assertThat(read.withheld()).containsExactly("X-Token");
    }
}
