package io.webprobe.ui.listcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bug: "7 URLs · 2 lines skipped (line 6: Only http:// and https:// addresses can be…"
 * named the first skipped line only, and was cut. Every skipped line is named now, briefly,
 * and why in the tooltip, by reason, as the Ping tab says it.
 */
class ListInputModelTest {
    @Test
    void everySkippedLineIsNamedAndWhyIsSaidByReason() {
        ListInputModel m = new ListInputModel(Runnable::run, Runnable::run);
        m.textProperty().set("""
                http://127.0.0.1:1/a
                http://127.0.0.1:1/b
                ftp://127.0.0.1/file
                http://127.0.0.1:1/c
                mailto:someone@example.com
                garbage line here
                """);

        assertThat(m.summaryProperty().get())
                .isEqualTo("3 URLs · 3 lines skipped (lines 3, 5 and 6)");
        String why = m.skippedProperty().get();
        assertThat(why.lines().toList()).hasSizeBetween(2, 3)
                .allSatisfy(l -> assertThat(l).matches("Lines? [0-9, and]+ skipped: .+"));
        assertThat(why).contains("Line 3").contains("6");

        m.textProperty().set("http://127.0.0.1:1/a");
        assertThat(m.summaryProperty().get()).isEqualTo("1 URL");
        assertThat(m.skippedProperty().get()).isEmpty();
    }

    /**
     * A URL listed twice was left out without a word when no line was bad, and two spellings
     * of one URL ({@code /%7Ea}, {@code /~a}) were both kept: the summary and the sentence said
     * as the check starts count each repeat.
     */
    @Test
    void urlsListedTwiceAreLeftOutAndCounted() {
        ListInputModel m = new ListInputModel(Runnable::run, Runnable::run);
        m.textProperty().set("""
                http://127.0.0.1:1/a
                http://127.0.0.1:1/b
                http://127.0.0.1:1/a
                http://127.0.0.1:1/%7Ec
                http://127.0.0.1:1/~c
                """);

        assertThat(m.summaryProperty().get()).isEqualTo("3 URLs · 2 duplicates left out");
        assertThat(m.skippedProperty().get())
                .isEqualTo("2 lines repeat URLs listed above them and were left out.");
        io.webprobe.ping.TargetList list = m.urls().orElseThrow();
        assertThat(list.urls()).hasSize(3);
        assertThat(ListInputModel.duplicatesLeftOut(list))
                .isEqualTo("2 duplicate URLs in the list were left out");

        m.textProperty().set("http://127.0.0.1:1/a\nhttp://127.0.0.1:1/a\nftp://x/");
        assertThat(m.summaryProperty().get())
                .isEqualTo("1 URL · 1 line skipped (line 3) · 1 duplicate left out");
        assertThat(ListInputModel.duplicatesLeftOut(m.urls().orElseThrow()))
                .isEqualTo("1 duplicate URL in the list was left out");
    }

    /** A list saved as UTF-16 with its byte-order mark (Windows PowerShell's > file) loads. */
    @Test
    void aListSavedAsUtf16Loads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        ListInputModel m = new ListInputModel(Runnable::run, Runnable::run);
        java.nio.file.Path file = dir.resolve("urls.txt");
        java.nio.file.Files.write(file, "\uFEFFhttp://127.0.0.1:1/a\r\nhttp://127.0.0.1:1/b\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE));

        m.load(file).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(m.summaryProperty().get()).isEqualTo("2 URLs");
    }
}
