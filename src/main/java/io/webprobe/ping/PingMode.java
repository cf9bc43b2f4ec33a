package io.webprobe.ping;

/** How a ping test paces its requests. */
public enum PingMode {
    /** Closed loop: each URL gets a fixed number of requests, as fast as the workers go. */
    COUNT,
    /** Closed loop: requests as fast as the workers go, until the duration has passed. */
    DURATION,
    /**
     * Open loop: a fixed total rate; every request has an intended start time and latency is
     * measured from it, so a stalled server shows in the percentiles (no coordinated omission).
     */
    RATE
}
