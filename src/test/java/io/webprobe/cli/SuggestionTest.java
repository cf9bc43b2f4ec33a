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
    }
}
