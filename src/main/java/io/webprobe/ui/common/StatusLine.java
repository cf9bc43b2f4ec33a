package io.webprobe.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/**
 * A tab's status bar: one line of text, the whole of it in a tooltip when the window is too
 * narrow to show it (a long fixed-rate ping summary, a long error sentence).
 */
public final class StatusLine {
    private StatusLine() {}

    /** A one-line status bar: for a sentence that changes while something runs. */
    public static StatusBar of(String id, ObservableValue<String> text) {
        return withText(new StatusBar(), id, text);
    }

    /**
     * A status bar whose text wraps onto more lines when the window is too narrow for it, the
     * bar growing to hold them: for a sentence that is read once, at the end of something (a
     * comparison's summary, a ping run's), not for one that changes every second.
     */
    public static StatusBar wrapping(String id, ObservableValue<String> text) {
        return withText(new Wrapping(), id, text);
    }

    private static StatusBar withText(StatusBar bar, String id, ObservableValue<String> text) {
        bar.setId(id);
        // nothing to do there, and no mark of the focus: Tab stopped on it unseen, after the
        // URL table and the Charts tab
        bar.setFocusTraversable(false);
        bar.textProperty().bind(text);
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        whole.setShowDuration(Duration.seconds(30));
        whole.textProperty().bind(text);
        bar.tooltipProperty().bind(Bindings.when(Bindings.createBooleanBinding(
                () -> text.getValue() != null && !text.getValue().isBlank(), text))
                .then(whole).otherwise((Tooltip) null));
        return bar;
    }

    /**
     * A StatusBar whose label wraps. Its skin asks its children for their height at their
     * widest (one line), and its stylesheet fixes it at 30 px: this one is as tall as its
     * label's lines at the width it is given, 30 px at least (one line, as the others).
     */
    static final class Wrapping extends StatusBar {
        /** The height statusbar.css gives a status bar: one line. */
        private static final double ONE_LINE = 30;

        Wrapping() {
            // statusbar.css sets 30px, and a user-agent sheet's value outlives a setter's -1
            // (the value it had); an inline style does not (the skin gives it to the label too,
            // where -1 is its own default)
            setStyle("-fx-pref-height: -1;");
            setMinHeight(Region.USE_PREF_SIZE);
            skinProperty().addListener(o -> {
                Label l = label();
                if (l != null) {
                    l.setWrapText(true);
                    l.setMinWidth(0);
                    l.setMinHeight(Region.USE_PREF_SIZE);
                }
            });
        }

        private Label label() {
            return getSkin() != null && getSkin().getNode().lookup(".status-label") instanceof Label l
                    ? l : null;
        }

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = Math.max(ONE_LINE, super.computePrefHeight(width));
            Label l = label();
            if (width <= 0 || l == null) {
                return h;
            }
            double beside = snappedLeftInset() + snappedRightInset();
            for (Node n : getLeftItems()) {
                beside += n.prefWidth(-1);
            }
            for (Node n : getRightItems()) {
                beside += n.prefWidth(-1);
            }
            double lines = l.prefHeight(Math.max(1, width - beside));
            return Math.max(h, snappedTopInset() + lines + snappedBottomInset());
        }
    }
}
