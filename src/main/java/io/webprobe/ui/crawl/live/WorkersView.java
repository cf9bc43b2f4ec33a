package io.webprobe.ui.crawl.live;

import io.webprobe.crawl.ActiveFetch;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;

/** What each worker is fetching now: one line per worker, with how long it has been at it. */
public final class WorkersView {
    private final ListView<ActiveFetch> list = new ListView<>();

    public WorkersView(LiveModel model) {
        list.setId("workers");
        list.setItems(model.workers());
        list.setFixedCellSize(22);
        list.setPlaceholder(new Label("No request in flight."));
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ListCell<>() {
            private final Tooltip tip = new Tooltip(); // one per cell, not one per update

            {
                // as wide as the list, not as the line: a long URL is cut in the middle (the
                // worker, its time and the end of the path stay), whole in the tooltip; it ran
                // past the pane's edge, behind a sideways scroll bar
                setPrefWidth(0);
                setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
            }

            @Override
            protected void updateItem(ActiveFetch f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : String.format(Locale.ROOT, "%s  %.1f s  %s",
                        f.worker().replace("crawl-worker-", "#"),
                        f.running().toMillis() / 1000.0, f.url()));
                tip.setText(empty || f == null ? null : f.url());
                setTooltip(empty || f == null ? null : tip);
            }
        });
    }

    public ListView<ActiveFetch> root() {
        return list;
    }
}
