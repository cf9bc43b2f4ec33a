package io.webprobe.ui.ping;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The Ping tab. The ping tester is the next piece of work; until then the tab says so. */
public final class PingView {
    private final VBox root;

    public PingView() {
        Label title = new Label("Ping tester");
        title.getStyleClass().add("placeholder-title");
        Label text = new Label("Concurrent HTTP checks of many URLs with latency percentiles "
                + "are coming in the next version of Webprobe.");
        text.setWrapText(true);
        root = new VBox(8, title, text);
        root.setAlignment(Pos.CENTER);
        root.setMaxWidth(480);
    }

    public Node root() {
        return root;
    }
}
