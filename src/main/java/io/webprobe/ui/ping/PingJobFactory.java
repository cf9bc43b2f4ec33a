package io.webprobe.ui.ping;

import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingPlan;

/** Makes ping jobs; the app wires the real HTTP backend in, tests may wire another. */
@FunctionalInterface
public interface PingJobFactory {
    PingJob create(PingPlan plan, PingListener listener);
}
