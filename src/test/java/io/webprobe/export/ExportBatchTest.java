package io.webprobe.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files of one export are all or nothing, keep the user's permissions, neutralise
 * spreadsheet formulas, and can go to standard output.
 */
class ExportBatchTest {
    @TempDir
    Path dir;

    private static final List<Column<String>> ONE = List.of(new Column<>("value", s -> s));

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whenOneFileFailsNoneIsReplacedAndTheMessageSaysSo() throws Exception {
        Path first = dir.resolve("first.csv");
        Files.writeString(first, "old first");
        Path second = dir.resolve("second.csv");
        RowSource<String> failing = sink -> {
            sink.accept("ok");
            throw new IllegalStateException("the crawl file could not be read");
        };

        assertThatThrownBy(() -> new ExportBatch()
                .add(first, ONE, RowSource.of(List.of("new")))
                .add(second, ONE, failing)
                .writeAll())
                .isInstanceOf(ExportException.class)
                .hasMessage("Could not write " + second + ": the crawl file could not be read. "
                        + "No file was changed.");
        assertThat(Files.readString(first)).isEqualTo("old first");
        assertThat(files()).containsExactly("first.csv"); // no temporary file left
    }

    @Test
    void aStreamedFileJoinsTheAllOrNothing() throws Exception {
        Path log = dir.resolve("log.csv");
        AtomicCsvFile streamed = AtomicCsvFile.create(log, new String[] {"seq"});
        streamed.write(new String[] {"1"});
        Path missing = dir.resolve("no-such-folder").resolve("summary.csv");

        assertThatThrownBy(() -> new ExportBatch().addStreamed(streamed)
                .add(missing, ONE, RowSource.of(List.of("x"))).writeAll())
                .hasMessageEndingWith("No file was changed.");
        assertThat(files()).isEmpty();
    }

    @Test
    void newFilesGetTheUmasksPermissionsAndAReplacedFileKeepsItsOwn() throws Exception {
        Path kept = dir.resolve("kept.csv");
        Files.writeString(kept, "x");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-r-----"));
        Path fresh = dir.resolve("fresh.csv");
        Path probe = Files.createFile(dir.resolve("probe")); // what the umask gives a new file

        new ExportBatch().add(kept, ONE, RowSource.of(List.of("a")))
                .add(fresh, ONE, RowSource.of(List.of("b"))).writeAll();

        assertThat(Files.getPosixFilePermissions(kept))
                .isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        Set<PosixFilePermission> umask = Files.getPosixFilePermissions(probe);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(umask);
        assertThat(umask).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ);
    }

    @Test
    void formulaCellsAreNeutralisedAndExcelGetsItsByteOrderMark() throws Exception {
        Path out = dir.resolve("titles.csv");
        List<String> titles = List.of("=HYPERLINK(\"http://evil\",\"x\")", "+1", "-2", "@SUM(A1)",
                "\tTab", "\rCR", "plain", "a=b", "");

        new ExportBatch(null, true).add(out, ONE, RowSource.of(titles)).writeAll();

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<String> lines = io.webprobe.testsupport.CsvFiles.readCsv(out).stream()
                .map(l -> l[0]).toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFvalue");
        assertThat(lines.subList(1, 6)).containsExactly(
                "'=HYPERLINK(\"http://evil\",\"x\")", "'+1", "'-2", "'@SUM(A1)", "'\tTab");
        assertThat(lines.subList(lines.size() - 3, lines.size()))
                .containsExactly("plain", "a=b", "");
        // a carriage return at the start is neutralised too (the reader folds it to a line end)
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"'\rCR\"");
    }

    @Test
    void standardOutputGetsTheCsvOnlyWhenEverythingWasWritten() throws Exception {
        StringWriter stdout = new StringWriter();
        new ExportBatch(stdout, false).add(ExportBatch.STDOUT, ONE, RowSource.of(List.of("a")))
                .writeAll();
        assertThat(stdout.toString()).isEqualTo("value\na\n");
        assertThat(files()).isEmpty();
    }

    @Test
    void aCrawlFileThatFailsMidExportIsNamedAsTheProblemNotTheOutput() throws Exception {
        Path out = dir.resolve("broken.csv");
        RowSource<String> unreadable = sink -> {
            throw new io.webprobe.store.StoreException("Could not read the crawl file "
                    + "c.webprobe: the file is damaged.");
        };
        RowSource<String> badRow = sink -> {
            throw new IllegalStateException("a title could not be read.");
        };

        assertThatThrownBy(() -> new ExportBatch(new StringWriter(), false)
                .add(ExportBatch.STDOUT, ONE, unreadable).writeAll())
                .hasMessage("Could not read the crawl file c.webprobe: the file is damaged. "
                        + "Nothing was changed.");
        assertThatThrownBy(() -> new ExportBatch().add(out, ONE, badRow).writeAll())
                .hasMessage("Could not write " + out + ": a title could not be read. Nothing "
                        + "was changed.");
        assertThat(out).doesNotExist();
    }
}
