package io.webprobe.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.scene.control.ProgressBar;

/**
 * The progress bar of a tab's run (a crawl, a ping test): as wide as its place, shown while the
 * run goes and after it, until a new one starts from nothing; hidden before the first.
 */
public final class RunProgress {
    private RunProgress() {}

    /** The bar of {@code progress} (-1: not yet known), shown while running or past 0. */
    public static ProgressBar bar(String id, ReadOnlyDoubleProperty progress,
            ReadOnlyBooleanProperty running) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(progress);
        bar.visibleProperty().bind(running.or(progress.greaterThan(0)));
        return bar;
    }
}
