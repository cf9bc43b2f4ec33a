package io.webprobe.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** A sentence over an empty chart. FX thread only. */
public final class ChartNote {
    /** The sentence's widest, and its least room from the plot's sides. */
    private static final double NOTE_WIDTH = 260;
    private static final double NOTE_MARGIN = 6;

    private ChartNote() {}

    /**
     * A chart with a sentence over it while it has nothing to draw: empty, its axes showed
     * made-up ranges (0 to 125 ms over 10 s; 0 to 1 response) as if measured. The sentence is
     * centred on the plot, no wider than it: centred on the whole chart, in a 1024 px window it
     * covered the axis's "50". The Ping tab's two charts and the Crawl tab's three.
     */
    public static StackPane over(Node chart, String id, String text,
            ObservableBooleanValue empty) {
        Label note = new Label(text);
        note.setId(id);
        note.setWrapText(true);
        note.setMouseTransparent(true);
        note.getStyleClass().add("chart-empty-note");
        note.visibleProperty().bind(empty);
        StackPane pane = new StackPane(chart) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (chart instanceof javafx.scene.Parent p) {
                    p.layout(); // its plot where it will be drawn, not where it was
                }
                Node plot = chart.lookup(".chart-plot-background");
                javafx.geometry.Bounds b = plot == null ? getLayoutBounds()
                        : sceneToLocal(plot.localToScene(plot.getLayoutBounds()));
                if (b == null) {
                    return;
                }
                double w = Math.max(0, Math.min(NOTE_WIDTH, b.getWidth() - 2 * NOTE_MARGIN));
                double h = Math.min(note.prefHeight(w), Math.max(0, b.getHeight()));
                note.resize(w, h);
                note.relocate(b.getMinX() + (b.getWidth() - w) / 2,
                        b.getMinY() + (b.getHeight() - h) / 2);
            }
        };
        note.setManaged(false); // placed on the plot by the pane above
        pane.getChildren().add(note);
        Node plot = chart.lookup(".chart-plot-background");
        if (plot != null) { // placed again when the plot moves (its axis labels widen)
            plot.layoutBoundsProperty().addListener(o -> pane.requestLayout());
            plot.localToSceneTransformProperty().addListener(o -> pane.requestLayout());
        }
        return pane;
    }
}
