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

    @Test
    void compressionBombStopsAtTheDecodedCap() throws IOException {
        byte[] bomb = gzip(new byte[200 * 1024 * 1024]); // 200 MB of zeros, ~200 KB compressed
        assertThat(bomb.length).isLessThan(300 * 1024);
        ContentDecoding.Decoded d = ContentDecoding.decode(ResponseBody.of(bomb), "gzip", 1024 * 1024);
        assertThat(d.truncated()).isTrue();
        assertThat(d.body().length()).isEqualTo(1024 * 1024);
    }

    @Test
    void corruptStreamKeepsWhatDecodedAndIsMarkedTruncated() throws IOException {
        byte[] good = gzip(PAGE);
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 12);
        assertThat(ContentDecoding.decode(ResponseBody.of(cut), "gzip", 1 << 20).truncated()).isTrue();
        assertThat(ContentDecoding.decode(ResponseBody.of(new byte[] {1, 2, 3}), "gzip", 1 << 20).truncated()).isTrue();
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
}
