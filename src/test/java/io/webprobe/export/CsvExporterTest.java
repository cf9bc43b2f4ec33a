package io.webprobe.export;

import static io.webprobe.testsupport.CsvFiles.readCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.PageInfo;
import io.webprobe.http.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExporterTest {
    private static final String PAGES_HEADER = "url,status,content_type,size_bytes,response_ms,"
            + "title,depth,inlinks,outlinks,referrer,redirect_to,error,redirect_chain,canonical,"
            + "meta_description,h1,word_count,meta_robots,indexable,outcome,blocked_reason,truncated,"
            + "retries";
    private static final String BROKEN_HEADER =
            "source_url,link_url,status,error,anchor_text,link_type,final_url,redirect_chain";

    @TempDir
    Path dir;

    private final CsvExporter exporter = new CsvExporter();

    private static CrawlResult page(String url, String title) {
        return CrawlResult.builder(url).status(200).contentType("text/html").sizeBytes(1234)
                .responseMillis(56).title(title).depth(2).inlinks(3).outlinks(4)
                .referrer("http://127.0.0.1/").build();
    }

    private List<Path> filesInDir() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String firstLine(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    @Test
    void pagesRoundTripThroughOpenCsvWithAwkwardTitles() throws Exception {
        List<String> titles = List.of(
                "plain",
                "comma, inside",
                "say \"hi\"",
                "\"quoted at both ends\"",
                "line one\nline two",
                "mixed, \"all\"\nof them",
                "café é",
                "日本語のページ",
                "emoji 😀👍🏽",
                "");
        List<CrawlResult> rows = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            rows.add(page("http://127.0.0.1/p/" + i + ".html?a=1&b=2", titles.get(i)));
        }
        Path file = dir.resolve("pages.csv");

        exporter.write(file, CrawlCsv.pages(Map.of()), rows);

        List<String[]> lines = readCsv(file);
        assertEquals(PAGES_HEADER, String.join(",", lines.get(0)));
        assertThat(firstLine(file)).isEqualTo(PAGES_HEADER);
        assertThat(lines).hasSize(titles.size() + 1);
        for (int i = 0; i < titles.size(); i++) {
            assertEquals(List.of("http://127.0.0.1/p/" + i + ".html?a=1&b=2", "200", "text/html",
                    "1234", "56", titles.get(i), "2", "3", "4", "http://127.0.0.1/", "", "",
                    "", "", "", "", "0", "", "true", "ok", "", "false", ""),
                    List.of(lines.get(i + 1)));
        }
        assertThat(filesInDir()).containsExactly(file);
    }

    @Test
    void brokenLinksHaveTheirHeaderAndOneLinePerLink() throws Exception {
        List<BrokenLink> links = List.of(
                new BrokenLink("http://127.0.0.1/a", "http://127.0.0.1/missing", 404, null, "",
                        "Missing, \"page\"", "a", "http://127.0.0.1/missing", ""),
                new BrokenLink("http://127.0.0.1/b", "http://nothing.invalid/", 0, ErrorKind.DNS,
                        "Host name could not be resolved", "日本", "img", "http://nothing.invalid/",
                        ""));
        Path file = dir.resolve("broken.csv");

        exporter.write(file, CrawlCsv.BROKEN_LINKS, links);

        assertThat(firstLine(file)).isEqualTo(BROKEN_HEADER);
        List<String[]> lines = readCsv(file);
        assertEquals(3, lines.size());
        assertEquals(List.of("http://127.0.0.1/a", "http://127.0.0.1/missing", "404", "",
                "Missing, \"page\"", "a", "http://127.0.0.1/missing", ""),
                List.of(lines.get(1)));
        assertEquals(List.of("http://127.0.0.1/b", "http://nothing.invalid/", "",
                "DNS: Host name could not be resolved", "日本", "img", "http://nothing.invalid/",
                ""), List.of(lines.get(2)));
    }

    @Test
    void failedRequestHasEmptyStatusAndKindWithMessageInTheErrorColumn() throws Exception {
        CrawlResult failed = CrawlResult.builder("http://127.0.0.1:9/")
                .error(ErrorKind.REFUSED, "Connection refused").build();
        Path file = dir.resolve("pages.csv");

        exporter.write(file, CrawlCsv.pages(Map.of()), List.of(failed));

        List<String[]> lines = readCsv(file);
        // no size (no answer), the time until it failed
        assertEquals(List.of("http://127.0.0.1:9/", "", "", "", "0", "", "0", "0", "0", "", "",
                "REFUSED: Connection refused", "", "", "", "", "0", "", "false", "error", "", "false",
                ""),
                List.of(lines.get(1)));
    }

    @Test
    void emptyExportWritesOnlyTheHeader() throws Exception {
        Path file = dir.resolve("empty.csv");

        exporter.write(file, CrawlCsv.pages(Map.of()), List.of());

        assertEquals(List.of(PAGES_HEADER), Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    @Test
    void exportIntoAMissingFolderLeavesNothingAndSaysSoPlainly() throws Exception {
        Path target = dir.resolve("no-such-folder").resolve("pages.csv");

        ExportException e = assertThrows(ExportException.class,
                () -> exporter.write(target, CrawlCsv.pages(Map.of()), List.of(page("http://x/", "x"))));

        assertThat(e.path()).isEqualTo(target);
        assertThat(e.getMessage())
                .startsWith("Could not write " + target)
                .contains("folder does not exist")
                .doesNotContain("\n", "Exception");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void columnThatFailsMidWayLeavesNoFileAndNoTempFile() throws Exception {
        Path target = dir.resolve("pages.csv");
        List<Column<String>> columns = List.of(
                new Column<>("value", s -> {
                    if (s.equals("bad")) {
                        throw new IllegalStateException("cannot format " + s);
                    }
                    return s;
                }));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add("row " + i);
        }
        rows.add("bad");
        rows.add("never written");

        ExportException e = assertThrows(ExportException.class,
                () -> exporter.write(target, columns, rows));

        assertThat(e.getMessage()).startsWith("Could not write " + target).doesNotContain("\n");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void existingFileIsReplacedWhenTheWriteSucceeds() throws Exception {
        Path target = dir.resolve("pages.csv");
        Files.writeString(target, "old content\n", StandardCharsets.UTF_8);

        exporter.write(target, CrawlCsv.pages(Map.of()), List.of(page("http://127.0.0.1/", "New")));

        List<String[]> lines = readCsv(target);
        assertThat(lines).hasSize(2);
        assertEquals("New", lines.get(1)[5]);
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void existingFileIsKeptIntactWhenTheWriteFails() throws Exception {
        Path target = dir.resolve("pages.csv");
        Files.writeString(target, "old content\n", StandardCharsets.UTF_8);
        List<Column<CrawlResult>> failing = new ArrayList<>(CrawlCsv.pages(Map.of()));
        failing.add(new Column<>("boom", r -> {
            throw new IllegalStateException("boom");
        }));

        assertThrows(ExportException.class, () ->
                exporter.write(target, failing, List.of(page("http://127.0.0.1/", "New"))));

        assertEquals("old content\n", Files.readString(target, StandardCharsets.UTF_8));
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void existingFileIsKeptIntactWhenTheTargetCannotBeReplaced() throws Exception {
        // A non-empty folder in the way of the target: the rename fails after the temp file
        // was written completely.
        Path target = dir.resolve("pages.csv");
        Files.createDirectory(target);
        Path inside = target.resolve("keep.txt");
        Files.writeString(inside, "old content\n", StandardCharsets.UTF_8);

        ExportException e = assertThrows(ExportException.class, () ->
                exporter.write(target, CrawlCsv.pages(Map.of()), List.of(page("http://127.0.0.1/", "N"))));

        assertThat(e.getMessage()).startsWith("Could not write " + target)
                .endsWith("Nothing was changed.");
        assertEquals("old content\n", Files.readString(inside, StandardCharsets.UTF_8));
        assertThat(filesInDir()).containsExactly(target);
    }
}
