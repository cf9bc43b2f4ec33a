package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.LocalHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {
    private static final byte[] PAGE =
            "<html><head><title>Compressed é</title></head><body>hello</body></html>"
                    .getBytes(StandardCharsets.UTF_8);

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9, raw))) {
            d.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void decodesGzipZlibAndRawDeflate() throws IOException {
        assertThat(ContentDecoding.decode(ResponseBody.of(gzip(PAGE)), "gzip", 1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(gzip(PAGE)), "X-GZIP", 1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(deflate(PAGE, false)), "deflate", 1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(deflate(PAGE, true)), "deflate", 1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(PAGE), "", 1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(PAGE), "identity", 1 << 20).truncated()).isFalse();
    }

    /** Browsers follow a redirect without reading its body: one that is not gzip is no failure. */
    @Test
    void aRedirectsBodyThatIsNotItsGzipIsNoFailure() {
        byte[] plain = "<a href=/next>moved</a>".getBytes(StandardCharsets.US_ASCII);
        ContentDecoding.Decoded redirect = ContentDecoding.decodeResponse(
                ResponseBody.of(plain), "gzip", 1 << 20, 302, "/next");
        assertThat(redirect.failure()).isNull();
        assertThat(redirect.body().length()).isZero();
        // a 3xx without a Location is shown, body and all, so a bad one fails as a 200's does
        assertThat(ContentDecoding.decodeResponse(ResponseBody.of(plain), "gzip", 1 << 20, 302,
                null).failure()).contains("not valid gzip data");
        assertThat(ContentDecoding.decodeResponse(ResponseBody.of(plain), "gzip", 1 << 20, 200,
                "/next").failure()).contains("not valid gzip data");
    }

    @Test
    void compressionBombStopsAtTheDecodedCap() throws IOException {
        byte[] bomb = gzip(new byte[200 * 1024 * 1024]); // 200 MB of zeros, ~200 KB compressed
        assertThat(bomb.length).isLessThan(300 * 1024);
        ContentDecoding.Decoded d = ContentDecoding.decode(ResponseBody.of(bomb), "gzip", 1024 * 1024);
        assertThat(d.truncated()).isTrue();
        assertThat(d.body().length()).isEqualTo(1024 * 1024);
    }

    @Test
    void aStreamThatEndsEarlyKeepsWhatDecodedAndIsNotCalledTruncated() throws IOException {
        // truncated means cut at the size cap; a stream that merely ends early is the body as
        // it came, as a plain body ended by its connection is
        byte[] good = gzip(PAGE);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 12);
        ContentDecoding.Decoded d = ContentDecoding.decode(ResponseBody.of(cut), "gzip", 1 << 20);
        assertThat(d.truncated()).isFalse();
        assertThat(d.failure()).isNull();
        assertThat(d.body().length()).isPositive();
        ContentDecoding.Decoded header = ContentDecoding.decode(
                ResponseBody.of(java.util.Arrays.copyOf(good, 5)), "gzip", 1 << 20);
        assertThat(header.truncated()).isFalse(); // the header itself cut
        assertThat(header.failure()).isNull();
    }

    /** Browsers fail these (ERR_CONTENT_DECODING_FAILED) rather than show part of them. */
    @Test
    void aBodyThatIsNotInItsEncodingIsAFailureInPlainWords() throws IOException {
        ContentDecoding.Decoded plain = ContentDecoding.decode(ResponseBody.of(PAGE), "gzip",
                1 << 20);
        assertThat(plain.failure()).isEqualTo("The server says the body is compressed "
                + "(Content-Encoding: gzip), but it is not valid gzip data, so browsers cannot "
                + "show it (a content decoding error)");
        assertThat(plain.body().length()).isZero();
        assertThat(plain.truncated()).isFalse();
        assertThat(ContentDecoding.decode(ResponseBody.of(new byte[] {1, 2, 3}), "gzip",
                1 << 20).failure()).isNotNull();

        byte[] corrupt = gzip(PAGE);
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] = (byte) 0xFF; // the compressed data, not the header or the trailer
        }
        assertThat(ContentDecoding.decode(ResponseBody.of(corrupt), "gzip", 1 << 20).failure())
                .isNotNull();
        assertThat(ContentDecoding.decode(ResponseBody.of(PAGE), "deflate", 1 << 20).failure())
                .contains("Content-Encoding: deflate");
    }

    @Test
    void anEmptyBodyOrAWrongChecksumAloneIsNoFailure() throws IOException {
        ContentDecoding.Decoded empty = ContentDecoding.decode(ResponseBody.EMPTY, "gzip", 1 << 20);
        assertThat(empty.failure()).isNull();
        assertThat(empty.truncated()).isFalse();

        byte[] badCrc = gzip(PAGE);
        badCrc[badCrc.length - 8] ^= 0x01; // the CRC-32 in the trailer
        ContentDecoding.Decoded d = ContentDecoding.decode(ResponseBody.of(badCrc), "gzip", 1 << 20);
        assertThat(d.failure()).isNull();
        assertThat(d.body().bytes()).isEqualTo(PAGE);
    }

    @Test
    void crawlerProbeAsksForGzipAndDecodesIt() throws IOException {
        try (LocalHttpServer server = new LocalHttpServer();
                JdkHttpProbe probe = new JdkHttpProbe("t", Duration.ofSeconds(5))) {
            byte[] body = gzip(PAGE);
            server.route("/", ex -> {
                String asked = String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding"));
                ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                ex.getResponseHeaders().add("X-Asked", asked);
                ex.getResponseHeaders().add("Content-Encoding", "gzip");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            });
            FetchResponse r = probe.fetch(new FetchRequest(URI.create(server.url("/")), "GET",
                    Duration.ofSeconds(5), 1 << 20, FetchRequest.BodyPolicy.HTML));
            assertThat(r.body().bytes()).isEqualTo(PAGE);
            assertThat(r.sizeBytes()).isEqualTo(body.length);
            assertThat(r.truncated()).isFalse();
        }
    }

    /** Only a coding Webprobe never asks for is one it cannot read (the crawl says so). */
    @Test
    void onlyACodingNeverAskedForIsNotDecodable() {
        for (String readable : new String[] {"", " gzip ", "X-GZIP", "deflate", "identity"}) {
            assertThat(ContentDecoding.notDecodable(readable)).as(readable).isNull();
        }
        assertThat(ContentDecoding.notDecodable("br"))
                .contains("compressed as br,").contains("its links were not read");
    }

    /**
     * As Chrome reads a Content-Encoding (URLRequestHttpJob): a coding it does not know
     * ("none", "utf-8", "x-weird", which servers do send; "identity" alike) anywhere in the
     * list means the body is shown as it came, and known codings applied one over another
     * ("gzip, gzip") are undone in turn, the last first. Webprobe read neither, and said that
     * such a page was compressed in a way it had not asked for.
     */
    @Test
    void anUnknownCodingIsReadAsItCameAndCodingsInTurnAreUndoneInTurn() throws IOException {
        for (String unknown : new String[] {"none", "UTF-8", "x-weird", "identity, gzip",
                "gzip, none"}) {
            assertThat(ContentDecoding.notDecodable(unknown)).as(unknown).isNull();
            assertThat(ContentDecoding.decode(ResponseBody.of(PAGE), unknown, 1 << 20).body()
                    .bytes()).as(unknown).isEqualTo(PAGE);
        }
        assertThat(ContentDecoding.notDecodable("gzip, gzip")).isNull();
        assertThat(ContentDecoding.decode(ResponseBody.of(gzip(gzip(PAGE))), "gzip, gzip",
                1 << 20).body().bytes()).isEqualTo(PAGE);
        assertThat(ContentDecoding.decode(ResponseBody.of(gzip(deflate(PAGE, false))),
                "deflate,GZIP", 1 << 20).body().bytes()).isEqualTo(PAGE);
        // a known coding Webprobe does not decode, wherever it is in the list, is still one
        assertThat(ContentDecoding.notDecodable("gzip, br")).contains("compressed as gzip, br,");
        assertThat(ContentDecoding.notDecodable("zstd")).contains("compressed as zstd,");
    }
}
