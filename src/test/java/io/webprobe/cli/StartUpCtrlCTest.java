package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.NamedPipes;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (here SIGTERM, the same hook) while a command's start-up waits without end, for a
 * named pipe nobody writes given as --cacert or --file, ends it as Ctrl-C ends a run: one
 * sentence, exit 143. Seen: a crawl's hook waited for a report the read held up and the JVM
 * left after 20 s without a word; a ping left at once without a word.
 */
class StartUpCtrlCTest {
    private final LocalHttpServer server = new LocalHttpServer();
    private ChildCli child;
    private OutputStream writer;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        if (child != null) {
            child.kill();
        }
        if (writer != null) {
            writer.close();
        }
        server.close();
    }

    /**
     * Opens the pipe for writing, which returns once the child has opened it to read, and
     * writes nothing: the child then waits in its read.
     */
    private void awaitReader(Path pipe) throws Exception {
        writer = CompletableFuture.supplyAsync(() -> {
            try {
                return (OutputStream) new FileOutputStream(pipe.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private void assertStoppedInOneSentence(String sentence) throws Exception {
        child.process().destroy(); // SIGTERM
        assertEquals(143, child.exitCode(), child.log());
        assertThat(child.log()).isEqualTo(sentence + "\n");
    }

    @Test
    void aCrawlWaitingForItsCertificatePipeIsStoppedInOneSentence() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("ca.pem"));
        child = ChildCli.start(dir, "crawl", "crawl", "https://127.0.0.1:" + server.port() + "/",
                "--quiet", "--cacert", pipe.toString());
        awaitReader(pipe);

        assertStoppedInOneSentence("Stopped before the crawl started.");
        try (var files = Files.list(dir)) { // no crawl file made, nor left
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.pem", "crawl.log");
        }
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aPingWaitingForItsListPipeIsStoppedInOneSentence() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("urls.txt"));
        child = ChildCli.start(dir, "ping", "ping", "--file", pipe.toString(), "-n", "1");
        awaitReader(pipe);

        assertStoppedInOneSentence("Stopped before the ping started.");
        assertThat(server.totalRequests()).isZero();
    }

    @Test
    void aPingWaitingForItsCertificatePipeIsStoppedInOneSentence() throws Exception {
        Path pipe = NamedPipes.make(dir.resolve("ca.pem"));
        child = ChildCli.start(dir, "ping", "ping", "https://127.0.0.1:" + server.port() + "/",
                "-n", "1", "--cacert", pipe.toString());
        awaitReader(pipe);

        assertStoppedInOneSentence("Stopped before the ping started.");
        assertThat(server.totalRequests()).isZero();
    }
}
