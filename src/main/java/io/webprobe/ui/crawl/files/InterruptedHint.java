package io.webprobe.ui.crawl.files;

import io.webprobe.store.CrawlStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * Once the window opens: says so when the most recent crawl was interrupted (Webprobe or the
 * computer stopped while it ran), so a user starting again after a crash finds it without
 * looking through File › Recent crawls. The file is looked at once, on a background thread
 * ({@link CrawlStore#interrupted}: two rows read). FX thread only.
 */
public final class InterruptedHint {
    private final Executor background;
    private final Executor fx;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private Path file;
    private boolean looked;
    private boolean withdrawn;

    public InterruptedHint(RecentCrawls recent, Executor background, Executor fx) {
        this.background = background;
        this.fx = fx;
        ListChangeListener<Path> listed = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends Path> c) {
                if (look(recent.files())) {
                    recent.files().removeListener(this);
                }
            }
        };
        if (!look(recent.files())) {
            recent.files().addListener(listed);
        }
    }

    /** Looks at the newest file once there is one; whether it did. */
    private boolean look(List<Path> files) {
        if (looked || withdrawn || files.isEmpty()) {
            return looked;
        }
        looked = true;
        Path last = files.getFirst();
        background.execute(() -> {
            if (CrawlStore.interrupted(last)) {
                fx.execute(() -> {
                    if (!withdrawn) {
                        file = last;
                        text.set("The last crawl, " + last.getFileName() + ", was interrupted "
                                + "before it finished (Webprobe or the computer stopped).");
                    }
                });
            }
        });
        return true;
    }

    /** The sentence, or "" when there is nothing to say. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The interrupted crawl's file, or null. */
    public Path file() {
        return file;
    }

    /** Taken, declined, or another crawl shown: nothing more is said. */
    public void withdraw() {
        withdrawn = true;
        text.set("");
    }
}
