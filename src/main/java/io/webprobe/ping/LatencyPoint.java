package io.webprobe.ping;

/**
 * Latency over one interval of a run (a second, the last one possibly shorter), all URLs
 * together. Immutable.
 *
 * @param atSeconds when the interval ended, in seconds since the start of the run (whole
 *     seconds while running; the last point may end part way through a second)
 * @param p50Millis median response time in that second
 * @param p99Millis 99th percentile in that second
 * @param requests responses measured in that second
 */
public record LatencyPoint(double atSeconds, double p50Millis, double p99Millis, long requests) {}
