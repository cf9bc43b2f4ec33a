package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileLimitTest {
    @Test
    void aLimitTooLowForTheConnectionsIsNamedBeforeTheRun() {
        assertThat(FileLimit.problem(500, "--concurrency", 128, 20)).isEqualTo(
                "--concurrency 500 needs 500 open files, but this system lets Webprobe have 128 "
                        + "(ulimit -n) and 20 are in use; lower --concurrency or raise the limit.");
        assertThat(FileLimit.problem(50, "--concurrency", 128, 20)).isNull();
        assertThat(FileLimit.problem(50, "--concurrency", -1, -1)).isNull(); // not known
        assertThat(FileLimit.problem(50, "--concurrency")).isNull(); // this machine: plenty
    }

    @Test
    void runningOutOfFilesIsNotBlamedOnTheServer() {
        var c = io.webprobe.http.ErrorClassifier.classify(
                new java.net.SocketException("Too many open files"));
        assertThat(c.kind()).isEqualTo(io.webprobe.http.ErrorKind.IO);
        assertThat(c.message()).startsWith("Webprobe ran out of open files");
    }
}
