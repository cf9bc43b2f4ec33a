package io.webprobe.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicCsvFileTest {
    @TempDir
    Path dir;

    @Test
    void anExportEndedBySigtermLeavesNoPartWrittenFileBehind() throws Exception {
        Path target = dir.resolve("pages.csv");
        Process child = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                PartWrittenCsv.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("writing");
            assertThat(files()).singleElement().asString().endsWith(".part");

            child.destroy(); // SIGTERM, as Ctrl-C or a CI timeout
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }

        assertThat(files()).isEmpty();
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /**
     * A SQLite file (a crawl, another program's database, a -wal) is never replaced by a CSV,
     * whoever names it: the window's save dialog asked only "Replace?", and a crawl was lost.
     */
    @Test
    void aSqliteFileIsNeverReplacedByWritingOrCopying() throws Exception {
        byte[] database = new byte[100];
        System.arraycopy("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII), 0, database,
                0, 16);
        Path db = dir.resolve("notes.db");
        Files.write(db, database);
        Path log = dir.resolve("log.tmp");
        Files.writeString(log, "seq\n1\n");
        String refused = "Could not write " + db + ": it is a database file, which Webprobe "
                + "never overwrites; choose another name. Nothing was changed.";

        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> AtomicCsvFile.create(db, new String[] {"a"}))
                .isInstanceOf(ExportException.class).hasMessage(refused);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicCsvFile.copy(log, db))
                .isInstanceOf(ExportException.class).hasMessage(refused);

        assertThat(Files.readAllBytes(db)).isEqualTo(database);
        assertThat(files()).containsExactlyInAnyOrder("notes.db", "log.tmp");
    }

    @Test
    void aSymbolicLinkStaysALinkAndTheFileItNamesIsReplaced() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
        try (AtomicCsvFile f = AtomicCsvFile.create(link, new String[] {"a", "b"})) {
            f.write(new String[] {"1", "2"});
            f.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("a,b\n1,2\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("real.csv", "link.csv");
        }
    }

    @Test
    void aCopiedFileFollowsTheSameRulesAsAWrittenOne() throws Exception {
        Path log = dir.resolve("log.tmp");
        Files.writeString(log, "seq,url\n1,http://127.0.0.1/\n");
        // a link stays a link, and the file it names keeps its permissions
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Files.setPosixFilePermissions(real,
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Path link = Files.createSymbolicLink(dir.resolve("requests.csv"), Path.of("real.csv"));

        AtomicCsvFile.copy(log, link);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("seq,url\n1,http://127.0.0.1/\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(real))).isEqualTo("rw-rw-r--");
        assertThat(files()).containsExactlyInAnyOrder("log.tmp", "real.csv", "requests.csv");

        // a missing folder is one sentence, and nothing is left behind
        Path nowhere = dir.resolve("missing").resolve("requests.csv");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AtomicCsvFile.copy(log, nowhere))
                .isInstanceOf(ExportException.class)
                .hasMessageStartingWith("Could not write " + nowhere + ": ")
                .hasMessageEndingWith(". Nothing was changed.");
        assertThat(files()).containsExactlyInAnyOrder("log.tmp", "real.csv", "requests.csv");
    }

    @Test
    void aDeviceIsWrittenIntoNotReplaced() throws Exception {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
        assertThat(new OutputCheck(false).add("--csv", devNull).problem()).isNull();
        try (AtomicCsvFile f = AtomicCsvFile.create(devNull, new String[] {"a"})) {
            f.write(new String[] {"1"});
            f.commit();
        }
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.isWritable(devNull)).isTrue();
    }

    @Test
    void aNamedPipeGetsTheRowsAndStaysAPipe() throws Exception {
        Path fifo = io.webprobe.testsupport.NamedPipes.make(dir.resolve("rows.csv"));
        java.util.concurrent.CompletableFuture<String> read =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return Files.readString(fifo);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try (AtomicCsvFile f = AtomicCsvFile.create(fifo, new String[] {"a"})) {
            f.write(new String[] {"1"});
            f.commit();
        }
        assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo("a\n1\n");
        assertThat(Files.isRegularFile(fifo)).isFalse();
    }
}
