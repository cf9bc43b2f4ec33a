package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bug: the file dialogs forgot their folder at each start and opened in the folder the app
 * was started from (the checkout, for a tester), so every export began with a walk back to
 * where the last one went.
 */
class LastFolderTest {
    @TempDir
    Path dir;

    @Test
    void theFolderOfTheLastFileChosenIsOfferedAfterARestart() throws Exception {
        Path exports = Files.createDirectories(dir.resolve("exports"));
        Path stateFile = dir.resolve("state.properties");
        UiState first = UiState.load(stateFile);
        assertThat(new LastFolder(first).get()).isNull();

        new LastFolder(first).chose(exports.resolve("crawl.csv").toFile());
        assertThat(first.save()).isTrue();

        assertThat(new LastFolder(UiState.load(stateFile)).get())
                .isEqualTo(exports.toFile().getAbsoluteFile());
    }

    @Test
    void aFolderGoneSinceIsNone() throws Exception {
        Path gone = Files.createDirectories(dir.resolve("gone"));
        UiState state = UiState.inMemory();
        new LastFolder(state).chose(new File(gone.toFile(), "list.txt"));
        Files.delete(gone);

        assertThat(new LastFolder(state).get()).isNull();
    }

    @Test
    void withNoFolderLastUsedTheFallbackIsOfferedIfItIsAFolder() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path exports = Files.createDirectories(dir.resolve("exports"));
        UiState state = UiState.inMemory();
        LastFolder last = new LastFolder(state);
        assertThat(last.getOr(home.toFile())).isEqualTo(home.toFile());
        assertThat(last.getOr(dir.resolve("no-such").toFile())).isNull();
        assertThat(last.getOr(null)).isNull();

        last.chose(exports.resolve("crawl.csv").toFile());
        assertThat(last.getOr(home.toFile())).isEqualTo(exports.toFile().getAbsoluteFile());
    }
}
