package io.webprobe.ping;

import static io.webprobe.testsupport.LocalHttpServer.html;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.testsupport.LocalHttpServer;
import io.webprobe.testsupport.StubProbe;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that runs out of file descriptors in the middle ends with one sentence that says so,
 * instead of counting thousands of failed requests against the server.
 */
class OutOfFilesTest {
    @Test
    void aRequestThatFoundNoFileLeftEndsTheRunWithOneSentence() throws Exception {
        PingPlan plan = PingPlan.of(List.of(URI.create("http://127.0.0.1:1/")), "t")
                .withCount(1000).withConcurrency(4).withFollowRedirects(true);
        try (PingJob job = new PingJob(plan, PingJob.Engine.WORKERS, StubProbe.outOfFiles(),
                PingListener.NONE)) {
            job.start();
            PingSnapshot s = job.completion().get(30, TimeUnit.SECONDS);
            assertThat(s.failure()).isEqualTo(RunFailures.OUT_OF_FILES);
            assertThat(s.failed()).isZero(); // not the server's failures
            // the requests' own sentence, naming the setting the way the caller offers it
            assertThat(s.failure()).isEqualTo(ErrorClassifier.OUT_OF_FILES + ".");
            assertThat(s.failure("--concurrency")).isEqualTo("Webprobe ran out of open files "
                    + "(the limit this system sets, ulimit -n): use fewer connections "
                    + "(--concurrency) or raise the limit.");
        }
    }

    /** The event loops under a real limit: a child JVM started with {@code ulimit -n 128}. */
    @Test
    void theEventLoopsOutOfFilesEndTheRunWithOneSentence(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/bin/sh").canExecute() && new File("/proc/self/fd").isDirectory(),
                "needs a Unix shell with ulimit");
        try (LocalHttpServer server = new LocalHttpServer()) {
            server.route("/", html("ok"));
            String java = ProcessHandle.current().info().command().orElse("java");
            Path out = dir.resolve("out.txt");
            Path err = dir.resolve("err.txt");
            Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -n 128 && exec \"$0\" -cp "
                    + "\"$1\" \"$2\" \"$3\"", java, System.getProperty("java.class.path"),
                    Child.class.getName(), server.url("/"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            String said = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(said).as(Files.readString(err, StandardCharsets.UTF_8))
                    .contains("failure: " + RunFailures.OUT_OF_FILES);
            assertThat(Files.readString(err, StandardCharsets.UTF_8))
                    .doesNotContain("Too many open files");
        }
    }

    /** Pings the URL with more connections than its limit allows; says how the run ended. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            // loaded while files are left: the test's classes are files of their own (the
            // jar Webprobe runs from is open already)
            ErrorClassifier.classify(new java.net.SocketException("Too many open files"));
            new RunFailures.OutOfFiles().getMessage();
            PingPlan plan = PingPlan.of(List.of(URI.create(args[0])), "t")
                    .withConcurrency(300).withCount(3000).withTimeout(Duration.ofSeconds(10));
            try (PingJob job = new PingJob(plan, PingListener.NONE)) {
                job.start();
                PingSnapshot s = job.completion().get(50, TimeUnit.SECONDS);
                System.out.println("failure: " + s.failure());
                System.out.println("failed: " + s.failed());
            }
            System.exit(0);
        }
    }
}
