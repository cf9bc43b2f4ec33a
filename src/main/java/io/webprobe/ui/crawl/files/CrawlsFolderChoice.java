package io.webprobe.ui.crawl.files;

import io.webprobe.ui.common.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * File › Crawls folder…: says where new crawls are saved and lets the user pick another folder
 * (or go back to the standard one). A folder that cannot take crawl files is refused with one
 * sentence and the folder stays as it was; the check runs on a background thread.
 */
public final class CrawlsFolderChoice {
    static final String TITLE = "Crawls folder";
    static final String CHOOSE = "Choose another folder…";
    static final String STANDARD = "Use the standard folder";

    private final CrawlsFolder folder;
    private final DialogService dialogs;
    private final Executor background;
    private final Executor fx;
    private final Runnable changed;

    /**
     * @param changed told on the FX thread when new crawls go to another folder
     */
    public CrawlsFolderChoice(CrawlsFolder folder, DialogService dialogs, Executor background,
            Executor fx, Runnable changed) {
        this.folder = folder;
        this.dialogs = dialogs;
        this.background = background;
        this.fx = fx;
        this.changed = changed;
    }

    /** Asks (FX thread). */
    public void ask() {
        Path now = folder.get();
        List<String> choices = folder.isStandard() ? List.of(CHOOSE) : List.of(CHOOSE, STANDARD);
        Optional<String> answer = dialogs.choose(TITLE, "New crawls are saved in " + now
                + ". Crawls saved before stay where they are.", choices);
        if (answer.isEmpty()) {
            return;
        }
        if (answer.get().equals(STANDARD)) {
            use(folder.standard(), now);
            return;
        }
        dialogs.chooseFolder("Where new crawls are saved", now).ifPresent(p -> use(p, now));
    }

    private void use(Path chosen, Path before) {
        background.execute(() -> {
            String why = CrawlsFolder.whyNotUsable(chosen);
            fx.execute(() -> {
                if (why != null) {
                    dialogs.showError(TITLE, "Crawls cannot be saved in " + chosen + ": " + why
                            + ". New crawls still go to " + before + ".");
                    return;
                }
                folder.use(chosen);
                changed.run();
            });
        });
    }
}
