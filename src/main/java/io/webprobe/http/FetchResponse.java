package io.webprobe.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one {@link FetchRequest}: either an HTTP response ({@link #status()} &gt; 0) or
 * a failure ({@link #error()} non-null), or both: a response whose body could not be read as
 * it is labelled (compressed data that is not), which a browser fails to show (never a
 * redirect: a browser follows it without reading its body,
 * {@link ContentDecoding#decodeResponse}). Immutable; the body's bytes never change. A kept body
 * may be in a temporary file ({@link ResponseBody}): whoever is done with the response calls
 * {@link #release()}.
 *
 * @param uri the URI that was requested
 * @param status the HTTP status code, or 0 when no response arrived
 * @param contentType the Content-Type header, or "" when absent
 * @param location the Location header, or null; raw bytes in it that are valid UTF-8 are
 *     read as UTF-8, as browsers read them ({@link #headerText})
 * @param sizeBytes body bytes as downloaded (before content decoding); for HEAD, the announced
 *     Content-Length, or -1 when none is (chunked, compressed) or it is not a number
 * @param body the body (decoded) when the request's body policy kept it, else null
 * @param truncated true when the body was cut at the size cap
 * @param elapsedMillis time from sending the request to the end of the body, or to the failure,
 *     in milliseconds
 * @param error why there is no response, or null
 * @param errorMessage a short plain explanation of the error, or ""
 * @param robotsTag the X-Robots-Tag header lines joined with " | ", or ""
 * @param headers the response header fields (names in lower case), empty when not kept; their
 *     values as received, one char per byte ({@link #header} reads them as a browser does);
 *     held as one text ({@link ResponseHeaders}), whatever list is given
 * @param version the HTTP version the response came over ({@link HttpVersion#HTTP_1_1} when
 *     no response arrived)
 */
public record FetchResponse(
        URI uri,
        int status,
        String contentType,
        String location,
        long sizeBytes,
        ResponseBody body,
        boolean truncated,
        long elapsedMillis,
        ErrorKind error,
        String errorMessage,
        String robotsTag,
        List<Header> headers,
        HttpVersion version) {

    public FetchResponse {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        contentType = contentType == null ? "" : contentType;
        location = location == null ? null : headerText(location);
        errorMessage = errorMessage == null ? "" : errorMessage;
        robotsTag = robotsTag == null ? "" : robotsTag;
        headers = ResponseHeaders.of(headers);
    }

    /** A response over HTTP/1.1 (or a failure). */
    public FetchResponse(URI uri, int status, String contentType, String location, long sizeBytes,
            ResponseBody body, boolean truncated, long elapsedMillis, ErrorKind error,
            String errorMessage, String robotsTag, List<Header> headers) {
        this(uri, status, contentType, location, sizeBytes, body, truncated, elapsedMillis, error,
                errorMessage, robotsTag, headers, HttpVersion.HTTP_1_1);
    }

    /** A response without kept header fields. */
    public FetchResponse(URI uri, int status, String contentType, String location, long sizeBytes,
            ResponseBody body, boolean truncated, long elapsedMillis, ErrorKind error,
            String errorMessage, String robotsTag) {
        this(uri, status, contentType, location, sizeBytes, body, truncated, elapsedMillis, error,
                errorMessage, robotsTag, List.of());
    }

    /** Gives back what the body holds (its temporary file, if it has one). */
    public void release() {
        if (body != null) {
            body.close();
        }
    }

    /**
     * The first value of a response header field (any case), or "" when absent; raw bytes in it
     * that are valid UTF-8 are read as UTF-8, as browsers read them ({@link #headerText}), the
     * same for every field (a Refresh header's URL as a Location's).
     */
    public String header(String name) {
        return headerText(ResponseHeaders.of(headers).first(name));
    }

    /** Every value of a response header field (any case), in order, read as {@link #header}. */
    public List<String> headerValues(String name) {
        return ResponseHeaders.of(headers).all(name).stream().map(FetchResponse::headerText)
                .toList();
    }

    /**
     * A header value as a browser reads it. Both HTTP clients give a header's bytes one char
     * each (ISO-8859-1); a server that writes a URL with raw UTF-8 in it (a Location of
     * "/caf" and the bytes C3 A9 for "/café") means UTF-8, so bytes that are valid UTF-8 are
     * decoded as such. Anything else (ASCII, a lone Latin-1 byte, text already decoded) is left as it is.
     */
    static String headerText(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xff) {
                return value; // not one char per byte: already text
            }
            high |= c > 0x7f;
        }
        if (!high) {
            return value;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(
                            value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return value; // not UTF-8: the bytes as Latin-1, as browsers fall back to
        }
    }

    /** A failed request. */
    public static FetchResponse failed(URI uri, ErrorKind kind, String message, long elapsedMillis) {
        return new FetchResponse(uri, 0, "", null, 0, null, false, elapsedMillis, kind, message,
                "");
    }

    /** True when a response with a status line arrived. */
    public boolean hasResponse() {
        return error == null;
    }

    /** Whether the response came over HTTP/2. */
    public boolean http2() {
        return version == HttpVersion.HTTP_2;
    }

    /** True for a 3xx status with a Location header. */
    public boolean isRedirect() {
        return isRedirect(status, location);
    }

    /** True for a 3xx status with a Location header (null or blank when there is none). */
    public static boolean isRedirect(int status, String location) {
        return status >= 300 && status < 400 && location != null && !location.isBlank();
    }
}
