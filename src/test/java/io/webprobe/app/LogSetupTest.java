package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {
    @TempDir
    Path dir;

    @Test
    void aLogFolderThatCannotBeWrittenMeansNoLogNotAComplaint() throws Exception {
        Path logs = dir.resolve("new").resolve("logs");
        assertThat(LogSetup.writable(logs, logs.resolve("webprobe.log"))).isTrue();
        assertThat(logs).isDirectory();

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = file.resolve("logs");
        assertThat(LogSetup.writable(under, under.resolve("webprobe.log"))).isFalse();
        assertThat(LogSetup.writable(Path.of("/proc/no-such-folder"),
                Path.of("/proc/no-such-folder/webprobe.log"))).isFalse();
    }
}
