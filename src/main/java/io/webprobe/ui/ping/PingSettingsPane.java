package io.webprobe.ui.ping;

import io.webprobe.ping.PingMode;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.common.Tips;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The Ping tab's settings under the URL list: method, mode and the rows of that mode (requests
 * per URL, rate, duration), concurrency, timeout, redirects, keep-alive and HTTP/2, headers,
 * and the certificates trusted. Disabled while a test runs. Binds to {@link PingViewModel}.
 */
final class PingSettingsPane {
    private final PingViewModel vm;
    private final GridPane settings = new GridPane();

    PingSettingsPane(PingViewModel vm) {
        this.vm = vm;
        ComboBox<String> method = new ComboBox<>();
        method.setId("pingMethod");
        method.getItems().addAll("GET", "HEAD");
        method.valueProperty().bindBidirectional(vm.methodProperty());

        ComboBox<PingMode> mode = new ComboBox<>();
        mode.setId("pingMode");
        mode.getItems().addAll(PingMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(PingMode m) {
                return m == null ? "" : switch (m) {
                    case COUNT -> "Requests per URL";
                    case DURATION -> "For a duration";
                    // "(open loop)" went to the tooltip: at 960×640 the box read
                    // "Fixed rate (open l…"
                    case RATE -> "Fixed rate";
                };
            }

            @Override
            public PingMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(vm.modeProperty());
        Tooltip modeTip = Tips.wrapped("Requests per URL, For a duration: a closed loop, each "
                + "worker sends its next request when the previous one is answered.\n"
                + "Fixed rate: an open loop at the rate given in total; each request has an "
                + "intended start time, and latency is measured from it, so a stalled server "
                + "shows in p99. Requests that could not be sent on time are counted.");
        mode.setTooltip(modeTip);

        Spinner<Integer> count = intSpinner("pingCount", 1, PingLimits.MAX_COUNT,
                vm.countProperty().get());
        count.valueProperty().addListener((o, a, b) -> vm.countProperty().set(b));
        Spinner<Integer> duration = intSpinner("pingDuration", 1,
                PingLimits.MAX_DURATION_SECONDS, vm.durationSecondsProperty().get());
        duration.valueProperty().addListener((o, a, b) -> vm.durationSecondsProperty().set(b));
        Spinner<Double> rate = decimalSpinner("pingRate", PingLimits.MIN_RATE,
                PingLimits.MAX_RATE, vm.rateProperty().get());
        rate.valueProperty().addListener((o, a, b) -> vm.rateProperty().set(b));
        Spinner<Integer> concurrency = intSpinner("pingConcurrency", 1,
                PingLimits.MAX_CONCURRENCY, vm.concurrencyProperty().get());
        concurrency.valueProperty().addListener((o, a, b) -> vm.concurrencyProperty().set(b));
        Spinner<Double> timeout = decimalSpinner("pingTimeout", PingLimits.MIN_TIMEOUT_SECONDS,
                PingLimits.MAX_TIMEOUT_SECONDS, vm.timeoutSecondsProperty().get());
        timeout.valueProperty().addListener((o, a, b) -> vm.timeoutSecondsProperty().set(b));

        CheckBox follow = new CheckBox("Follow redirects");
        follow.setId("pingFollow");
        follow.selectedProperty().bindBidirectional(vm.followRedirectsProperty());
        CheckBox keepAlive = new CheckBox("Keep-alive");
        keepAlive.setId("pingKeepAlive");
        keepAlive.selectedProperty().bindBidirectional(vm.keepAliveProperty());
        CheckBox http2 = new CheckBox("HTTP/2 (https URLs)");
        http2.setId("pingHttp2");
        http2.selectedProperty().bindBidirectional(vm.http2Property());
        http2.setTooltip(Tips.wrapped("Ask https URLs for HTTP/2, as oha --http2 and curl --http2 "
                + "do; a server without it is pinged over HTTP/1.1, and the table's HTTP column "
                + "says which answered (2 or 1.1). Needs keep-alive."));

        settings.setHgap(8);
        settings.setVgap(6);
        Label headersLabel = new Label("Headers");
        TextArea headers = headersBox();
        Label trust = new Label("Trust certificate");
        trust.setMinWidth(Region.USE_PREF_SIZE);
        TextField certificate = certificateField();
        Button choose = chooseCertificate(certificate);
        CheckBox insecure = insecureBox();
        // the rows in order, those of other modes left out: a hidden row of a GridPane still
        // takes its gap, and "For a duration" opened with an empty band above Duration
        Runnable layout = () -> {
            PingMode m = vm.modeProperty().get();
            settings.getChildren().clear();
            int row = 0;
            settings.addRow(row++, new Label("Method"), method);
            settings.addRow(row++, new Label("Mode"), mode);
            if (m == PingMode.COUNT) {
                settings.addRow(row++, new Label("Requests/URL"), count);
            }
            if (m == PingMode.RATE) {
                settings.addRow(row++, new Label("Rate (req/s)"), rate);
            }
            if (m != PingMode.COUNT) {
                settings.addRow(row++, new Label("Duration (s)"), duration);
            }
            settings.addRow(row++, new Label("Concurrency"), concurrency);
            settings.addRow(row++, new Label("Timeout (s)"), timeout);
            settings.add(follow, 0, row++, 2, 1);
            // side by side (HTTP/2 needs keep-alive), HTTP/2 in line with the boxes above: a
            // row less, so Fixed rate's settings fit the smallest window (960×640) without
            // scrolling, where "Skip certificate checks" was below the pane's edge
            settings.addRow(row++, keepAlive, http2);
            // beside its label, as the boxes above: a row of its own pushed the status bar
            // out of the smallest window
            settings.addRow(row++, headersLabel, headers);
            settings.addRow(row++, trust, choose);
            settings.add(certificate, 0, row++, 2, 1);
            settings.add(insecure, 0, row, 2, 1);
        };
        layout.run();
        vm.modeProperty().addListener((o, was, now) -> layout.run());
        settings.disableProperty().bind(vm.runningProperty());
    }

    Node root() {
        return settings;
    }

    /** -H: extra request headers, "Name: value" one per line. */
    private TextArea headersBox() {
        TextArea box = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        box.setId("pingHeaders");
        box.setPromptText("Name: value");
        box.setPrefRowCount(2);
        box.setPrefWidth(120); // the spinners' width: the column stays as it was
        box.setWrapText(false);
        box.setTooltip(Tips.wrapped("Request headers sent with every request (a token, a "
                + "cookie), as ping -H does: one 'Name: value' per line; 'Name:' with no "
                + "value leaves that header out, as curl does (Accept:, User-Agent:), and "
                + "'Name;' sends it with an empty value. Kept "
                + "while the window is open, never saved."));
        box.textProperty().bindBidirectional(vm.headersProperty());
        return box;
    }

    /** --cacert: a PEM file trusted besides the usual authorities, typed or chosen. */
    private TextField certificateField() {
        TextField file = new TextField();
        file.setId("pingCaCertFile");
        file.setPromptText("none");
        file.setTooltip(Tips.wrapped("A PEM file of certificates to trust besides the usual "
                + "authorities: a staging or intranet site's self-signed certificate, or its "
                + "private authority's. Host names are still checked."));
        file.textProperty().bindBidirectional(vm.certificateFileProperty());
        file.disableProperty().bind(vm.insecureProperty());
        return file;
    }

    private Button chooseCertificate(TextField file) {
        Button choose = new Button("Choose…");
        choose.setId("pingCaCertChoose");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> vm.chooseCertificateFile());
        choose.disableProperty().bind(file.disableProperty());
        return choose;
    }

    /** --insecure. */
    private CheckBox insecureBox() {
        CheckBox box = new CheckBox("Skip certificate checks (insecure)");
        box.setId("pingInsecure");
        box.setTooltip(Tips.wrapped("Accept any certificate for any host name, as for a test "
                + "server: nothing proves the site is the one named"));
        box.selectedProperty().bindBidirectional(vm.insecureProperty());
        return box;
    }
    private static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = Spinners.whole(id, min, max, value);
        s.setPrefWidth(120);
        return s;
    }

    private static Spinner<Double> decimalSpinner(String id, double min, double max,
            double value) {
        Spinner<Double> s = Spinners.decimal(id, min, max, value, 1);
        s.setPrefWidth(120);
        return s;
    }
}
