package io.webprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeCreatedInAFolderThatExistsIsNotBlamedOnTheFolder() {
        // what creating a file under /proc throws: the folder is there, files are not allowed
        assertThat(FileErrors.why(new NoSuchFileException(dir.resolve("x.csv").toString())))
                .isEqualTo("the system does not allow it");
        assertThat(FileErrors.why(new NoSuchFileException(
                dir.resolve("gone/x.csv").toString()))).isEqualTo("its folder does not exist");
    }

    @Test
    void creatingAFileInProcSaysTheSystemDoesNotAllowIt() {
        try {
            Files.createFile(Path.of("/proc/webprobe-test.csv"));
        } catch (Exception e) {
            assertThat(FileErrors.why(e)).isIn("the system does not allow it",
                    "permission was denied");
            return;
        }
        throw new AssertionError("a file was created in /proc");
    }
}
