package io.webprobe.ui.ping;

import io.webprobe.ping.PingResult;
import java.util.List;

/**
 * Puts results of the tests' choosing in the Ping table, as a run's last snapshot would: the
 * figures of a long run against a fast server (20,451 requests, 2,045.1 req/s) that no test
 * can wait for. FX thread, with no run going.
 */
public final class PingRowsShown {
    private PingRowsShown() {}

    public static void show(PingViewModel vm, List<PingResult> results) {
        vm.rows().setAll(results.stream().map(r -> {
            PingRow row = new PingRow(r.url());
            row.update(r);
            return row;
        }).toList());
    }
}
