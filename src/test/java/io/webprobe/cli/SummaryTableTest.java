package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ping.PingPlan;
import io.webprobe.ping.PingSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines under the ping's table: what the run sent, over which time, and its rate. */
class SummaryTableTest {
    private static final PingPlan PLAN = PingPlan.of(List.of(URI.create("http://a/")), "t");

    private static PingSnapshot finished(long sent, long failed, Duration elapsed, double rate,
            double achieved) {
        return new PingSnapshot(List.of(), sent, failed, 0, 0, elapsed, rate, 0, 1, List.of(),
                true, false, 0, false, null, achieved, 0);
    }

    private static List<String> printed(PingPlan plan, PingSnapshot s) {
        StringWriter out = new StringWriter();
        SummaryTable.print(new PrintWriter(out, true), plan, s, 0);
        return out.toString().lines().toList();
    }

    @Test
    void theWaitForRequestsInFlightAfterADurationIsSaidApartFromTheSendingTime() {
        PingPlan plan = PLAN.withDuration(Duration.ofSeconds(1));

        List<String> lines = printed(plan, finished(17_741, 1, Duration.ofMillis(4010),
                17_741, 0));

        assertThat(lines).contains(
                "Sent 17,741 requests in 1.00 s (17,741.0 req/s), 1 failed (<0.1%).",
                "After the duration, the run waited 3.01 s for the requests still in flight "
                        + "(not part of the rates).");
    }

    @Test
    void anOpenLoopsWaitForRequestsInFlightAfterItsDurationIsSaidApartToo() {
        // --rate 100 -d 2s against a server that stalled across the end: the requests in
        // flight were answered 0.54 s after the duration, when no request was being sent;
        // wrk2 and oha say "in 2.00s" there
        PingPlan plan = PLAN.withRate(100, Duration.ofSeconds(2)).withConcurrency(10);

        List<String> lines = printed(plan, finished(164, 0, Duration.ofMillis(2540), 82, 82));

        assertThat(lines).contains("Sent 164 requests in 2.00 s, 0 failed.",
                "After the duration, the run waited 0.54 s for the requests still in flight "
                        + "(not part of the rates).");
    }

    /**
     * oha's summary opens with its success rate; ours said "9,347 failed" of 67,770 and left the
     * sum to the reader. The share is of the requests sent, never 0.0% for a failure nor 100.0%
     * beside a success.
     */
    @Test
    void theRunsLineSaysWhatShareOfTheRequestsFailed() {
        assertThat(printed(PLAN, finished(20, 10, Duration.ofMillis(500), 40, 0)))
                .contains("Sent 20 requests in 0.50 s (40.0 req/s), 10 failed (50.0%).");
        assertThat(printed(PLAN, finished(20, 20, Duration.ofMillis(500), 40, 0)))
                .contains("Sent 20 requests in 0.50 s (40.0 req/s), 20 failed (100%).");
        assertThat(printed(PLAN, finished(20, 0, Duration.ofMillis(500), 40, 0)))
                .contains("Sent 20 requests in 0.50 s (40.0 req/s), 0 failed.");
        assertThat(finished(67_770, 9_347, Duration.ofSeconds(5), 0, 0).failedShare())
                .isEqualTo(" (13.8%)");
        assertThat(finished(100_000, 1, Duration.ofSeconds(5), 0, 0).failedShare())
                .isEqualTo(" (<0.1%)");
        assertThat(finished(100_000, 99_999, Duration.ofSeconds(5), 0, 0).failedShare())
                .isEqualTo(" (>99.9%)");
    }

    /**
     * The bug: five requests to a closed port, refused in 3 ms, read "Sent 5 requests in
     * 0.00 s (1,608.9 req/s)": a time of nothing beside a rate.
     */
    @Test
    void aRunOfAFewMillisecondsSaysThemNotNoSeconds() {
        assertThat(printed(PLAN, finished(5, 5, Duration.ofNanos(3_108_000), 1_608.9, 0)))
                .contains("Sent 5 requests in 3.1 ms (1,608.9 req/s), 5 failed (100%).");
        assertThat(SummaryTable.duration(Duration.ofNanos(9_940_000))).isEqualTo("9.9 ms");
        assertThat(SummaryTable.duration(Duration.ofNanos(9_995_000))).isEqualTo("0.01 s");
        assertThat(SummaryTable.duration(Duration.ofMillis(40))).isEqualTo("0.04 s");
    }

    /**
     * The bug: against nginx the progress line read "p50 0.0 ms" (0.036 ms), as if it took no
     * time; it says two significant digits under 10 ms, as the Ping table does.
     */
    @Test
    void theProgressLineKeepsTheDigitsOfAFastServersLatency() {
        PingSnapshot s = new PingSnapshot(List.of(), 121_506, 0, 0, 0, Duration.ofSeconds(5),
                25_576, 0, 0.16, List.of(new io.webprobe.ping.LatencyPoint(5, 0.036, 2.04, 25_000),
                        new io.webprobe.ping.LatencyPoint(6, 0.0362, 42.6, 25_000)),
                false, false, 4, false, null, 0, 0);

        assertThat(PingCommand.progressLine(s, Duration.ofSeconds(10)))
                .isEqualTo("121,506 sent · 0 failed · 25,576 req/s · p50 0.036 ms · p99 43 ms"
                        + " · 16% · 00:00:05");
    }

    @Test
    void aClosedLoopCountsOnlyTheConnectionsItsRequestsUse() {
        PingSnapshot s = finished(3, 0, Duration.ofMillis(10), 300, 300);
        // ping -n 3 with the default 10 connections opens 3
        assertThat(SummaryTable.modeLine(PLAN.withCount(3).withConcurrency(10), s))
                .startsWith("Closed loop: each of the 3 connections waits for its answer");
        assertThat(SummaryTable.modeLine(PLAN.withCount(1).withConcurrency(10), s))
                .startsWith("Closed loop: the connection waits for its answer");
        // three URLs, 3 requests each: 10 connections split 4, 3 and 3, so 9 send
        PingPlan three = PingPlan.of(List.of(URI.create("http://a/"), URI.create("http://b/"),
                URI.create("http://c/")), "t").withCount(3).withConcurrency(10);
        assertThat(SummaryTable.modeLine(three, s)).startsWith("Closed loop: each of the 9 ");
        assertThat(SummaryTable.modeLine(PLAN.withDuration(Duration.ofSeconds(5))
                .withConcurrency(10), s)).startsWith("Closed loop: each of the 10 ");
    }

    @Test
    void requestsNotSentAreBlamedOnTheConnectionsOfTheirUrl() {
        PingPlan two = PingPlan.of(List.of(URI.create("http://a/"), URI.create("http://b/")), "t")
                .withRate(100, Duration.ofSeconds(1)).withConcurrency(10);
        PingSnapshot fellBehind = new PingSnapshot(List.of(), 60, 0, 0, 0, Duration.ofSeconds(1),
                60, 100, 1, List.of(), true, false, 0, false, null, 60, 40);

        assertThat(SummaryTable.modeLine(two, fellBehind)).endsWith(" 40 requests were not "
                + "sent: every connection to their URL (5 of the 10 each) was still waiting for "
                + "an earlier answer when the time ran out (a higher --concurrency keeps the "
                + "rate).");
        assertThat(SummaryTable.modeLine(PLAN.withRate(100, Duration.ofSeconds(1)), fellBehind))
                .contains(" not sent: every connection was still waiting");
        // stopped (Ctrl-C) behind its schedule: the requests due before the stop
        PingSnapshot stopped = new PingSnapshot(List.of(), 60, 0, 0, 0, Duration.ofSeconds(1),
                60, 100, 1, List.of(), true, true, 0, false, null, 60, 40);
        assertThat(SummaryTable.modeLine(two, stopped)).endsWith(" was still waiting for an "
                + "earlier answer when the run was stopped (a higher --concurrency keeps the "
                + "rate).");
    }

    @Test
    void theCodesAndErrorsColumnsGroupTheirCountsAsTheSentColumnDoes() {
        java.util.TreeMap<Integer, Long> codes = new java.util.TreeMap<>(
                java.util.Map.of(200, 45_738L, 503, 2L));
        io.webprobe.ping.PingResult r = new io.webprobe.ping.PingResult("http://a/", 57_080,
                45_738, 11_342, codes, java.util.Map.of(io.webprobe.http.ErrorKind.TIMEOUT,
                11_340L), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        PingSnapshot s = new PingSnapshot(List.of(r), 57_080, 11_342, 0, 0,
                Duration.ofSeconds(1), 57_080, 0, 1, List.of(), true, false, 0, false, null, 0,
                0);

        assertThat(printed(PLAN, s).get(1)).contains(" 57,080 ", " 200×45,738 503×2 ",
                " 11,340 Timeout ");
        // the CSV keeps the plain numbers, in ASCII: code:count, as vegeta writes them
        assertThat(io.webprobe.export.PingCsv.statusCounts(r)).isEqualTo("200:45738 503:2");
        assertThat(io.webprobe.export.PingCsv.errorCounts(r)).isEqualTo("TIMEOUT:11340");
    }

    /**
     * The bug: a slow URL's latencies read "7874.02" beside a count of "2,000", where the
     * window says "1,037"; they are grouped as the table's counts are, and the CSV keeps plain
     * numbers.
     */
    @Test
    void theLatencyColumnsGroupThousandsAsTheCountsDo() {
        io.webprobe.ping.PingResult r = new io.webprobe.ping.PingResult("http://a/", 2_000,
                2_000, 0, new java.util.TreeMap<>(java.util.Map.of(200, 2_000L)),
                java.util.Map.of(), 12.5, 3000, 10, 1037.126, 7874.02, 8000, 11940.37,
                600_000, 1000, 2000, 2.5, 0, 0, 0, 1, 0, 0, 11940.37);
        PingSnapshot s = new PingSnapshot(List.of(r), 2_000, 0, 0, 0, Duration.ofSeconds(800),
                2.5, 0, 1, List.of(), true, false, 0, false, null, 0, 0);

        assertThat(printed(PLAN, s).get(1)).contains(" 2,000 ",
                " 1,037.13  7,874.02  11,940.37  600,000.00 ")
                .doesNotContain("7874.02");
        java.util.function.Function<String, String> csv = h ->
                io.webprobe.export.PingCsv.SUMMARY.stream().filter(c -> c.header().equals(h))
                        .findFirst().orElseThrow().cell(r);
        assertThat(csv.apply("p90_ms")).isEqualTo("7874.020");
        assertThat(csv.apply("max_ms")).isEqualTo("600000.000");
    }

    /** A --rate run that could not send them all says, per URL, whose requests they were. */
    @Test
    void aRateRunsRequestsNotSentAreCountedPerUrl() {
        PingPlan plan = PLAN.withRate(20, Duration.ofSeconds(10));
        io.webprobe.ping.PingResult fast = new io.webprobe.ping.PingResult("http://a/", 67, 67,
                0, new java.util.TreeMap<>(java.util.Map.of(200, 67L)), java.util.Map.of(), 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        io.webprobe.ping.PingResult slow = new io.webprobe.ping.PingResult("http://b/slow", 30,
                30, 0, new java.util.TreeMap<>(java.util.Map.of(200, 30L)), java.util.Map.of(), 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 36);
        PingSnapshot s = new PingSnapshot(List.of(fast, slow), 97, 0, 0, 0,
                Duration.ofSeconds(10), 9.7, 20, 1, List.of(), true, false, 0, false, null, 9.7,
                36);

        List<String> lines = printed(plan, s);

        assertThat(lines.get(0)).endsWith("req/s  not sent");
        assertThat(lines.get(1)).endsWith(" 0");
        assertThat(lines.get(2)).endsWith(" 36");
        // a run that sent them all has no such column
        assertThat(printed(plan, finished(2, 0, Duration.ofSeconds(2), 0.5, 0.5)).get(0))
                .doesNotContain("not sent");
    }

    /**
     * A stopped run's requests in flight at the stop: per URL in a column of their own, in all
     * on the run's line, and no failures (the share is of the 7 answered or failed); the CSV's
     * last column. A run with none has no such column.
     */
    @Test
    void aStoppedRunsAbandonedRequestsAreCountedPerUrlAndOnTheRunsLine() {
        io.webprobe.ping.PingResult a = new io.webprobe.ping.PingResult("http://a/", 5, 5, 0,
                new java.util.TreeMap<>(java.util.Map.of(200, 5L)), java.util.Map.of(), 1, 1, 0,
                1, 1, 1, 1, 1, 1, 1, 5, 0, 0, 0, 0.05, 0, 0, 1, 0, 0, 3);
        io.webprobe.ping.PingResult b = new io.webprobe.ping.PingResult("http://b/", 2, 1, 1,
                new java.util.TreeMap<>(java.util.Map.of(200, 1L, 503, 1L)), java.util.Map.of(),
                1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 2, 0, 0, 0, 0.02, 0, 0, 1, 0, 0, 0);
        PingSnapshot s = new PingSnapshot(List.of(a, b), 7, 1, 0, 0, Duration.ofSeconds(1), 7,
                0, 0.04, List.of(), true, true, 0, false, null, 0, 0);

        List<String> lines = printed(PLAN.withCount(100), s);

        assertThat(lines.get(0)).endsWith("req/s  abandoned");
        assertThat(lines.get(1)).startsWith("http://a/").endsWith(" 3");
        assertThat(lines.get(2)).startsWith("http://b/").endsWith(" 0");
        assertThat(lines).contains("Stopped after 7 requests in 1.00 s (7.0 req/s), 1 failed "
                + "(14.3%); 3 requests abandoned in flight at the stop.");
        List<io.webprobe.export.Column<io.webprobe.ping.PingResult>> csv =
                io.webprobe.export.PingCsv.SUMMARY;
        assertThat(csv.get(csv.size() - 1).header()).isEqualTo("abandoned");
        assertThat(csv.get(csv.size() - 1).cell(a)).isEqualTo("3");
        assertThat(printed(PLAN, finished(20, 0, Duration.ofMillis(500), 40, 0)))
                .noneMatch(l -> l.contains("abandoned"));
    }

    @Test
    void anOpenLoopSaysOneRateTheAchievedOne() {
        PingPlan plan = PLAN.withRate(0.5, Duration.ofSeconds(3));

        List<String> lines = printed(plan, finished(2, 0, Duration.ofSeconds(2), 0.5, 0.5));

        assertThat(lines).contains("Sent 2 requests in 2.00 s, 0 failed.");
        assertThat(String.join("\n", lines)).contains("target 0.5 req/s, achieved 0.5 req/s")
                .doesNotContain("1.0 req/s").doesNotContain("After the duration");
    }

    /**
     * The bug: a URL that answered twice in a minute read "0.0 req/s" in the table, the
     * summary line and the CSV, as if it had not answered; a slow rate keeps its digits now.
     */
    @Test
    void aSlowUrlsRateKeepsItsDigitsInTheTableTheSummaryAndTheCsv() {
        io.webprobe.ping.PingResult slow = new io.webprobe.ping.PingResult("http://a/", 2, 2, 0,
                new java.util.TreeMap<>(java.util.Map.of(200, 2L)), java.util.Map.of(), 1, 1, 0,
                1, 1, 1, 1, 1, 1, 1, 2 / 60.0, 0, 0, 0, 1, 0, 0, 1);
        PingSnapshot s = new PingSnapshot(List.of(slow), 2, 0, 0, 0, Duration.ofSeconds(60),
                2 / 60.0, 0, 1, List.of(), true, false, 0, false, null, 0, 0);

        List<String> lines = printed(PLAN.withDuration(Duration.ofSeconds(60)), s);

        assertThat(lines.get(1)).endsWith(" 0.0333");
        assertThat(lines).contains("Sent 2 requests in 00:01:00 (0.0333 req/s), 0 failed.");
        io.webprobe.export.Column<io.webprobe.ping.PingResult> rate =
                io.webprobe.export.PingCsv.SUMMARY.stream()
                        .filter(c -> c.header().equals("req_per_s")).findFirst().orElseThrow();
        assertThat(rate.cell(slow)).isEqualTo("0.0333");
        // from 1 up, one decimal as before (no thousands separator in the CSV)
        assertThat(io.webprobe.ping.PingResult.rateText(1234.56, false)).isEqualTo("1234.6");
        assertThat(io.webprobe.ping.PingResult.rateText(1234.56, true)).isEqualTo("1,234.6");
    }

    /**
     * The bug: a rate just under 1 req/s (a URL that timed out 3 times in a 3 s run, rated
     * over 3.003 s) rounded to three digits, 1.00, and lost its zeros: "1" in a column of
     * "100.0", where the rule writes a rate from 1 up with one decimal.
     */
    @Test
    void aRateJustUnderOneThatRoundsToOneIsWrittenAsOne() {
        assertThat(io.webprobe.ping.PingResult.rateText(0.9996, true)).isEqualTo("1.0");
        assertThat(io.webprobe.ping.PingResult.rateText(0.99999, false)).isEqualTo("1.0");
        assertThat(io.webprobe.ping.PingResult.rateText(0.9994, true)).isEqualTo("0.999");
        assertThat(io.webprobe.ping.PingResult.rateText(0.5, true)).isEqualTo("0.5");
    }

    /**
     * oha, hey and wrk all give the fastest and the mean response; the table gave neither
     * (only the CSV's min_ms and mean_ms, the Ping tab's hidden Min and Mean). A server of
     * 3 ms with a few 1 s stalls (a full listen queue): a mean of 8.46 ms beside a p50 of 2.96
     * says so. Two URLs of a 200-request run, HTTP/1.0 answers, fit 120 columns as before:
     * the unit is said once under the table, and the errors column is left out when no URL
     * had an error.
     */
    @Test
    void theTableGivesTheFastestAndTheMeanResponseWithin120Columns() {
        java.util.function.Function<String, io.webprobe.ping.PingResult> result = url ->
                new io.webprobe.ping.PingResult(url, 200, 200, 0,
                        new java.util.TreeMap<>(java.util.Map.of(200, 200L)), java.util.Map.of(),
                        0.287, 8.463, 58.459, 2.961, 8.839, 14.791, 59.423, 1278.231, 0, 0,
                        397.0, 0, 0, 0, 1, 0, 200, 59.423);
        PingSnapshot s = new PingSnapshot(List.of(result.apply("http://127.0.0.1:18300/"),
                result.apply("http://127.0.0.1:18300/index.html")), 400, 0, 0, 0,
                Duration.ofMillis(510), 791.3, 0, 1, List.of(), true, false, 0, false, null, 0,
                0);

        List<String> lines = printed(PLAN, s);

        assertThat(lines.get(0)).matches("URL +sent +ok +failed +codes +min +mean +p50 +p90 "
                + "+p99 +max +req/s +protocol");
        assertThat(lines.get(1)).contains(" 0.29  8.46  2.96  8.84  59.42  1,278.23  397.0 ");
        assertThat(lines.get(3)).isEqualTo("Latency in milliseconds (min, mean, p50, p90, p99, "
                + "max), over the requests that got a response.");
        assertThat(lines.subList(0, 3)).allMatch(l -> l.length() <= 120);
    }
}
