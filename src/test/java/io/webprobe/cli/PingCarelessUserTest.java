package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;

import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingListener;
import io.webprobe.ping.PingPlan;
import io.webprobe.testsupport.RefusedPort;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What a new user's slips get from {@code ping}: one plain sentence and exit 2, before any
 * request (the URL's port is never connected to).
 */
class PingCarelessUserTest {
    private static final String URL = "http://127.0.0.1:1/";

    /**
     * The bug: a long option typed with one dash whose first letter is a short option was read
     * as that option with the rest for its value: {@code -quiet} asked for the password of the
     * user "iet" (-q -u iet), {@code -count 5} said "--concurrency takes a whole number; 'ount'
     * is not one". {@code -timeout} was told "did you mean --timeout?"; so are they.
     */
    @Test
    void aLongOptionTypedWithOneDashIsToldTheOneMeant() {
        CliRun.assertPlainError(run("ping", URL, "-quiet"),
                "Unknown option: '-quiet'; did you mean --quiet?");
        CliRun.assertPlainError(run("ping", URL, "-count", "5"),
                "Unknown option: '-count'; did you mean --count?");
        CliRun.assertPlainError(run("ping", URL, "-duration=5s"),
                "Unknown option: '-duration'; did you mean --duration?");
        CliRun.assertPlainError(run("crawl", URL, "-quiet"),
                "Unknown option: '-quiet'; did you mean --quiet?");
    }

    /**
     * The bug: {@code --rate 5 -n 0} was taken, as "no cap" on the open loop's requests, and
     * ran on for the 365 days of a rate with no end; {@code -n 0} without --rate is refused.
     */
    @Test
    void aCountOfZeroIsRefusedWithARateAsWithoutOne() {
        BiFunction<PingPlan, PingListener, PingJob> never = (plan, listener) -> {
            throw new AssertionError("ran " + plan.mode() + " with a count of " + plan.count());
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new PingCommand(never));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute(URL, "--rate", "5", "-n", "0", "--quiet");

        CliRun.assertPlainError(new CliRun(code, out.toString(), err.toString()),
                "--count must be at least 1.");
    }

    /**
     * The bug: URLs given in one quoted argument ("$URLS") were one URL, with "%20http://" in
     * its path, pinged in their place: a 404 from the first server. As a --file line of
     * several addresses is named (TargetList.addresses), so is the argument.
     */
    @Test
    void severalUrlsInOneArgumentAreToldApart() throws Exception {
        // a port held refused: before, the joined URL was requested
        try (RefusedPort port = RefusedPort.onLoopback()) {
            String url = "http://127.0.0.1:" + port.port() + "/";
            CliRun.assertPlainError(run("ping", url + " " + url + "x", "--quiet"),
                    "'" + url + " " + url + "x' holds 2 addresses; give each URL as an "
                            + "argument of its own.");
        }
    }
}
