package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How -H is read: "Name: value", "Name:" (take it away) and "Name;" (send it empty), as curl. */
class HeaderTest {
    @Test
    void aNameWithASemicolonIsSentEmptyAndANameWithAColonIsTakenAway() {
        Header empty = Header.parse(" X-A ;");
        assertThat(empty.name()).isEqualTo("X-A");
        assertThat(empty.value()).isEmpty();
        assertThat(empty.removes()).isFalse();
        assertThat(Header.parse("X-A:").removes()).isTrue();
        assertThat(Header.parse("X-A: ;").value()).isEqualTo(";");
        assertThat(Header.parse("X-A: a;").value()).isEqualTo("a;");

        List<Header> defaults = List.of(new Header("Host", "h"), new Header("Accept", "*/*"));
        assertThat(Header.sent(defaults, List.of(Header.parse("Accept;"))))
                .containsExactly(new Header("Host", "h"), Header.parse("Accept;"));
        assertThat(Header.sent(defaults, List.of(Header.parse("Accept:"))))
                .containsExactly(new Header("Host", "h"));
    }

    @Test
    void aSemicolonAfterSomethingElseIsNotAHeader() {
        for (String typed : new String[] {";", "X-A; b", "X A;"}) {
            assertThatThrownBy(() -> Header.parse(typed))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Header.parse("X-A"))
                .hasMessage("'X-A' is not a header; write it as 'Name: value'");
    }

    @Test
    void aPrintedHeaderNeverShowsASecretValue() {
        assertThat(Header.parse("Authorization: Bearer abc123")).hasToString(
                "Header[Authorization: (not shown)]");
        assertThat(List.of(Header.parse("X-Api-Key: k9"), Header.parse("X-Env: staging")))
                .hasToString("[Header[X-Api-Key: (not shown)], Header[X-Env: staging]]");
    }
}
