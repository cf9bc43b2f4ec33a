package io.webprobe.ui.ping;

import io.webprobe.ping.PingResult;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the ping table: a target URL and its latest statistics, replaced a few times a
 * second. Created and changed on the FX thread.
 */
public final class PingRow {
    private final String url;
    private final ReadOnlyObjectWrapper<PingResult> result;

    PingRow(String url) {
        this.url = url;
        this.result = new ReadOnlyObjectWrapper<>(this, "result", empty(url));
    }

    public String url() {
        return url;
    }

    public ReadOnlyObjectProperty<PingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public PingResult result() {
        return result.get();
    }

    void update(PingResult r) {
        result.set(r);
    }

    private static PingResult empty(String url) {
        return new PingResult(url, 0, 0, 0, new TreeMap<>(), Map.of(), 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
