package io.webprobe.ui.ping;

import io.webprobe.ping.FileLimit;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingPlan;

/** Makes ping jobs; the app wires the real HTTP backend in, tests may wire another. */
@FunctionalInterface
public interface PingJobFactory {
    PingJob create(PingPlan plan, PingListener listener);

    /**
     * One sentence when the plan cannot run here (this system allows fewer open files than
     * its connections need), else null; asked before a job is made, as the command line asks.
     */
    default String problem(PingPlan plan) {
        return FileLimit.problem(plan, "Settings › Concurrency");
    }
}
