package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHeadersTest {
    private static final List<Header> FIELDS = List.of(new Header("content-type", "text/html"),
            new Header("set-cookie", "a=1"), new Header("X-Empty", ""),
            new Header("Set-Cookie", "b=2; Path=/"), new Header("x-caf", "/caf\u00c3\u00a9"));

    @Test
    void isTheListOfFieldsItWasMadeFrom() {
        ResponseHeaders h = ResponseHeaders.of(FIELDS);
        assertThat(h).isEqualTo(FIELDS).hasSize(5);
        assertThat(h.get(2)).isEqualTo(new Header("X-Empty", ""));
        assertThat(FIELDS).isEqualTo(h);
        assertThat(h.hashCode()).isEqualTo(FIELDS.hashCode());
        assertThat(ResponseHeaders.of(h)).isSameAs(h);
        assertThat(ResponseHeaders.of(List.of())).isSameAs(ResponseHeaders.NONE).isEmpty();
        assertThat(ResponseHeaders.of(null)).isSameAs(ResponseHeaders.NONE);
        assertThatThrownBy(() -> h.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.add(new Header("a", "b")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void itsTextIsTheCrawlFilesLineForEachField() {
        assertThat(ResponseHeaders.of(FIELDS).text()).isEqualTo("""
                content-type: text/html
                set-cookie: a=1
                X-Empty:\s
                Set-Cookie: b=2; Path=/
                x-caf: /caf\u00c3\u00a9
                """);
        assertThat(ResponseHeaders.NONE.text()).isEmpty();
    }

    @Test
    void readsFieldsByNameInAnyCaseWithoutTakingAPrefixForAName() {
        ResponseHeaders h = ResponseHeaders.of(FIELDS);
        assertThat(h.first("SET-COOKIE")).isEqualTo("a=1");
        assertThat(h.all("set-cookie")).containsExactly("a=1", "b=2; Path=/");
        assertThat(h.first("x-empty")).isEmpty();
        assertThat(h.all("x-empty")).containsExactly("");
        assertThat(h.first("content")).isEmpty();
        assertThat(h.first("content-type-x")).isEmpty();
        assertThat(h.all("location")).isEmpty();
    }

    @Test
    void aHeadOfTinyFieldsFromTheParserIsHeldInAboutItsOwnBytes() {
        ResponseHeaders.Builder b = new ResponseHeaders.Builder();
        byte[] field = "A-B: c".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 30_000; i++) {
            b.add(field, 0, 3, 5, 6);
        }
        ResponseHeaders h = b.build();
        assertThat(h).hasSize(30_000);
        assertThat(h.get(29_999)).isEqualTo(new Header("a-b", "c"));
        // the head itself is 8 bytes a field ("A-B: c" and CR LF): no object per field
        assertThat(h.heldBytes()).isLessThan(2L * 8 * 30_000);
        assertThat(b.build()).isSameAs(ResponseHeaders.NONE); // built, then cleared
    }

    @Test
    void theParserLeavesOutFieldsAHeaderCannotHold() {
        ResponseHeaders.Builder b = new ResponseHeaders.Builder();
        byte[] bad = "X Y: 1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] cr = "X-Z: a\rb".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        b.add(bad, 0, 3, 5, 6);
        b.add(cr, 0, 3, 5, 8);
        b.add(cr, 0, 3, 5, 6);
        assertThat(b.build()).containsExactly(new Header("x-z", "a"));
    }
}
