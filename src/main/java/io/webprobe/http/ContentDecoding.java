package io.webprobe.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Decodes a gzip or deflate response body with a cap on the DECODED size: a small compressed
 * body that expands to gigabytes (a compression bomb) stops at the cap and is marked truncated.
 * Decoding is a stream from the body as received into a new {@link ResponseBody} (in memory up
 * to {@link ResponseBody#IN_MEMORY}, beyond in a temporary file), so neither the encoded nor
 * the decoded body is ever one array larger than that. Stateless.
 */
public final class ContentDecoding {
    private ContentDecoding() {}

    /**
     * A decoded body.
     *
     * @param failure why the body could not be decoded at all (one plain sentence), else null;
     *     then {@code body} is empty
     */
    public record Decoded(ResponseBody body, boolean truncated, String failure) {
        public Decoded(ResponseBody body, boolean truncated) {
            this(body, truncated, null);
        }
    }

    /**
     * The Content-Encoding of a response with these fields (in order): one list, as HTTP reads
     * a field sent more than once (a proxy adding its gzip to the application's).
     */
    public static String contentEncoding(List<String> fields) {
        return String.join(", ", fields);
    }

    /** The encodings we ask servers for. */
    public static final String ACCEPTED = "gzip, deflate";

    private static final int BUFFER = 16 * 1024;

    /**
     * Decodes {@code body} per its Content-Encoding, as Chrome reads that header: a coding it
     * does not know ("none", "utf-8", "identity"...) anywhere in the list means the body is
     * read as it came; known codings applied one over another ("gzip, gzip") are undone in
     * turn, the last first. A body in a coding Webprobe never asks for (br, zstd) is returned
     * unchanged ({@link #notDecodable} says so), and so is an empty body. A stream that
     * ends early keeps what decoded, not marked truncated: that is only for a body cut at the
     * cap (the decoded one here; a download cut at it is marked by the probe). A body that is
     * not in the encoding it is labelled with (not gzip at all, or corrupt data) is a failure,
     * as browsers fail it (a content decoding error), with an empty body. A body decoded into
     * a new one is closed.
     */
    public static Decoded decode(ResponseBody body, String contentEncoding, long cap) {
        List<String> codings = codings(contentEncoding);
        if (body.length() == 0 || !codings.stream().allMatch(ContentDecoding::decodes)) {
            return new Decoded(body, false);
        }
        boolean truncated = false;
        for (int i = codings.size() - 1; i >= 0; i--) {
            Decoded d = decodeOne(body, codings.get(i), cap);
            if (d.failure() != null) {
                return d;
            }
            body = d.body();
            truncated |= d.truncated();
        }
        return new Decoded(body, truncated);
    }

    /**
     * The codings a Content-Encoding lists, in the order they were applied, lower case; none
     * when the body is to be read as it came: no coding, or one that Chrome does not know
     * (it then shows the body as it came, whatever the others say).
     */
    private static List<String> codings(String contentEncoding) {
        List<String> out = new ArrayList<>();
        for (String part : (contentEncoding == null ? "" : contentEncoding).split(",")) {
            String coding = part.strip().toLowerCase(Locale.ROOT);
            if (coding.isEmpty()) {
                continue;
            }
            if (!decodes(coding) && !coding.equals("br") && !coding.equals("zstd")) {
                return List.of();
            }
            out.add(coding);
        }
        return out;
    }

    /** Undoes one coding that {@link #decodes} names; closes {@code body}. */
    private static Decoded decodeOne(ResponseBody body, String enc, long cap) {
        if (body.length() == 0) {
            return new Decoded(body, false);
        }
        try (body) {
            InputStream in;
            try {
                in = enc.equals("deflate") ? inflating(body)
                        : new GZIPInputStream(body.open(), BUFFER);
            } catch (ZipException e) {
                return notDecoded(enc); // not a gzip header
            } catch (IOException e) {
                return new Decoded(ResponseBody.EMPTY, false); // the header itself was cut
            }
            return read(in, cap, enc);
        }
    }

    /**
     * Decodes a response's body as {@link #decode} does, but a redirect's (a 3xx with a
     * Location, {@link FetchResponse#isRedirect(int, String)}) that does not decode is no
     * failure, only an empty body: browsers follow a redirect without reading its body.
     *
     * @param location the Location header, or null or "" when there is none
     */
    public static Decoded decodeResponse(ResponseBody body, String contentEncoding, long cap,
            int status, String location) {
        Decoded d = decode(body, contentEncoding, cap);
        return d.failure() != null && FetchResponse.isRedirect(status, location)
                ? new Decoded(d.body(), d.truncated()) : d;
    }

    /**
     * Why a body sent with this Content-Encoding cannot be read, or null when it can: no
     * coding, one read as it came, or codings {@link #decode} undoes. Another (br, zstd) is one
     * Webprobe never asked for ({@link #ACCEPTED}); a browser that asked for it shows the
     * page, so the page is not broken, but its links cannot be read.
     */
    public static String notDecodable(String contentEncoding) {
        if (codings(contentEncoding).stream().allMatch(ContentDecoding::decodes)) {
            return null;
        }
        String shown = contentEncoding.strip();
        return "The server sent this page compressed as " + (shown.length() > 40
                ? shown.substring(0, 40) + "…" : shown) + ", which Webprobe did not ask "
                + "for and cannot decode, so its links were not read";
    }

    /** Whether {@link #decode} decodes this coding (lower case, stripped). */
    private static boolean decodes(String enc) {
        return enc.equals("gzip") || enc.equals("x-gzip") || enc.equals("deflate");
    }

    private static Decoded notDecoded(String encoding) {
        String name = encoding.equals("deflate") ? "deflate" : "gzip";
        return new Decoded(ResponseBody.EMPTY, false, "The server says the body is compressed "
                + "(Content-Encoding: " + name + "), but it is not valid " + name + " data, so "
                + "browsers cannot show it (a content decoding error)");
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: try both. */
    private static InputStream inflating(ResponseBody body) {
        byte[] h = body.head(2);
        boolean zlib = h.length >= 2 && (h[0] & 0x0F) == 8 && ((h[0] & 0xFF) << 8 | (h[1] & 0xFF)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        // an Inflater given to the stream is not ended by its close(): its native memory (tens of
        // KB a page) would wait for the collector
        return new InflaterInputStream(body.open(), inflater, BUFFER) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    inflater.end();
                }
            }
        };
    }

    private static Decoded read(InputStream in, long cap, String encoding) {
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
        } catch (ZipException e) {
            if (!String.valueOf(e.getMessage()).contains("trailer")) {
                // corrupt compressed data: browsers show an error, not the part before it
                out.discard();
                return notDecoded(encoding);
            }
            // every byte decoded, only the checksum after them is wrong: browsers show it
        } catch (IOException e) {
            // the compressed stream ended early: what decoded is the body, as browsers show
            // it. Not "truncated", which is a body cut at the size cap: a download cut there
            // says so itself (the probes add it), and a body that merely ends early is
            // reported as one whose connection closed it (complete as received)
        }
        return new Decoded(out.finish(), truncated || out.cut());
    }
}
