package io.webprobe.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a gzip or deflate response body with a cap on the DECODED size: a small compressed
 * body that expands to gigabytes (a compression bomb) stops at the cap and is marked truncated,
 * so memory stays bounded. Stateless.
 */
public final class ContentDecoding {
    private ContentDecoding() {}

    /** A decoded body. */
    public record Decoded(byte[] bytes, boolean truncated) {}

    /** The encodings we ask servers for. */
    public static final String ACCEPTED = "gzip, deflate";

    /**
     * Decodes {@code body} per its Content-Encoding; returns it unchanged for identity or an
     * encoding we do not know (we never ask for those). A corrupt stream keeps what decoded
     * cleanly and is marked truncated.
     */
    public static Decoded decode(byte[] body, String contentEncoding, long cap) {
        String enc = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        try {
            return switch (enc) {
                case "gzip", "x-gzip" -> read(new GZIPInputStream(new ByteArrayInputStream(body)), cap);
                case "deflate" -> inflate(body, cap);
                default -> new Decoded(body, false);
            };
        } catch (IOException e) {
            return new Decoded(new byte[0], true); // not even a valid header
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: try both. */
    private static Decoded inflate(byte[] body, long cap) throws IOException {
        boolean zlib = body.length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] & 0xFF) << 8 | (body[1] & 0xFF)) % 31 == 0;
        return read(new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)), cap);
    }

    private static Decoded read(InputStream in, long cap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
        byte[] buf = new byte[16 * 1024];
        try (in) {
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                long room = cap - total;
                if (n > room) {
                    out.write(buf, 0, (int) room);
                    return new Decoded(out.toByteArray(), true);
                }
                out.write(buf, 0, n);
                total += n;
            }
            return new Decoded(out.toByteArray(), false);
        } catch (IOException e) {
            return new Decoded(out.toByteArray(), true);
        }
    }
}
