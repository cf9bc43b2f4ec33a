package io.webprobe.ui.ping;

import io.webprobe.ping.PingMode;
import io.webprobe.ui.common.UiState;

/**
 * The Ping tab's list and settings, remembered as they change and brought back when the app
 * opens, as the Crawl tab's are. Skipping certificate checks is not remembered: a run that
 * trusts anything is chosen anew each time. Nor are the headers: they carry tokens and
 * cookies, and a sign-in is never stored (ADR 0022); the settings file is plain text.
 */
public final class PingSettingsMemory {
    /** A longer list is not kept (the settings file is rewritten on each change). */
    static final int MAX_TARGETS_CHARS = 100_000;

    private PingSettingsMemory() {}

    /** Loads what was remembered into the view model, then remembers its changes. */
    public static void attach(PingViewModel vm, UiState memory) {
        String targets = memory.getString("ping.targets", "");
        if (!targets.isEmpty()) {
            vm.targetsProperty().set(targets);
            // which of its lines a crawl put there: not the user's own after a restart either
            vm.restoreTargetsFromCrawl(memory.getString("ping.targets.fromCrawl", ""));
            // its bad lines named at once, as a file's are when loaded, not at Start
            vm.showTargetProblems();
        }
        String method = memory.getString("ping.method", "GET");
        vm.methodProperty().set(method.equals("HEAD") ? "HEAD" : "GET");
        vm.modeProperty().set(mode(memory.getString("ping.mode", PingMode.COUNT.name())));
        vm.countProperty().set(clamp(memory.getInt("ping.count", vm.countProperty().get()), 1,
                PingLimits.MAX_COUNT));
        vm.durationSecondsProperty().set(clamp(memory.getInt("ping.duration",
                vm.durationSecondsProperty().get()), 1, PingLimits.MAX_DURATION_SECONDS));
        vm.rateProperty().set(clamp(memory.getDouble("ping.rate", vm.rateProperty().get()),
                PingLimits.MIN_RATE, PingLimits.MAX_RATE));
        vm.concurrencyProperty().set(clamp(memory.getInt("ping.concurrency",
                vm.concurrencyProperty().get()), 1, PingLimits.MAX_CONCURRENCY));
        vm.timeoutSecondsProperty().set(clamp(memory.getDouble("ping.timeout",
                vm.timeoutSecondsProperty().get()), PingLimits.MIN_TIMEOUT_SECONDS,
                PingLimits.MAX_TIMEOUT_SECONDS));
        vm.followRedirectsProperty().set(memory.getBoolean("ping.follow", false));
        vm.keepAliveProperty().set(memory.getBoolean("ping.keepAlive", true));
        vm.http2Property().set(memory.getBoolean("ping.http2", false));
        vm.certificateFileProperty().set(memory.getString("ping.certificate", ""));

        vm.targetsProperty().addListener((o, was, now) -> {
            boolean kept = now != null && now.length() <= MAX_TARGETS_CHARS;
            memory.putString("ping.targets", kept ? now : "");
            memory.putString("ping.targets.fromCrawl", kept ? vm.targetsFromCrawl() : "");
        });
        vm.methodProperty().addListener((o, was, now) -> memory.putString("ping.method", now));
        vm.modeProperty().addListener((o, was, now) -> memory.putString("ping.mode", now.name()));
        vm.countProperty().addListener((o, was, now) -> memory.putInt("ping.count",
                now.intValue()));
        vm.durationSecondsProperty().addListener((o, was, now) -> memory.putInt("ping.duration",
                now.intValue()));
        vm.rateProperty().addListener((o, was, now) -> memory.putDouble("ping.rate",
                now.doubleValue()));
        vm.concurrencyProperty().addListener((o, was, now) -> memory.putInt("ping.concurrency",
                now.intValue()));
        vm.timeoutSecondsProperty().addListener((o, was, now) -> memory.putDouble("ping.timeout",
                now.doubleValue()));
        vm.followRedirectsProperty().addListener((o, was, now) -> memory.putBoolean(
                "ping.follow", now));
        vm.keepAliveProperty().addListener((o, was, now) -> memory.putBoolean("ping.keepAlive",
                now));
        vm.http2Property().addListener((o, was, now) -> memory.putBoolean("ping.http2", now));
        vm.certificateFileProperty().addListener((o, was, now) -> memory.putString(
                "ping.certificate", now == null ? "" : now));
    }

    private static PingMode mode(String name) {
        for (PingMode m : PingMode.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return PingMode.COUNT;
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double clamp(double v, double min, double max) {
        return Double.isNaN(v) ? min : Math.max(min, Math.min(max, v));
    }
}
