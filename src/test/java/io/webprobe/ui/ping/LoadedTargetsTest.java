package io.webprobe.ui.ping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Load from file… says of a file longer than the list takes. */
class LoadedTargetsTest {

    /**
     * The bug: a file of 1,500 URLs with two lines that are not web addresses among its first
     * 1,000 read "Loaded the first 1,000 of the 1,502 URLs": 998 URLs were loaded, and the file
     * held 1,500. The sentence counts the URLs loaded and calls the lines lines.
     */
    @Test
    void aCutFileWithBadLinesSaysHowManyUrlsItLoaded() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            lines.add("http://127.0.0.1:1/p" + i);
        }
        lines.add(5, "garbage line here");
        lines.add(20, "mailto:x@y.z");

        LoadedTargets loaded = LoadedTargets.of("many.txt",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(loaded.list().urls()).hasSize(998);
        assertThat(loaded.status()).isEqualTo("Loaded 998 URLs from the first 1,000 of the 1,502 "
                + "lines in many.txt (the most it takes; ping --file on the command line takes "
                + "any number).");
    }

    /**
     * The bug: a file whose first 1,000 lines are good URLs, and whose 1,500 hold 20 lines that
     * are not web addresses and 30 that repeat a URL above them, read "Loaded the first 1,000 of
     * the 1,500 URLs": the file holds 1,450, each once.
     */
    @Test
    void aCutFileCountsItsUrlsAsTheListDoes() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1450; i++) {
            lines.add("http://127.0.0.1:1/p" + i);
        }
        for (int i = 0; i < 20; i++) {
            lines.add(1100 + i * 10, "not a url " + i);
        }
        for (int i = 0; i < 30; i++) {
            lines.add(1200 + i * 5, "http://127.0.0.1:1/p" + i);
        }

        LoadedTargets loaded = LoadedTargets.of("many.txt",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(loaded.list().urls()).hasSize(1000);
        assertThat(loaded.status()).isEqualTo("Loaded the first 1,000 of the 1,450 URLs in "
                + "many.txt (the most it takes; ping --file on the command line takes any "
                + "number).");
    }

    /** Past the first 1,000, only lines that are no URL, or repeat one: every URL loaded. */
    @Test
    void aFileWhoseOtherLinesAddNoUrlSaysAllLoaded() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            lines.add("http://127.0.0.1:1/p" + i);
        }
        lines.add("not a url");
        lines.add("http://127.0.0.1:1/p7");

        LoadedTargets loaded = LoadedTargets.of("all.txt",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(loaded.list().urls()).hasSize(1000);
        assertThat(loaded.status()).isEqualTo("Loaded 1,000 URLs from all.txt.");
    }

    /** A file too long to judge every line of is told by its lines. */
    @Test
    void aLongFileIsToldByItsLines() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= LoadedTargets.COUNTED_LINES; i++) {
            text.append("http://127.0.0.1:1/p").append(i).append('\n');
        }

        LoadedTargets loaded = LoadedTargets.of("big.txt",
                text.toString().getBytes(StandardCharsets.UTF_8), 1000);

        assertThat(loaded.list().urls()).hasSize(1000);
        assertThat(loaded.status()).isEqualTo("Loaded the first 1,000 URLs of the 10,001 lines "
                + "in big.txt (the most it takes; ping --file on the command line takes any "
                + "number).");
    }
}
