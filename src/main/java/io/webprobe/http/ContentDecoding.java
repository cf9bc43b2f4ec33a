package io.webprobe.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a gzip or deflate response body with a cap on the DECODED size: a small compressed
 * body that expands to gigabytes (a compression bomb) stops at the cap and is marked truncated.
 * Decoding is a stream from the body as received into a new {@link ResponseBody} (in memory up
 * to {@link ResponseBody#IN_MEMORY}, beyond in a temporary file), so neither the encoded nor
 * the decoded body is ever one array larger than that. Stateless.
 */
public final class ContentDecoding {
    private ContentDecoding() {}

    /** A decoded body. */
    public record Decoded(ResponseBody body, boolean truncated) {}

    /** The encodings we ask servers for. */
    public static final String ACCEPTED = "gzip, deflate";

    private static final int BUFFER = 16 * 1024;

    /**
     * Decodes {@code body} per its Content-Encoding; returns it unchanged for identity or an
     * encoding we do not know (we never ask for those). A corrupt stream keeps what decoded
     * cleanly and is marked truncated. A body decoded into a new one is closed.
     */
    public static Decoded decode(ResponseBody body, String contentEncoding, long cap) {
        String enc = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        if (!enc.equals("gzip") && !enc.equals("x-gzip") && !enc.equals("deflate")) {
            return new Decoded(body, false);
        }
        try (body) {
            InputStream in;
            try {
                in = enc.equals("deflate") ? inflating(body) : new GZIPInputStream(body.open(), BUFFER);
            } catch (IOException e) {
                return new Decoded(ResponseBody.EMPTY, true); // not even a valid header
            }
            return read(in, cap);
        }
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: try both. */
    private static InputStream inflating(ResponseBody body) {
        byte[] h = body.head(2);
        boolean zlib = h.length >= 2 && (h[0] & 0x0F) == 8 && ((h[0] & 0xFF) << 8 | (h[1] & 0xFF)) % 31 == 0;
        return new InflaterInputStream(body.open(), new Inflater(!zlib), BUFFER);
    }

    private static Decoded read(InputStream in, long cap) {
        BodyBuffer out = new BodyBuffer(-1);
        byte[] buf = new byte[BUFFER];
        boolean truncated = false;
        try (in) {
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                long room = cap - total;
                if (n > room) {
                    out.write(buf, 0, (int) room);
                    truncated = true;
                    break;
                }
                out.write(buf, 0, n);
                total += n;
            }
        } catch (IOException e) {
            truncated = true;
        }
        return new Decoded(out.finish(), truncated || out.cut());
    }
}
