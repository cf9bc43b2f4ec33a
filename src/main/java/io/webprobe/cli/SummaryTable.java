package io.webprobe.cli;

import io.webprobe.Words;
import io.webprobe.crawl.ProgressFormat;
import io.webprobe.http.HttpVersion;
import io.webprobe.ping.PingJob;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.PingSnapshot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The end-of-run table of the ping command, columns sized to their content. */
final class SummaryTable {
    /**
     * The latency columns, in milliseconds (the line under the table says so): the fastest and
     * the mean beside the percentiles, as oha, hey and wrk print them, in vegeta's order; the
     * same figures as the CSV's min_ms and mean_ms and the Ping tab's Min and Mean.
     */
    private static final String[] LATENCY = {"min", "mean", "p50", "p90", "p99", "max"};

    private SummaryTable() {}

    /** @param beforeClock requests sent before the clock, not counted (the workers' warm-up) */
    static void print(PrintWriter out, PingPlan plan, PingSnapshot s, long beforeClock) {
        List<String[]> rows = new ArrayList<>();
        // which protocol answered matters when HTTP/2 was asked for (it may not have been),
        // and when a server answered with another version than the HTTP/1.1 spoken to it
        boolean protocol = plan.http2() || s.results().stream().anyMatch(r ->
                !r.protocol().isEmpty() && !r.protocol().equals(HttpVersion.HTTP_1_1.label()));
        // a --rate run that could not send them all: whose requests they were
        boolean notSent = s.notSent() > 0;
        // a stopped run's requests in flight at the stop: whose they were
        boolean abandoned = s.abandoned() > 0;
        // the errors column only when a URL had one, as the protocol's: "failed 0" says the
        // rest, and its empty 8 characters pushed a table of two URLs past 120 columns
        boolean errors = s.results().stream().anyMatch(r -> !r.errorCounts().isEmpty());
        List<String> header = new ArrayList<>(List.of("URL", "sent", "ok", "failed", "codes"));
        if (errors) {
            header.add("errors");
        }
        header.addAll(List.of(LATENCY));
        header.add("req/s");
        if (protocol) {
            header.add("protocol");
        }
        if (notSent) {
            header.add("not sent");
        }
        if (abandoned) {
            header.add("abandoned");
        }
        rows.add(header.toArray(String[]::new));
        for (PingResult r : s.results()) {
            List<String> row = new ArrayList<>(List.of(r.url(), num(r.sent()), num(r.ok()),
                    num(r.failed()), r.statusCountsText()));
            if (errors) {
                row.add(r.errorsText(s::errorLabel));
            }
            for (double v : new double[] {r.minMillis(), r.meanMillis(), r.p50Millis(),
                    r.p90Millis(), r.p99Millis(), r.maxMillis()}) {
                row.add(ms(r, v));
            }
            row.add(r.hasRate() ? rate(r.requestsPerSecond()) : "-");
            if (protocol) {
                row.add(r.protocol().isEmpty() ? "-" : r.protocol());
            }
            if (notSent) {
                row.add(num(r.notSent()));
            }
            if (abandoned) {
                row.add(num(r.abandoned()));
            }
            rows.add(row.toArray(String[]::new));
        }
        int[] width = new int[header.size()];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String name = header.get(i);
                boolean left = name.equals("URL") || name.equals("codes")
                        || name.equals("errors") || name.equals("protocol");
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                sb.append(left ? cell + pad : pad + cell);
                if (i < row.length - 1) {
                    sb.append("  ");
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        if (s.results().stream().anyMatch(PingResult::hasLatency)) {
            // the unit once, not " ms" in six headers (the table kept within 120 columns)
            out.println("Latency in milliseconds (" + String.join(", ", LATENCY)
                    + "), over the requests that got a response.");
        }
        out.println();
        // the rates are over the sending time: the wait for the last answers after a duration
        // (a closed loop's or an open loop's, which sends nothing after it either) is said
        // apart, and an open loop's one rate is the achieved one of the mode line
        java.time.Duration sending = s.elapsed();
        java.time.Duration drain = java.time.Duration.ZERO;
        if (plan.mode() != PingMode.COUNT && s.elapsed().compareTo(plan.duration()) > 0) {
            sending = plan.duration();
            drain = s.elapsed().minus(plan.duration());
        }
        out.println(String.format(Locale.ROOT, "%s %s in %s%s, %,d failed%s%s%s%s.",
                s.stopped() ? "Stopped after" : "Sent", Words.count(s.sent(), "request"),
                duration(sending), plan.mode() == PingMode.RATE ? ""
                        : " (" + rate(s.requestsPerSecond()) + " req/s)",
                s.failed(), s.failedShare(), abandonedText(s),
                s.warmups() > 0 ? "; " + Words.count(s.warmups(), "warm-up request")
                        + " not counted" : "",
                // their one failure each is their row's, no request sent (notes below)
                s.notRequested() == 0 ? "" : "; " + Words.count(s.notRequested(), "URL")
                        + " not requested, " + (s.notRequested() == 1 ? "its row's failure"
                                : "their rows' failures") + " not counted"));
        if (drain.toMillis() >= 5) {
            out.println("After the duration, the run waited " + duration(drain) + " for the "
                    + "requests still in flight (not part of the rates).");
        }
        if (beforeClock > 0) {
            out.println("Before the clock started, " + Words.count(beforeClock, "request was",
                    "requests were") + " sent to open the connections and warm the client up "
                    + "(not counted). --warmup 0 sends none.");
        }
        out.println(modeLine(plan, s));
    }

    /**
     * "; 3 requests abandoned in flight at the stop": the requests sent whose answers a stop
     * did not wait for, in none of the line's other figures (not failures); "" when none.
     */
    static String abandonedText(PingSnapshot s) {
        return s.abandoned() == 0 ? "" : "; " + Words.count(s.abandoned(), "request")
                + " abandoned in flight at the stop";
    }

    static String modeLine(PingPlan plan, PingSnapshot s) {
        if (plan.mode() == PingMode.RATE) {
            String notSent = s.notSent() == 0 ? "" : " " + Words.count(s.notSent(),
                    "request was", "requests were") + " not sent: "
                    + plan.waitingConnections(s.notRequested())
                    + " was still waiting for an earlier answer when the "
                    + (s.stopped() ? "run was stopped" : "time ran out")
                    + " (a higher --concurrency keeps the rate).";
            return String.format(Locale.ROOT,
                    "Open loop: target %s req/s, achieved %s req/s; latency is measured "
                            + "from each request's intended start; %s sent more than 1 ms late.",
                    rate(plan.rate()), rate(s.achievedRate()), Words.count(s.late(), "request was",
                            "requests were")) + notSent;
        }
        String who = PingJob.Engine.forPlan(plan) == PingJob.Engine.WORKERS ? "worker"
                : "connection";
        // fewer requests than connections: only as many connections send (the split per URL
        // gives every URL its share, so the sum is the smaller of the two)
        long total = plan.totalRequests();
        long used = total < 0 ? plan.concurrency() : Math.min(plan.concurrency(), total);
        return "Closed loop: " + (used == 1 ? "the " + who + " waits"
                        : "each of the " + Words.count(used, who) + " waits")
                + " for its "
                + "answer before the next request, so a slow server lowers the rate instead of "
                + "raising the latency (coordinated omission). Use --rate for open-loop figures.";
    }

    /** A rate as people write it: "1,000.0", "2.5", "0.001" (a slow rate keeps its digits). */
    static String rate(double r) {
        return PingResult.rateText(r, true);
    }

    /** "0.35 s" under a minute, else hh:mm:ss. */
    static String duration(java.time.Duration d) {
        return ProgressFormat.took(d);
    }

    private static String num(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String ms(PingResult r, double v) {
        // grouped as the counts beside it and the window's columns are: "7874.02" beside "2,000"
        return r.hasLatency() ? PingResult.millisText(v) : "-";
    }
}
