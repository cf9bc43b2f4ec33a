package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webprobe.http.TlsTrust;
import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

class FileLimitTest {
    @Test
    void aLimitTooLowForTheConnectionsIsNamedBeforeTheRunInASentenceThatAddsUp() {
        // 532 needed + 20 open > 128; 128 - 20 - 32 = 76 connections would fit
        assertThat(FileLimit.problem(500, 1, false, "--concurrency", 128, 20)).isEqualTo(
                "--concurrency 500 needs 532 more open files (one for each connection and 32 "
                        + "for the run itself), but this system lets Webprobe have 128 "
                        + "(ulimit -n) and 20 are open already; use --concurrency 76 or less, "
                        + "or raise the limit.");
        // the tester's: 170 + 32 + 8 > 200
        assertThat(FileLimit.problem(170, 1, false, "--concurrency", 200, 8)).contains(
                "needs 202 more open files", "use --concurrency 160 or less");
        // https with the native TLS: 500 × 3 + 32 + 20 > 1,024
        assertThat(FileLimit.problem(500, 3, true, "--concurrency", 1024, 20)).isEqualTo(
                "--concurrency 500 needs 1,532 more open files (3 for each https connection and"
                        + " 32 for the run itself), but this system lets Webprobe have 1,024 "
                        + "(ulimit -n) and 20 are open already; use --concurrency 324 or less, "
                        + "or raise the limit.");
        assertThat(FileLimit.problem(10, 1, false, "--concurrency", 40, 20))
                .endsWith("are open already; raise the limit.");
        assertThat(FileLimit.problem(50, 1, false, "--concurrency", 128, 20)).isNull();
        assertThat(FileLimit.problem(50, 1, false, "--concurrency", -1, -1)).isNull(); // not known
    }

    @Test
    void aConnectionCountsTheFilesItsEngineTakes() {
        PingPlan http = PingPlan.of(List.of(URI.create("http://127.0.0.1:1/")), "t");
        PingPlan https = PingPlan.of(List.of(URI.create("https://localhost:1/")), "t")
                .withTls(TlsTrust.insecure());
        int tls = https.tls().filesPerEngine();
        assertThat(FileLimit.filesPerConnection(http)).isEqualTo(1);
        // a closed socket's descriptor is let go at the loop's next poll, after the next opens
        assertThat(FileLimit.filesPerConnection(http.withKeepAlive(false))).isEqualTo(2);
        assertThat(FileLimit.filesPerConnection(https)).isEqualTo(1 + tls);
        assertThat(FileLimit.filesPerConnection(https.withKeepAlive(false))).isEqualTo(2 + tls);
        // the workers' blocking sockets use the JDK's TLS
        assertThat(FileLimit.filesPerConnection(https.withFollowRedirects(true))).isEqualTo(1);
        assertThat(FileLimit.problem(http.withConcurrency(50), "--concurrency")).isNull(); // plenty here
    }

    /** Counted, not assumed: what the engines of the event loops really hold (Linux). */
    @Test
    void theFilesCountedForAnEngineAreTheFilesItHoldsAndGivesBack() throws Exception {
        File fds = new File("/proc/self/fd");
        assumeTrue(fds.isDirectory(), "needs /proc/self/fd");
        TlsTrust trust = TlsTrust.insecure();
        int perEngine = trust.filesPerEngine();
        trust.clientEngine("localhost", 443).closeOutbound(); // the library loaded

        // the engines' files are pipes; counted among the pipes only, by descriptor and pipe, so
        // that files other threads of this JVM open or close meanwhile (a test before this one
        // letting go of its sockets, under load) do not count: the whole count was off by 6 once
        java.util.Set<String> before = pipes(fds);
        List<SSLEngine> engines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            SSLEngine e = trust.clientEngine("localhost", 443);
            e.beginHandshake(); // as TlsLayer does: its hello is never sent (no connection)
            engines.add(e);
        }
        java.util.Set<String> opened = pipes(fds);
        opened.removeAll(before);
        assertThat(opened).hasSize(20 * perEngine);

        for (SSLEngine e : engines) {
            e.closeOutbound();
            TlsTrust.release(e);
        }
        // given back now, not when the collector finds the engines
        java.util.Set<String> left = pipes(fds);
        left.retainAll(opened);
        assertThat(left).isEmpty();
    }

    /** The open descriptors that are pipes, as "descriptor pipe:[inode]". */
    private static java.util.Set<String> pipes(File fds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        String[] names = fds.list();
        for (String name : names == null ? new String[0] : names) {
            try {
                String target = java.nio.file.Files.readSymbolicLink(
                        fds.toPath().resolve(name)).toString();
                if (target.startsWith("pipe:")) {
                    out.add(name + " " + target);
                }
            } catch (java.io.IOException e) {
                // closed meanwhile (the listing's own descriptor, another thread's file)
            }
        }
        return out;
    }

    @Test
    void runningOutOfFilesIsNotBlamedOnTheServer() {
        var c = io.webprobe.http.ErrorClassifier.classify(
                new java.net.SocketException("Too many open files"));
        assertThat(c.kind()).isEqualTo(io.webprobe.http.ErrorKind.IO);
        assertThat(c.message()).startsWith("Webprobe ran out of open files");
        // Conscrypt's, when its native glue cannot open its pipe
        var tls = io.webprobe.http.ErrorClassifier.classify(new javax.net.ssl.SSLException(
                "the TLS library failed on this connection", new RuntimeException(
                        new javax.net.ssl.SSLException("Unable to create application data"))));
        assertThat(tls).isEqualTo(c);
    }
}
