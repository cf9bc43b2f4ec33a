package io.webprobe.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteLibraryTest {
    @TempDir
    Path home;

    @Test
    void theLibraryIsCopiedOnceIntoTheCacheFolderAndReused() throws Exception {
        Map<String, String> env = Map.of("XDG_CACHE_HOME", home.resolve("cache").toString());
        Path folder = SqliteLibrary.prepare(env, "Linux", "amd64", home.toString());

        assertThat(folder).isNotNull().startsWith(home.resolve("cache").resolve("webprobe"));
        Path lib = folder.resolve(SqliteLibrary.NAME);
        assertThat(Files.size(lib)).isGreaterThan(100_000);
        try (var files = Files.list(folder)) {
            assertThat(files).containsExactly(lib); // no .part left behind
        }

        FileTime old = FileTime.fromMillis(1_000_000);
        Files.setLastModifiedTime(lib, old);
        assertThat(SqliteLibrary.prepare(env, "Linux", "x86_64", home.toString()))
                .isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(lib)).isEqualTo(old); // not written again

        Files.write(lib, new byte[10]); // cut short: replaced
        assertThat(SqliteLibrary.prepare(env, "Linux", "amd64", home.toString()))
                .isEqualTo(folder);
        assertThat(Files.size(lib)).isGreaterThan(100_000);
    }

    @Test
    void withoutACacheHomeOrOnAnotherSystemSqliteJdbcIsLeftToItsOwnWay() throws Exception {
        Path folder = SqliteLibrary.prepare(Map.of(), "Linux", "amd64", home.toString());
        assertThat(folder).startsWith(home.resolve(".cache").resolve("webprobe"));

        assertThat(SqliteLibrary.prepare(Map.of(), "Mac OS X", "aarch64", home.toString()))
                .isNull();
        assertThat(SqliteLibrary.prepare(Map.of(), "Linux", "riscv64", home.toString()))
                .isNull();
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        assertThat(SqliteLibrary.prepare(Map.of("XDG_CACHE_HOME", file.toString()), "Linux",
                "amd64", home.toString())).isNull();
    }
}
