package io.webprobe.ui.crawl;

import io.webprobe.ui.common.NoteLine;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Crawl tab's offers, each a sentence and its buttons on a line that takes room only while
 * it has something to say: to resume an unfinished crawl (beside the progress bar), to open the
 * crawl the last session left interrupted, and that the crawl shown is not kept. Binds to
 * {@link CrawlViewModel}.
 */
final class CrawlOffers {
    private final CrawlViewModel vm;

    CrawlOffers(CrawlViewModel vm) {
        this.vm = vm;
    }

    /**
     * The offer to resume an unfinished crawl: on the progress bar's line, at its right, taking
     * room only while there is an offer. (An overlay sliding over the workspace covered the
     * tabs and the search field, and took the workspace out of its margins; a line of its own
     * above the workspace took ~45 px, and the open settings scrolled in a window of the
     * default size.) With the settings open it also says what the note over them would: they
     * are the crawl's own, and "Not now" unlocks them (for a new crawl).
     */
    Region resumeBar(javafx.beans.value.ObservableBooleanValue settingsOpen) {
        javafx.scene.control.Button resume = NoteLine.button("resumeButton", "Resume",
                "", vm::resume);
        resume.textProperty().bind(vm.resumeActionProperty());
        resume.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.when(
                vm.resumeActionProperty().isEqualTo("Resume"))
                .then("Continue this crawl where it stopped, with its own settings and the "
                        + "threads shown")
                .otherwise("Continue this crawl from the new URLs, with its own settings and "
                        + "the threads shown; what it crawled stays"));
        javafx.beans.binding.StringExpression sentence = javafx.beans.binding.Bindings.when(
                javafx.beans.binding.Bindings.createBooleanBinding(settingsOpen::get,
                        settingsOpen).and(vm.crawlSettingsShownProperty()))
                .then(javafx.beans.binding.Bindings.concat(vm.resumeOfferProperty(),
                        " The settings above are its own, kept by ", vm.resumeActionProperty(),
                        "; Not now unlocks them."))
                .otherwise(vm.resumeOfferProperty());
        Region bar = NoteLine.saying("resume", vm.resumeOfferProperty(), sentence, resume,
                NoteLine.button("resumeDismiss", "Not now", "Hide this offer; the crawl stays "
                        + "open for reading, its settings editable for a new crawl",
                        vm::declineResume));
        bar.getStyleClass().add("compact");
        return bar;
    }

    /** Said once the window opens when the last crawl was interrupted (a crash, a kill). */
    Region interruptedBar() {
        Region bar = NoteLine.saying("interrupted", vm.interruptedHintProperty(),
                vm.interruptedHintProperty(),
                NoteLine.button("interruptedOpen", "Open it", "Open the interrupted crawl; "
                        + "Resume then continues it where it was", vm::openInterrupted),
                NoteLine.button("interruptedDismiss", "Not now", "Hide this; the crawl stays "
                        + "in File › Recent crawls", vm::dismissInterrupted));
        VBox.setMargin(bar, new Insets(0, 10, 6, 10));
        return bar;
    }

    /**
     * Said while the crawl shown is in a temporary file because the crawls folder cannot take
     * crawl files: why, and that it is not kept.
     */
    Region notKeptBar() {
        Region bar = NoteLine.saying("notKept", vm.notKeptProperty(), vm.notKeptProperty(),
                NoteLine.button("notKeptDismiss", "Hide", "Hide this; the crawl is still not "
                        + "kept", vm::dismissNotKept));
        VBox.setMargin(bar, new Insets(0, 10, 6, 10));
        return bar;
    }

    /** The height a line above the workspace takes with its margin, 0 while it is hidden. */
    static DoubleBinding shownHeight(Region bar) {
        return Bindings.createDoubleBinding(() -> bar.isManaged() ? bar.getHeight()
                + VBox.getMargin(bar).getTop() + VBox.getMargin(bar).getBottom() : 0,
                bar.managedProperty(), bar.heightProperty());
    }
}
