package io.webprobe.http;

/**
 * The one seam between a job and the network. Every implementation ({@link JdkHttpProbe},
 * {@link Http1Probe}, test doubles) holds this contract:
 * <ul>
 *   <li><b>Thread-safe</b>: many workers call {@link #fetch} at once.
 *   <li><b>Never throws for a network failure</b>: the result has an {@link ErrorKind} and a
 *       plain message from {@link ErrorClassifier}, the one mapper every engine uses.
 *   <li><b>No redirects followed</b>: the caller sees each hop ({@link FetchResponse#location()}),
 *       so it can record the chain.
 *   <li><b>Header fields returned</b>: {@link FetchResponse#headers()} holds every response
 *       header field, names in lower case; content type, Location and X-Robots-Tag are also
 *       given as their own components.
 *   <li><b>Bodies</b>: read up to {@link FetchRequest#maxBodyBytes()} (then
 *       {@link FetchResponse#truncated()}); kept only when the request's body policy says so,
 *       and a kept body is decoded per its Content-Encoding (gzip, deflate) with the cap
 *       applying to the decoded size too. A kept body is in memory up to
 *       {@link ResponseBody#IN_MEMORY} and in a temporary file beyond, whatever the cap; the
 *       caller {@link FetchResponse#release() releases} it. {@link FetchResponse#sizeBytes()} counts the bytes as
 *       downloaded; for HEAD, where no body comes, it is the announced Content-Length (0 when
 *       none). Whether a probe asks for compression is its own choice.
 *   <li><b>Deadline</b>: {@link FetchRequest#timeout()} covers connect, TLS handshake, headers
 *       and body.
 *   <li>{@link FetchRequest#keepAlive()} is a wish: a probe that cannot turn keep-alive off
 *       per request ({@link JdkHttpProbe}) says so in its Javadoc.
 * </ul>
 */
public interface HttpProbe extends AutoCloseable {

    /**
     * Redirects a crawl or a ping follows in a row, the one place that holds the number: 20, as
     * browsers (the Fetch standard's redirect count; Chrome's and Firefox's limit), so a link a
     * browser follows to its end is not broken here.
     */
    int MAX_REDIRECTS = 20;

    /**
     * Performs the request, blocking the calling thread until the response body is complete, the
     * request's deadline passes, or the thread is interrupted (then the result has
     * {@link ErrorKind#CANCELLED} and the interrupt flag is set again).
     */
    FetchResponse fetch(FetchRequest request);

    /** Releases connections and threads; fetches in progress end soon, as cancelled. */
    @Override
    void close();
}
