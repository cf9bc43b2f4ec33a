package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionTest {
    @Test
    void aSwapADropAnAddOrAChangeIsOneEdit() {
        assertThat(io.webprobe.EditDistance.between("--no-extrenal", "--no-external")).isEqualTo(1);
        assertThat(io.webprobe.EditDistance.between("--treads", "--threads")).isEqualTo(1);
        assertThat(io.webprobe.EditDistance.between("--threadss", "--threads")).isEqualTo(1);
        assertThat(io.webprobe.EditDistance.between("--thraeds", "--threads")).isEqualTo(1);
        assertThat(io.webprobe.EditDistance.between("--tmieout", "--timeout")).isEqualTo(1);
        assertThat(io.webprobe.EditDistance.between("abc", "abc")).isZero();
        assertThat(io.webprobe.EditDistance.between("", "abc")).isEqualTo(3);
    }

    @Test
    void onlyNamesCloseForTheWordsLengthAreSuggestedAndAtMostTwo() {
        List<String> names = List.of("--csv", "--db", "--threads", "--timeout", "-q", "--quiet");
        assertThat(Suggestion.closest("--tread", names)).isEqualTo("--threads");
        assertThat(Suggestion.closest("--nope", names)).isNull();
        // a short word allows one edit only: "--cs" is --csv, "--xy" is nothing
        assertThat(Suggestion.closest("--cs", names)).isEqualTo("--csv");
        assertThat(Suggestion.closest("--xy", names)).isNull();
        assertThat(Suggestion.closest("--dc", List.of("--db", "--dv"))).isEqualTo("--db or --dv");
        assertThat(Suggestion.closest("--d", List.of("--da", "--db", "--dc"))).isNull();
        // a letter of its own is no slip of another: compare -x is not -h or -V
        assertThat(Suggestion.closest("-x", List.of("-h", "-V", "--csv"))).isNull();
    }

    @Test
    void aLimitTypedWithoutItsMaxIsTheOneOptionEndingWithIt() {
        List<String> names = List.of("--max-depth", "--max-pages", "--no-external",
                "--ignore-robots", "--max-retries", "--max-retry-after", "--csv", "--broken-csv");
        assertThat(Suggestion.limitWithoutMax("--depth", names)).isEqualTo("--max-depth");
        assertThat(Suggestion.limitWithoutMax("-retries", names)).isEqualTo("--max-retries");
        // never the opposite of what was typed
        assertThat(Suggestion.limitWithoutMax("--external", names)).isNull();
        assertThat(Suggestion.limitWithoutMax("--robots", names)).isNull();
        // a word ending two options, or too short to tell, names none
        assertThat(Suggestion.limitWithoutMax("--csv", List.of("--broken-csv", "--orphans-csv")))
                .isNull();
        assertThat(Suggestion.limitWithoutMax("--th", List.of("--max-depth"))).isNull();
        // an option that only ends with the word is another thing: --delay is not the cap on
        // a robots.txt's Crawl-delay, nor --after the cap on Retry-After
        List<String> crawl = List.of("--delay-ms", "--max-crawl-delay", "--max-retry-after");
        assertThat(Suggestion.limitWithoutMax("--delay", crawl)).isNull();
        assertThat(Suggestion.limitWithoutMax("--after", crawl)).isNull();
    }
}
