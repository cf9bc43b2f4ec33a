package io.webprobe.ui.ping;

import io.webprobe.ui.common.RunProgress;
import io.webprobe.ui.common.Spinners;
import io.webprobe.ui.common.StatusLine;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Ping tab: the URL list and settings on the left; the live table ({@link PingTable}) and
 * the charts ({@link PingCharts}: the latency per second and the selected URL's histogram) on
 * the right; a status bar. Only binds to {@link PingViewModel}.
 */
public final class PingView {
    private static final javafx.scene.input.KeyCombination START =
            io.webprobe.ui.common.Shortcuts.START;
    private final PingViewModel vm;
    private final BorderPane root = new BorderPane();

    public PingView(PingViewModel vm) {
        this.vm = vm;
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::handleKey);
        root.setLeft(new PingControls(vm).root());
        root.setCenter(results());
        // the run's one status line, live while it runs, as the Crawl tab's; its end wraps, as
        // the Compare tab's does: cut to one line it read "…still waiting for an answer when
        // the time ra..." at 1,000 px; under a message that follows it (an export's) it stays
        root.setBottom(StatusLine.wrapping("pingStatus", vm.statusLineProperty()));
    }

    public Node root() {
        return root;
    }

    /**
     * The tab's keys, as the Crawl tab's: Ctrl+Enter starts (Enter is a new line in the list
     * of URLs), Esc stops a running test; for a key pressed inside the tab or, while the tab is
     * shown, on its tab header (the main window forwards those). The tab had none: from the
     * keyboard a test was started by tabbing to Start, and Esc stopped nothing.
     */
    public void handleKey(javafx.scene.input.KeyEvent e) {
        if (START.match(e)) {
            if (!vm.runningProperty().get()) {
                // as a click on Start does, the box being typed in commits (or reverts) first
                Spinners.commitFocused(root.getScene());
                vm.start();
            }
            e.consume();
        } else if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE
                && vm.runningProperty().get()) {
            vm.stop();
            e.consume();
        }
    }

    /**
     * Puts URLs in the list (from the Crawl tab's "Ping these"), asking before it replaces the
     * user's own.
     *
     * @return false when the user cancelled
     */
    public boolean setTargets(List<String> urls) {
        return vm.setTargets(urls);
    }

    /** Lets the main window's menu reuse the tab's export action. */
    public void exportCsv() {
        vm.exportCsv();
    }

    /** Whether the tab has a run to export: its menu item is greyed as its button is. */
    public javafx.beans.value.ObservableBooleanValue exportableProperty() {
        return vm.exportableProperty();
    }

    private Node results() {
        ProgressBar progress = RunProgress.bar("pingProgress", vm.progressProperty(),
                vm.runningProperty());
        // a ProgressBar's minimum height is 0, and the VBox gives the split pane below (whose
        // preferred height is more than the tab has) its room first: the bar, "visible", was
        // squeezed to 0 px and never seen, during a run or after
        progress.setMinHeight(Region.USE_PREF_SIZE);
        // its room is kept while it is hidden (before the first run), unlike the Crawl tab's:
        // the table does not move when a run starts (PingColumnsWindowTest)

        SplitPane split = new SplitPane(new PingTable(vm).node(), new PingCharts(vm).node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(6, progress, split);
        box.setPadding(new Insets(10, 10, 6, 0));
        return box;
    }
}
