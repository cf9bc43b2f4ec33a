package io.webprobe.ui.crawl.live;

import io.webprobe.crawl.ActiveFetch;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

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
            @Override
            protected void updateItem(ActiveFetch f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : String.format(Locale.ROOT, "%s  %.1f s  %s",
                        f.worker().replace("crawl-worker-", "#"),
                        f.running().toMillis() / 1000.0, f.url()));
            }
        });
    }

    public ListView<ActiveFetch> root() {
        return list;
    }
}
