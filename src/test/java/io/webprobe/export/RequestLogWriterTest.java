package io.webprobe.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.opencsv.CSVReader;
import io.webprobe.http.ErrorKind;
import io.webprobe.ping.RequestRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RequestLogWriterTest {
    private static final String HEADER =
            "seq,url,start_epoch_ms,intended_offset_ms,status,latency_ms,service_ms,bytes,"
                    + "error_class,error_message";

    @TempDir
    Path dir;

    static RequestRecord record(long seq, boolean warmup) {
        return new RequestRecord(seq, "http://127.0.0.1:8080/p", 1_700_000_000_000L + seq,
                seq * 0.5, 200, 1.25, 1.0, 512, null, "", 0, warmup, false);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private List<String> dirListing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void recordsOfferedFromFourThreadsArriveExactlyOnceEach() throws Exception {
        Path target = dir.resolve("requests.csv");
        int threads = 4;
        int perThread = 25_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (RequestLogWriter w = new RequestLogWriter(target, 256)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long first = (long) t * perThread;
                producers.add(pool.submit(() -> {
                    go.await();
                    for (long seq = first; seq < first + perThread; seq++) {
                        w.offer(record(seq, false));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : producers) {
                f.get(30, TimeUnit.SECONDS);
            }
            w.close();
            assertEquals(threads * perThread, w.written());
        } finally {
            pool.shutdownNow();
        }

        List<String> lines = lines(target);
        assertEquals(HEADER, lines.get(0));
        assertEquals(1 + threads * perThread, lines.size());
        Set<Long> seqs = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            seqs.add(Long.parseLong(line.substring(0, line.indexOf(','))));
        }
        assertEquals(LongStream.range(0, threads * perThread).boxed().collect(
                java.util.stream.Collectors.toSet()), seqs);
        assertEquals(List.of("requests.csv"), dirListing());
    }

    @Test
    void rowsUseThePublishedColumnsAndQuoteOnlyWhereNeeded() throws Exception {
        Path target = dir.resolve("r.csv");
        try (RequestLogWriter w = new RequestLogWriter(target, 16)) {
            w.offer(new RequestRecord(3, "http://127.0.0.1:1/a?x=1,2", 1_700_000_000_123L,
                    12.3456, 503, 40.5, 38.25, 1234, null, "", 0, false, false));
            w.offer(new RequestRecord(4, "http://127.0.0.1:1/b", 1_700_000_000_200L, 20, 0,
                    10_000, 10_000, 0, ErrorKind.TIMEOUT,
                    "No complete response, \"within\" the timeout", 0, false, false));
        }

        try (Reader in = Files.newBufferedReader(target, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            List<String[]> rows = csv.readAll();
            assertThat(rows.get(0)).containsExactly(HEADER.split(","));
            assertThat(rows.get(1)).containsExactly("3", "http://127.0.0.1:1/a?x=1,2",
                    "1700000000123", "12.346", "503", "40.500", "38.250", "1234", "", "");
            assertThat(rows.get(2)).containsExactly("4", "http://127.0.0.1:1/b", "1700000000200",
                    "20.000", "", "10000.000", "10000.000", "0", "TIMEOUT",
                    "No complete response, \"within\" the timeout");
            assertThat(rows).hasSize(3);
        }
        assertThat(lines(target).get(1)).startsWith("3,\"http://127.0.0.1:1/a?x=1,2\",");
        // latency columns parse as numbers whatever the default locale
        assertEquals(40.5, Double.parseDouble(lines(target).get(1).split(",")[6]));
    }

    /**
     * A request a stop abandoned in flight has its line: its number, URL, send time and
     * intended start, no status, times or bytes, and ABANDONED with a sentence for its result.
     */
    @Test
    void anAbandonedRequestHasALineThatSaysSo() throws Exception {
        Path target = dir.resolve("r.csv");
        try (RequestLogWriter w = new RequestLogWriter(target, 16)) {
            w.offer(new RequestRecord(7, "http://127.0.0.1:1/a", 1_700_000_000_300L, 300, 0, 0,
                    0, 0, null, "", 0, false, true));
        }
        try (Reader in = Files.newBufferedReader(target, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            List<String[]> rows = csv.readAll();
            assertThat(rows.get(1)).containsExactly("7", "http://127.0.0.1:1/a",
                    "1700000000300", "300.000", "", "", "", "", "ABANDONED",
                    "Still in flight when the run was stopped; its answer was not waited for");
            assertThat(rows).hasSize(2);
        }
    }

    @Test
    void warmUpRecordsAreNotWritten() throws Exception {
        Path target = dir.resolve("requests.csv");
        try (RequestLogWriter w = new RequestLogWriter(target, 8)) {
            for (long seq = 0; seq < 30; seq++) {
                w.offer(record(seq, seq < 10 || seq % 2 == 0));
            }
        }

        List<String> lines = lines(target);
        assertEquals(HEADER, lines.get(0));
        assertEquals(List.of("11", "13", "15", "17", "19", "21", "23", "25", "27", "29"),
                lines.subList(1, lines.size()).stream()
                        .map(l -> l.substring(0, l.indexOf(','))).toList());
    }

    @Test
    void nothingAppearsUnderTheTargetNameUntilClose() throws Exception {
        Path target = dir.resolve("requests.csv");
        RequestLogWriter w = new RequestLogWriter(target, 64);
        for (long seq = 0; seq < 1000; seq++) {
            w.offer(record(seq, false));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> w.written() == 1000);

        assertThat(Files.exists(target)).isFalse();
        List<String> during = dirListing();
        assertThat(during).singleElement().satisfies(name -> {
            assertThat(name).startsWith(".requests.csv").endsWith(".part");
            assertThat(Files.isHidden(dir.resolve(name))).isTrue();
        });

        w.close();

        assertEquals(List.of("requests.csv"), dirListing());
        assertEquals(1001, lines(target).size());
        w.close(); // a second close does nothing
        assertEquals(List.of("requests.csv"), dirListing());
    }

    @Test
    void closeReplacesAnEarlierFileOnlyWhenComplete() throws Exception {
        Path target = dir.resolve("requests.csv");
        Files.writeString(target, "earlier run\n");
        RequestLogWriter w = new RequestLogWriter(target, 64);
        w.offer(record(1, false));
        await().atMost(Duration.ofSeconds(10)).until(() -> w.written() == 1);

        assertEquals(List.of("earlier run"), lines(target));
        w.close();
        assertEquals(List.of(HEADER, lines(target).get(1)), lines(target));
        assertThat(lines(target).get(1)).startsWith("1,");
    }

    @Test
    void missingFolderIsRefusedAtOnceWithAPlainSentence() {
        Path target = dir.resolve("no-such-folder").resolve("requests.csv");

        ExportException e = assertThrows(ExportException.class,
                () -> new RequestLogWriter(target, 16));

        assertEquals("Could not write " + target + ": its folder does not exist. Nothing was changed.",
                e.getMessage());
        assertEquals(target, e.path());
    }

    @Test
    void closeIntoAFolderDeletedMidRunThrowsAPlainSentenceAndLeavesNoFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        Path target = folder.resolve("requests.csv");
        RequestLogWriter w = new RequestLogWriter(target, 16);
        for (long seq = 0; seq < 500; seq++) {
            w.offer(record(seq, false));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> w.written() == 500);

        deleteTree(folder);
        // the run goes on: offers still return
        CompletableFuture.runAsync(() -> {
            for (long seq = 500; seq < 1000; seq++) {
                w.offer(record(seq, false));
            }
        }).get(10, TimeUnit.SECONDS);
        ExportException e = assertThrows(ExportException.class, w::close);

        assertEquals("Could not write " + target + ": its folder does not exist. Nothing was changed.",
                e.getMessage());
        assertEquals(target, e.path());
        assertThat(Files.exists(target)).isFalse();
        assertThat(Files.exists(folder)).isFalse();
        assertThat(dirListing()).isEmpty();
        // later offers are ignored and never block
        CompletableFuture.runAsync(() -> w.offer(record(2000, false))).get(5, TimeUnit.SECONDS);
    }

    @Test
    void offerAfterCloseReturnsAtOnceEvenWithAFullQueue() throws Exception {
        Path target = dir.resolve("requests.csv");
        RequestLogWriter w = new RequestLogWriter(target, 1);
        w.offer(record(0, false));
        w.close();

        CompletableFuture.runAsync(() -> {
            for (long seq = 1; seq < 10_000; seq++) {
                w.offer(record(seq, false));
            }
        }).get(10, TimeUnit.SECONDS);

        assertEquals(2, lines(target).size());
    }

    /**
     * A disk that fails mid-run, made real: a child JVM runs under {@code prlimit --fsize}, so
     * writing past 256 KiB fails with EFBIG, as a full disk would. One producer: the failure
     * reaches close(), no file is left, and the producer's later offers return at once.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void writeFailureIsReportedByCloseAndLeavesNoFile() throws Exception {
        Path target = dir.resolve("requests.csv");

        String out = runOnFailingDisk(target, 1);

        assertThat(out).contains("close: ExportException: Could not write " + target + ": ")
                .contains("Nothing was changed.");
        assertThat(out).contains("producers finished: true");
        assertThat(out).contains("target exists: false");
        assertThat(dirListing()).isEmpty();
    }

    /**
     * As above with eight producers sharing a queue of one, so most of them are waiting in
     * {@link RequestLogWriter#offer} when the writer notices the failure. Every producer must
     * still finish ("later records are dropped without blocking the run").
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void offerNeverBlocksForeverAfterAWriteFailure() throws Exception {
        Path target = dir.resolve("requests.csv");

        String out = runOnFailingDisk(target, 8);

        assertThat(out).as("the write failure happened")
                .contains("close: ExportException: Could not write " + target);
        assertThat(out).contains("producers finished: true");
        assertThat(out).contains("target exists: false");
        assertThat(dirListing()).isEmpty();
    }

    /** Runs {@link FailingDiskRun} in a child JVM whose files cannot grow past 256 KiB. */
    private static String runOnFailingDisk(Path target, int producers) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs prlimit (util-linux)");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder("/usr/bin/prlimit", "--fsize=262144", java.toString(),
                "-XX:-UsePerfData", "-Xshare:off", "-cp", System.getProperty("java.class.path"),
                FailingDiskRun.class.getName(), target.toString(), Integer.toString(producers))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        boolean exited = child.waitFor(50, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String out = output.get(10, TimeUnit.SECONDS);
        assertThat(exited).as("child JVM ended; output:%n%s", out).isTrue();
        return out;
    }

    /**
     * The child JVM of {@link #runOnFailingDisk}: N producers offer 20,000 records each into a
     * writer with a queue of one, then it closes the writer and prints what happened.
     */
    static final class FailingDiskRun {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[0]);
            int producers = Integer.parseInt(args[1]);
            RequestLogWriter w = new RequestLogWriter(target, 1);
            CountDownLatch finished = new CountDownLatch(producers);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long first = p * 1_000_000L;
                Thread t = new Thread(() -> {
                    for (long seq = first; seq < first + 20_000; seq++) {
                        w.offer(record(seq, false));
                    }
                    finished.countDown();
                }, "producer-" + p);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            boolean allFinished = finished.await(15, TimeUnit.SECONDS);
            String outcome;
            try {
                w.close();
                outcome = "committed";
            } catch (ExportException e) {
                outcome = "ExportException: " + e.getMessage();
            }
            System.out.println("producers finished: " + allFinished
                    + " (" + (producers - finished.getCount()) + " of " + producers + ")");
            System.out.println("close: " + outcome);
            System.out.println("target exists: " + Files.exists(target));
            for (Thread t : threads) {
                if (t.isAlive()) {
                    StackTraceElement[] st = t.getStackTrace();
                    System.out.println("still waiting: " + t.getName() + " " + t.getState() + " in "
                            + Stream.of(st).filter(e -> e.getClassName().startsWith("io.webprobe")
                                    || e.getMethodName().equals("put")).map(Object::toString)
                                    .toList());
                }
            }
            System.out.flush();
            System.exit(0);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
