package io.webprobe.ui.ping;

/** The ranges of the Ping tab's number boxes, for the boxes and for what is remembered. */
final class PingLimits {
    static final int MAX_COUNT = 10_000_000;
    static final int MAX_DURATION_SECONDS = 86_400;
    static final double MIN_RATE = 0.1;
    static final double MAX_RATE = 1_000_000;
    static final int MAX_CONCURRENCY = 1000;
    static final double MIN_TIMEOUT_SECONDS = 0.1;
    static final double MAX_TIMEOUT_SECONDS = 600;

    private PingLimits() {}
}
