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

    /**
     * A read-only file system (EROFS) is no matter of permissions: the JDK's exceptions for it
     * as they are made (sun.nio.fs.UnixException for java.nio.file, the native open for
     * java.io), since a test cannot mount one.
     */
    @Test
    void aReadOnlyFileSystemIsNotCalledAPermissionDenied() {
        String file = dir.resolve("x.csv").toString();
        assertThat(FileErrors.why(new java.nio.file.FileSystemException(file, null,
                "Read-only file system"))).isEqualTo("the disk or folder is read-only");
        assertThat(FileErrors.why(new java.io.FileNotFoundException(file
                + " (Read-only file system)"))).isEqualTo("the disk or folder is read-only");
        assertThat(FileErrors.why(new java.io.IOException(new java.nio.file.FileSystemException(
                file, null, "Read-only file system")))).isEqualTo(
                        "the disk or folder is read-only");
        // a folder without write permission stays what it is
        assertThat(FileErrors.why(new java.nio.file.AccessDeniedException(file)))
                .isEqualTo("permission was denied");
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
