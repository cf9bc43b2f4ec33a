package io.webprobe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The webprobe(1) man page the .deb carries (packaging/package.sh writes it with ManPage). */
class ManPageTest {
    @TempDir
    Path dir;

    @Test
    void everyOptionOfEveryCommandIsOnThePage() {
        String page = ManPage.page();

        CommandLine cl = WebprobeCli.everyCommand();
        assertThat(cl.getSubcommands()).containsKeys("crawl", "ping", "export", "compare",
                "selfcheck");
        for (Map.Entry<String, CommandLine> c : cl.getSubcommands().entrySet()) {
            assertThat(page).contains(".SS \"webprobe " + c.getKey());
            for (OptionSpec o : c.getValue().getCommandSpec().options()) {
                if (!o.hidden()) {
                    assertThat(page).as("%s %s", c.getKey(), o.longestName())
                            .contains("\\fB" + o.longestName().replace("-", "\\-") + "\\fR");
                }
            }
        }
    }

    @Test
    void manShowsItWithoutAWarningWithDefaultsAndExitCodesFilledIn() throws Exception {
        // lintian runs man --warnings on every page and reports what groff says
        assumeThat(Path.of("/usr/bin/man")).exists();
        Path file = dir.resolve("webprobe.1");
        ManPage.main(new String[] {file.toString()});

        ProcessBuilder pb = new ProcessBuilder("man", "--warnings", "-E", "UTF-8", "-l", file
                .toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null")));
        pb.environment().put("MANWIDTH", "80");
        pb.environment().put("MAN_KEEP_FORMATTING", "");
        pb.environment().put("MANPAGER", "cat");
        pb.environment().put("LC_ALL", "C.UTF-8");
        Path err = dir.resolve("stderr");
        Process p = pb.redirectError(err.toFile()).start();
        String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Files.readString(err)).isEmpty();
        assertThat(p.exitValue()).isZero();
        // man justifies a line by widening its spaces from the left on one line, the right on
        // the next: whether "Worker  threads" has two depends on the lines above it
        assertThat(shown.replaceAll("(?<=\\S) {2,}(?=\\S)", " "))
                .contains("WEBPROBE(1)", "webprobe crawl [URL]",
                "--threads=N", "Worker threads, 1 to 256 (default: 8;", "WEBPROBE_JAVA_OPTS")
                .doesNotContain("${DEFAULT-VALUE}", "%n");
        // the crawl's exit codes, as crawl --help lists them
        assertThat(shown).containsPattern("\\n {7}130 +stopped by Ctrl-C");
        // and its examples, as crawl --help ends with them
        assertThat(shown).contains("Examples:")
                .containsPattern("\\n {8,}webprobe crawl https://example\\.com/ -q --broken-csv");
    }

    @Test
    void troffControlCharactersInTheTextAreTakenLiterally() {
        assertThat(ManPage.text(".hidden, 'quoted and a \\ backslash"))
                .isEqualTo("\\&.hidden, 'quoted and a \\e backslash");
        assertThat(ManPage.text("'quoted")).isEqualTo("\\&'quoted");
        assertThat(ManPage.text("see --timeout and -H, not link-local%nnext"))
                .isEqualTo("see \\-\\-timeout and \\-H, not link-local\n.br\nnext");
    }
}
