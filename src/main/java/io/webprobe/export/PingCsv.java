package io.webprobe.export;

import io.webprobe.http.ErrorKind;
import io.webprobe.ping.PingResult;
import io.webprobe.ping.RequestRecord;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/** The column layouts of the ping exports, shared by the GUI and the CLI. */
public final class PingCsv {
    private PingCsv() {}

    /** Per-URL summary. Times in milliseconds with three decimals (µs resolution). */
    public static final List<Column<PingResult>> SUMMARY = List.of(
            new Column<>("url", PingResult::url),
            new Column<>("sent", PingResult::sent),
            new Column<>("ok", PingResult::ok),
            new Column<>("failed", PingResult::failed),
            new Column<>("status_counts", PingCsv::statusCounts),
            new Column<>("error_counts", PingCsv::errorCounts),
            new Column<>("min_ms", r -> ms(r, r.minMillis())),
            new Column<>("mean_ms", r -> ms(r, r.meanMillis())),
            new Column<>("stddev_ms", r -> ms(r, r.stddevMillis())),
            new Column<>("p50_ms", r -> ms(r, r.p50Millis())),
            new Column<>("p90_ms", r -> ms(r, r.p90Millis())),
            new Column<>("p95_ms", r -> ms(r, r.p95Millis())),
            new Column<>("p99_ms", r -> ms(r, r.p99Millis())),
            new Column<>("max_ms", r -> ms(r, r.maxMillis())),
            // empty for a URL not requested (it could not be set up): it has no rate
            new Column<>("req_per_s", r -> r.hasRate()
                    ? PingResult.rateText(r.requestsPerSecond(), false) : ""),
            new Column<>("bytes", PingResult::bytes),
            new Column<>("protocol", PingResult::protocol),
            // last, so scripts reading the columns by place keep working: a --rate run's
            // requests to this URL the schedule could not send (as the Ping tab's Not sent)
            new Column<>("not_sent", PingResult::notSent),
            // after it, for the same reason: the requests to this URL in flight when the run
            // was stopped, whose answers were not waited for (not in sent, not failures)
            new Column<>("abandoned", PingResult::abandoned));

    /** Header of the per-request log. */
    public static final String[] REQUEST_HEADER = {
        "seq", "url", "start_epoch_ms", "intended_offset_ms", "status", "latency_ms",
        "service_ms", "bytes", "error_class", "error_message"
    };

    /**
     * The error_class of a request a stop abandoned in flight ({@link RequestRecord#abandoned}):
     * no failure, as the summary's abandoned column counts it.
     */
    public static final String ABANDONED = "ABANDONED";
    /** The error_message of such a request. */
    public static final String ABANDONED_MESSAGE =
            "Still in flight when the run was stopped; its answer was not waited for";

    /**
     * One line of the per-request log. A request a stop abandoned has its number, URL, send
     * time and intended start, no status, times or bytes, and {@link #ABANDONED}.
     */
    public static String[] requestRow(RequestRecord r, String[] into) {
        into[0] = Long.toString(r.seq());
        into[1] = r.url();
        into[2] = Long.toString(r.startEpochMillis());
        into[3] = String.format(Locale.ROOT, "%.3f", r.intendedOffsetMillis());
        if (r.abandoned()) {
            java.util.Arrays.fill(into, 4, 8, "");
            into[8] = ABANDONED;
            into[9] = ABANDONED_MESSAGE;
            return into;
        }
        into[4] = r.status() > 0 ? Integer.toString(r.status()) : "";
        into[5] = String.format(Locale.ROOT, "%.3f", r.latencyMillis());
        into[6] = String.format(Locale.ROOT, "%.3f", r.serviceMillis());
        into[7] = Long.toString(r.bytes());
        into[8] = r.error() == null ? "" : r.error().name();
        into[9] = r.errorMessage();
        return into;
    }

    /**
     * The status_counts field: "200:98 503:2", code and count joined by a colon and the pairs
     * by a space, in ASCII, as vegeta's report writes them ({@code code:count}); the tables'
     * "200×98" had a multiplication sign a script's split had to be told about.
     */
    public static String statusCounts(PingResult r) {
        return counts(r.statusCounts(), String::valueOf);
    }

    /** The error_counts field: "TIMEOUT:2 REFUSED:1", as {@link #statusCounts}. */
    public static String errorCounts(PingResult r) {
        return counts(r.errorCounts(), ErrorKind::name);
    }

    private static <K> String counts(Map<K, Long> counts, Function<K, String> name) {
        StringJoiner j = new StringJoiner(" ");
        counts.forEach((k, n) -> j.add(name.apply(k) + ":" + n));
        return j.toString();
    }

    private static String ms(PingResult r, double v) {
        return r.hasLatency() ? String.format(Locale.ROOT, "%.3f", v) : "";
    }
}
