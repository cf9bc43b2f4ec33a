package io.webprobe.ping;

/**
 * One bar of a latency histogram: responses with a time in [fromMillis, toMillis).
 *
 * @param fromMillis lower bound, inclusive
 * @param toMillis upper bound, exclusive
 * @param count responses in the bin
 */
public record LatencyBin(double fromMillis, double toMillis, long count) {}
