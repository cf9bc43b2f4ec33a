package io.webprobe.ui.ping;

import io.webprobe.ping.PingHeaders;
import io.webprobe.ping.PingMode;
import io.webprobe.ping.PingPlan;
import io.webprobe.ping.TargetList;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Ping tab's settings as the user edits them (the list of URLs is {@link PingTargets}'),
 * and the plan they make of a list when Start is pressed ({@link #plan}), a bad value named in
 * one sentence. HTTP/2 and keep-alive go together. Lives on the FX thread, like its {@link
 * PingViewModel}.
 */
final class PingSettingsForm {
    private final ObjectProperty<String> method = new SimpleObjectProperty<>(this, "method", "GET");
    private final ObjectProperty<PingMode> mode =
            new SimpleObjectProperty<>(this, "mode", PingMode.COUNT);
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", 10);
    private final IntegerProperty durationSeconds =
            new SimpleIntegerProperty(this, "durationSeconds", 10);
    private final DoubleProperty rate = new SimpleDoubleProperty(this, "rate", 20);
    private final IntegerProperty concurrency =
            new SimpleIntegerProperty(this, "concurrency", PingPlan.DEFAULT_CONCURRENCY);
    private final DoubleProperty timeoutSeconds =
            new SimpleDoubleProperty(this, "timeoutSeconds", 10);
    private final BooleanProperty followRedirects =
            new SimpleBooleanProperty(this, "followRedirects");
    private final BooleanProperty keepAlive = new SimpleBooleanProperty(this, "keepAlive", true);
    private final BooleanProperty http2 = new SimpleBooleanProperty(this, "http2");
    private final BooleanProperty insecure = new SimpleBooleanProperty(this, "insecure");
    private final StringProperty certificateFile =
            new SimpleStringProperty(this, "certificateFile", "");
    /** Extra request headers, "Name: value" one per line (the command line's -H). */
    private final StringProperty headers = new SimpleStringProperty(this, "headers", "");

    PingSettingsForm() {
        // HTTP/2 keeps its connections open: asking for it asks for keep-alive, and turning
        // keep-alive off turns it off (never a plan the engine refuses)
        http2.addListener((o, a, on) -> {
            if (on) {
                keepAlive.set(true);
            }
        });
        keepAlive.addListener((o, a, on) -> {
            if (!on) {
                http2.set(false);
            }
        });
    }

    ObjectProperty<String> method() { return method; }
    ObjectProperty<PingMode> mode() { return mode; }
    IntegerProperty count() { return count; }
    IntegerProperty durationSeconds() { return durationSeconds; }
    DoubleProperty rate() { return rate; }
    IntegerProperty concurrency() { return concurrency; }
    DoubleProperty timeoutSeconds() { return timeoutSeconds; }
    BooleanProperty followRedirects() { return followRedirects; }
    BooleanProperty keepAlive() { return keepAlive; }
    BooleanProperty http2() { return http2; }
    BooleanProperty insecure() { return insecure; }
    StringProperty certificateFile() { return certificateFile; }
    StringProperty headers() { return headers; }

    /**
     * The plan of a test of the list's URLs with these settings.
     *
     * @throws IllegalArgumentException with a sentence naming the bad setting (no full stop)
     */
    PingPlan plan(TargetList list, String userAgent) {
        PingPlan p = PingPlan.of(list.urls(), userAgent)
                .withRequestTargets(list.requestTargets())
                .withMethod(method.get())
                .withConcurrency(concurrency.get())
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds.get() * 1000)))
                .withFollowRedirects(followRedirects.get())
                .withHeaders(headerList())
                .withKeepAlive(keepAlive.get())
                .withHttp2(http2.get());
        Duration d = Duration.ofSeconds(durationSeconds.get());
        return switch (mode.get()) {
            case COUNT -> p.withCount(count.get());
            case DURATION -> p.withDuration(d);
            case RATE -> p.withRate(rate.get(), d);
        };
    }

    /** The Headers box's headers; a bad one is named after the box (no full stop). */
    private List<io.webprobe.http.Header> headerList() {
        try {
            return PingHeaders.ofLines(headers.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Settings › Headers: " + e.getMessage(), e);
        }
    }

    /** The certificates a run started now trusts. */
    PingTrust trust() {
        return new PingTrust(insecure.get(), insecure.get() ? "" : certificateFile.get().strip());
    }
}
