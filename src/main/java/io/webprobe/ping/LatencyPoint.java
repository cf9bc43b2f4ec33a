package io.webprobe.ping;

/**
 * Latency over one second of a run, all URLs together. Immutable.
 *
 * @param second seconds since the start of the run (the second ending here)
 * @param p50Millis median response time in that second
 * @param p99Millis 99th percentile in that second
 * @param requests responses measured in that second
 */
public record LatencyPoint(int second, double p50Millis, double p99Millis, long requests) {}
