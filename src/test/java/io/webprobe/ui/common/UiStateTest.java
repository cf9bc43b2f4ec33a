package io.webprobe.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiStateTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfValueSurvivesASaveAndALoad() {
        Path file = dir.resolve("sub/ui-state.properties");
        UiState state = UiState.load(file);
        state.putString("s", "héllo = world\nsecond line");
        state.putInt("i", -42);
        state.putDouble("d", 0.375);
        state.putBoolean("b", true);
        state.putStrings("list", List.of("http://a/", "", "x=y:z"));
        assertThat(state.save()).isTrue();

        UiState again = UiState.load(file);
        assertThat(again.getString("s", null)).isEqualTo("héllo = world\nsecond line");
        assertThat(again.getInt("i", 0)).isEqualTo(-42);
        assertThat(again.getDouble("d", 0)).isEqualTo(0.375);
        assertThat(again.getBoolean("b", false)).isTrue();
        assertThat(again.getStrings("list")).containsExactly("http://a/", "", "x=y:z");
        assertThat(again.contains("list")).isTrue();
        assertThat(again.file()).contains(file);
    }

    /**
     * The bug: the state was written only when the main window closed, so a crash or a kill
     * lost every setting and layout change of the session. A change is written soon after it
     * is made now, on the writer's thread, atomically (no part-written file is left).
     */
    @Test
    void aChangeIsWrittenSoonAfterOnTheWritersThreadWithoutASave() throws Exception {
        Path file = dir.resolve("ui-state.properties");
        UiState state = UiState.load(file);
        java.util.concurrent.ScheduledExecutorService writer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            state.saveWhenChanged(writer, java.time.Duration.ofMillis(20));
            state.putString("crawl.settings.maxDepth", "3");
            state.putStrings("crawl.recentUrls", List.of("http://127.0.0.1:8080/"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(10)).until(() ->
                            UiState.load(file).getStrings("crawl.recentUrls").size() == 1);
            UiState read = UiState.load(file);
            assertThat(read.getString("crawl.settings.maxDepth", null)).isEqualTo("3");
            assertThat(read.getStrings("crawl.recentUrls"))
                    .containsExactly("http://127.0.0.1:8080/");

            state.putDouble("window.main.width", 1024);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(10)).until(() ->
                            UiState.load(file).getDouble("window.main.width", 0) == 1024);
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).as("no temporary file left").containsExactly(file);
            }
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void anInMemoryStateWritesNothingWhenChanged() throws Exception {
        UiState state = UiState.inMemory();
        java.util.concurrent.ScheduledExecutorService writer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            state.saveWhenChanged(writer, java.time.Duration.ofMillis(1));
            state.putInt("w", 1);
            assertThat(state.save()).isTrue();
            try (var files = Files.list(dir)) {
                assertThat(files.toList()).isEmpty();
            }
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void missingOrWrongValuesReadAsTheDefault() throws Exception {
        Path file = dir.resolve("ui-state.properties");
        Files.writeString(file, "i=twelve\nd=NaN\nb=yes\nlist.count=x\n");
        UiState state = UiState.load(file);
        assertThat(state.getInt("i", 7)).isEqualTo(7);
        assertThat(state.getDouble("d", 1.5)).isEqualTo(1.5);
        assertThat(state.getBoolean("b", true)).isTrue();
        assertThat(state.getStrings("list")).isEmpty();
        assertThat(state.getString("nothing", "def")).isEqualTo("def");
        assertThat(state.getInt("nothing", 3)).isEqualTo(3);
    }

    @Test
    void anUnreadableFileStartsEmpty() throws Exception {
        Path file = dir.resolve("ui-state.properties");
        Files.writeString(file, "bad=\\uZZZZ\n"); // a malformed escape
        UiState state = UiState.load(file);
        assertThat(state.contains("bad")).isFalse();
        state.putInt("w", 800);
        assertThat(state.save()).isTrue();
        assertThat(UiState.load(file).getInt("w", 0)).isEqualTo(800);
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedByTheReturnValueOnly() throws Exception {
        Path notADir = dir.resolve("plain-file");
        Files.writeString(notADir, "x");
        UiState state = UiState.load(notADir.resolve("ui-state.properties"));
        state.putInt("w", 1);
        assertThat(state.save()).isFalse();
        assertThat(Files.list(dir).toList()).containsExactly(notADir);
    }

    @Test
    void putStringsReplacesALongerList() {
        UiState state = UiState.inMemory();
        state.putStrings("cols", List.of("a", "b", "c"));
        state.putStrings("cols", List.of("z"));
        assertThat(state.getStrings("cols")).containsExactly("z");
        state.remove("cols");
        assertThat(state.contains("cols")).isFalse();
        assertThat(state.getStrings("cols")).isEmpty();
    }

    @Test
    void addRecentKeepsTheNewestFirstWithoutDuplicatesAndAtMostTheLimit() {
        UiState state = UiState.inMemory();
        for (int i = 1; i <= 25; i++) {
            state.addRecent("urls", "http://h/" + i, 20);
        }
        state.addRecent("urls", "http://h/10", 20);
        List<String> urls = state.getStrings("urls");
        assertThat(urls).hasSize(20).doesNotHaveDuplicates();
        assertThat(urls.get(0)).isEqualTo("http://h/10");
        assertThat(urls.get(1)).isEqualTo("http://h/25");
        assertThat(urls).doesNotContain("http://h/5");
    }

    @Test
    void anInMemoryStateWritesNothing() {
        UiState state = UiState.inMemory();
        state.putInt("w", 1);
        assertThat(state.save()).isTrue();
        assertThat(state.file()).isEmpty();
        assertThat(state.getInt("w", 0)).isEqualTo(1);
    }

    @Test
    void theDefaultFileFollowsEachPlatformsConvention() {
        assertThat(UiState.defaultFile(Map.of(), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/webprobe/ui-state.properties"));
        assertThat(UiState.defaultFile(Map.of("XDG_CONFIG_HOME", "/cfg"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/cfg/webprobe/ui-state.properties"));
        assertThat(UiState.defaultFile(Map.of("XDG_CONFIG_HOME", "rel"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.config/webprobe/ui-state.properties"));
        assertThat(UiState.defaultFile(Map.of(), "Mac OS X", "/Users/u")).isEqualTo(
                Path.of("/Users/u/Library/Application Support/Webprobe/ui-state.properties"));
        assertThat(UiState.defaultFile(Map.of("APPDATA", "/appdata"), "Windows 11", "/h"))
                .isEqualTo(Path.of("/appdata/Webprobe/ui-state.properties"));
    }
}
