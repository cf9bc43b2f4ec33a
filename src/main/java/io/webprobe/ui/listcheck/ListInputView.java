package io.webprobe.ui.listcheck;

import io.webprobe.ui.common.DialogService;
import io.webprobe.ui.common.FieldError;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** List mode's input: the URLs (one per line), a button to load them from a file, a summary. */
public final class ListInputView {
    private final VBox root;

    /**
     * @param disabled true while a check runs
     */
    public ListInputView(ListInputModel model, DialogService dialogs,
            javafx.beans.value.ObservableBooleanValue disabled) {
        TextArea text = io.webprobe.ui.common.TabKey.movesFocus(new TextArea());
        text.setId("listInput");
        // one line: a prompt's line breaks are dropped (it read "…example.com/example.com/about#…")
        text.setPromptText("One URL per line, like https://example.com/about; # starts a comment");
        text.setPrefRowCount(5);
        text.textProperty().bindBidirectional(model.textProperty());
        text.disableProperty().bind(disabled);
        Button load = new Button("Load from file…");
        load.setId("listLoad");
        load.disableProperty().bind(disabled);
        load.setOnAction(e -> dialogs.chooseOpenFile("Load a list of URLs").ifPresent(model::load));
        Label summary = new Label();
        summary.setId("listSummary");
        summary.textProperty().bind(model.summaryProperty());
        // a long sentence wraps (the prompt read "Paste URLs, one per lin…" at 1000×700); it
        // must not widen the bar; the lines skipped are in the tooltip
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        summary.setPrefWidth(100);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> model.skippedProperty()
                .get().isEmpty() ? model.summaryProperty().get()
                        : model.summaryProperty().get() + "\n" + model.skippedProperty().get(),
                model.summaryProperty(), model.skippedProperty()));
        tip.setWrapText(true);
        tip.setMaxWidth(700);
        summary.setTooltip(tip);
        Label error = FieldError.label("listError", model.errorProperty());
        error.setMinWidth(0);
        error.setPrefWidth(100);
        HBox bar = new HBox(8, load, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, text, bar, error);
        root.setPrefWidth(320); // grows with the window, like the URL field
        root.setMinWidth(160);
        text.setPrefWidth(320);
    }

    public Node root() {
        return root;
    }
}
