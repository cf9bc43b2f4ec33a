package io.webprobe.ui.crawl.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.FakeDialogs;
import io.webprobe.ui.common.UiState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File › Crawls folder…: what it says, what it keeps, what it refuses. */
class CrawlsFolderChoiceTest {
    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final UiState memory = UiState.inMemory();
    private final AtomicInteger changes = new AtomicInteger();

    private CrawlsFolder folder() {
        return new CrawlsFolder(memory, dir.resolve("standard"));
    }

    private void ask(CrawlsFolder folder) {
        new CrawlsFolderChoice(folder, dialogs, NOW, NOW, changes::incrementAndGet).ask();
    }

    @Test
    void aChosenFolderTakesNewCrawlsAndIsRememberedAcrossLaunches() throws Exception {
        Path mine = Files.createDirectory(dir.resolve("mine"));
        dialogs.folderAnswers.add(mine);

        ask(folder());

        assertThat(dialogs.details).containsExactly(
                "choose: New crawls are saved in " + dir.resolve("standard") + ". Crawls saved "
                        + "before stay where they are.",
                "chooseFolder: Where new crawls are saved (from " + dir.resolve("standard")
                        + ")");
        assertThat(folder().get()).isEqualTo(mine); // a new launch reads the same memory
        assertThat(folder().isStandard()).isFalse();
        assertThat(changes).hasValue(1);
        try (var left = Files.list(mine)) {
            assertThat(left).as("the check's file is gone").isEmpty();
        }
    }

    @Test
    void aFolderNotYetMadeIsMade() {
        Path later = dir.resolve("a/b/crawls");
        dialogs.folderAnswers.add(later);

        ask(folder());

        assertThat(later).isDirectory();
        assertThat(folder().get()).isEqualTo(later);
    }

    @Test
    void theStandardFolderIsOfferedBackOnceAnotherIsChosen() throws Exception {
        Path mine = Files.createDirectory(dir.resolve("mine"));
        CrawlsFolder f = folder();
        f.use(mine);
        dialogs.choiceAnswer = CrawlsFolderChoice.STANDARD;

        ask(f);

        assertThat(dialogs.details).containsExactly("choose: New crawls are saved in " + mine
                + ". Crawls saved before stay where they are.");
        assertThat(f.get()).isEqualTo(dir.resolve("standard"));
        assertThat(memory.contains(CrawlsFolder.KEY)).as("nothing left to remember").isFalse();
        assertThat(changes).hasValue(1);
    }

    @Test
    void aFileIsRefusedInOneSentenceAndTheFolderStaysAsItWas() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        dialogs.folderAnswers.add(file);

        ask(folder());

        assertThat(dialogs.details).last().isEqualTo("showError: Crawls cannot be saved in "
                + file + ": that is a file, not a folder. New crawls still go to "
                + dir.resolve("standard") + ".");
        assertThat(folder().isStandard()).isTrue();
        assertThat(changes).hasValue(0);
        assertThat(file).hasContent("x");
    }

    @Test
    void aFolderThatCannotBeMadeSaysWhy() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path inside = file.resolve("crawls");
        dialogs.folderAnswers.add(inside);

        ask(folder());

        assertThat(dialogs.details).last().isEqualTo("showError: Crawls cannot be saved in "
                + inside + ": " + file + " is a file, not a folder. New crawls still go to "
                + dir.resolve("standard") + ".");
        assertThat(folder().isStandard()).isTrue();
    }

    @Test
    void cancellingEitherDialogChangesNothing() {
        dialogs.choiceAnswer = FakeDialogs.CANCEL;
        ask(folder());
        dialogs.choiceAnswer = null; // the folder chooser cancelled: no answer queued
        ask(folder());

        assertThat(dialogs.calls).containsExactly("choose", "choose", "chooseFolder");
        assertThat(memory.contains(CrawlsFolder.KEY)).isFalse();
        assertThat(changes).hasValue(0);
    }
}
