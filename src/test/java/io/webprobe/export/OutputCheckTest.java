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

    /**
     * An existing file or a device on a read-only disk (EROFS) was refused with "permission
     * was denied", which no change of permissions mends; it says what FileErrors says of it
     * now. The exception as the JDK makes it for EROFS (a test cannot mount a read-only disk).
     */
    @Test
    void anExistingFileOnAReadOnlyDiskSaysSo() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "old");
        OutputCheck check = new OutputCheck(true, (probe, bytes) -> Files.write(probe, bytes),
                file -> {
                    throw new FileSystemException(file.toString(), null,
                            "Read-only file system");
                }).add("--csv", csv);

        assertThat(check.problem()).isEqualTo("--csv " + csv + ": the file exists and cannot "
                + "be replaced: the disk or folder is read-only.");
    }

    @Test
    void aDeviceOnAReadOnlyDiskSaysSo() {
        Path device = Path.of("/dev/null");
        OutputCheck check = new OutputCheck(true, (probe, bytes) -> Files.write(probe, bytes),
                file -> {
                    throw new FileSystemException(file.toString(), null,
                            "Read-only file system");
                }).add("--csv", device);

        assertThat(check.problem()).isEqualTo("--csv " + device + ": it cannot be written: "
                + "the disk or folder is read-only.");
    }

    /**
     * Found by hand: run as root, `--csv /proc/version` passed the check (root may write any
     * file, as far as the check of access says) and failed only after the crawl, with an input/
     * output error. A process's own open file there (/dev/stdout's) is still written into.
     */
    @Test
    void aSystemFileUnderProcIsRefusedBeforeTheWork() {
        for (String name : new String[] {"/proc/version", "/proc/sys/kernel/hostname",
                "/proc/self/status", "/proc/self/fdinfo/1"}) {
            assertThat(new OutputCheck(true).add("--csv", Path.of(name)).problem()).as(name)
                    .isEqualTo("--csv " + name + ": that is one of the system's files under "
                            + "/proc, not a place for output; give a file name.");
        }
        assertThat(OutputTarget.of(Path.of("/proc/self/fd/1")).systemFile()).isFalse();
        assertThat(OutputTarget.of(Path.of("/dev/stdout")).systemFile()).isFalse();
    }

    /** Without write permission it stays what it was. */
    @Test
    void anExistingFileWithoutPermissionSaysPermissionWasDenied() throws Exception {
        Path csv = Files.writeString(dir.resolve("a.csv"), "old");
        OutputCheck check = new OutputCheck(true, (probe, bytes) -> Files.write(probe, bytes),
                file -> {
                    throw new java.nio.file.AccessDeniedException(file.toString());
                }).add("--csv", csv);

        assertThat(check.problem()).isEqualTo("--csv " + csv + ": the file exists and cannot "
                + "be replaced: permission was denied.");
        // and the real check passes a file that can be written
        assertThat(new OutputCheck(true).add("--csv", csv).problem()).isNull();
    }
}
