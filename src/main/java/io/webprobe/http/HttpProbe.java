package io.webprobe.http;

/**
 * The one seam between the engine and the network. Implementations must be thread-safe: many
 * workers call {@link #fetch} at once. A fetch never throws for a network failure; it returns a
 * {@link FetchResponse} with an {@link ErrorKind}. Redirects are not followed: the caller sees
 * each hop, so it can record the chain.
 */
public interface HttpProbe extends AutoCloseable {

    /**
     * Performs the request, blocking the calling thread until the response body is complete, the
     * request's deadline passes, or the thread is interrupted (then the result has
     * {@link ErrorKind#CANCELLED} and the interrupt flag is set again).
     */
    FetchResponse fetch(FetchRequest request);

    /** Releases connections and threads. */
    @Override
    void close();
}
