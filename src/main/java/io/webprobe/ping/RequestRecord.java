package io.webprobe.ping;

import io.webprobe.http.ErrorKind;

/**
 * One request of a ping test, for the per-request log. Immutable.
 *
 * @param seq the request's number in the run, from 0
 * @param url the target URL
 * @param startEpochMillis wall-clock time the request was sent
 * @param intendedOffsetMillis when it was meant to start, from the start of the run (in a
 *     closed loop: when it did start)
 * @param status the final HTTP status, or 0 when the request failed
 * @param latencyMillis response time: from the intended start (open loop) or the send (closed
 *     loop) to the end of the body; for a failure, the time to failure
 * @param serviceMillis from the actual send to the end of the body
 * @param bytes body bytes received
 * @param error why it failed, or null
 * @param errorMessage plain explanation, or ""
 * @param redirects redirects followed
 * @param warmup true for a warm-up request, left out of the statistics
 * @param abandoned true for a request still in flight when the run was stopped, whose answer
 *     was not waited for ({@link PingResult#abandoned}): it has no status, times, bytes or
 *     error (those fields are 0, null and "" and say nothing)
 */
public record RequestRecord(
        long seq,
        String url,
        long startEpochMillis,
        double intendedOffsetMillis,
        int status,
        double latencyMillis,
        double serviceMillis,
        long bytes,
        ErrorKind error,
        String errorMessage,
        int redirects,
        boolean warmup,
        boolean abandoned) {

    /**
     * A request a stop abandoned in flight: its number, URL, send time and intended start, and
     * nothing else ({@link #abandoned}).
     */
    static RequestRecord abandoned(long seq, String url, long startEpochMillis,
            double intendedOffsetMillis) {
        return new RequestRecord(seq, url, startEpochMillis, intendedOffsetMillis, 0, 0, 0, 0,
                null, "", 0, false, true);
    }
}
