package io.webprobe.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the check of an output's folder says when the probe it writes does not fit. */
class OutputCheckTest {
    @TempDir
    Path dir;

    /**
     * Found by a tester: with 36 KB free the 64 KB probe did not fit, and the output was
     * refused with "files cannot be written in DIR: the disk is full", which was untrue.
     */
    @Test
    void aProbeThatDoesNotFitSaysLessThanItsSizeIsFree() throws Exception {
        Path csv = dir.resolve("a.csv");
        OutputCheck check = new OutputCheck(true, (probe, bytes) -> {
            assertThat(bytes).hasSize(64 * 1024);
            throw new FileSystemException(probe.toString(), null, "No space left on device");
        }).add("--csv", csv);

        assertThat(check.problem()).isEqualTo("--csv " + csv + ": less than 64 KB is free in "
                + dir + ".");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty(); // the probe is removed
        }
    }

    @Test
    void anotherWriteFailureIsSaidAsItIs() throws Exception {
        Path csv = dir.resolve("a.csv");
        OutputCheck check = new OutputCheck(true, (probe, bytes) -> {
            throw new java.nio.file.AccessDeniedException(probe.toString());
        }).add("--csv", csv);

        assertThat(check.problem()).isEqualTo("--csv " + csv + ": files cannot be written in "
                + dir + ": permission was denied.");
    }

    @Test
    void aFolderWithRoomPasses() {
        assertThat(new OutputCheck(true).add("--csv", dir.resolve("a.csv")).problem()).isNull();
    }
}
