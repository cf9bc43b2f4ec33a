package io.webprobe.cli;

import static io.webprobe.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.Version;
import io.webprobe.testsupport.RefusedPort;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message of the command line is a plain sentence: help names every command, each
 * command's help has no picocli warning, -V prints the version, and bad input is one line
 * without a stack trace or parser words.
 */
class CliMessagesTest {
    private static final List<String> COMMANDS = List.of("crawl", "ping", "export", "compare");

    private static void assertNoStackTraceOrJargon(String text) {
        assertThat(text).doesNotContain("\tat ", "Exception", "Caused by", "WARN",
                "Could not format", "authority", "scheme name", "Expected");
    }

    @Test
    void helpNamesEveryCommand() {
        CliRun help = run("--help");
        assertEquals(0, help.exitCode());
        for (String c : COMMANDS) {
            assertThat(help.out()).contains(c);
        }
        CliRun bare = run();
        for (String c : COMMANDS) {
            assertThat(bare.out() + bare.err()).contains(c);
        }
    }

    /** A run with only missing anchors exits 1 (CrawlAnchorsCommandTest): the help says so. */
    @Test
    void crawlsHelpSaysMissingAnchorsExitOne() {
        String help = run("crawl", "--help").out();
        String codes = help.substring(help.indexOf("Exit codes")).replaceAll("\\s+", " ");

        assertThat(codes).contains(" 1 broken links found (or, with --check-anchors, missing "
                + "anchors); an href that is no URL counts as one (a malformed URL, a mailto: "
                + "link with a malformed address, any file: link) unless --exclude matches it ");
    }

    /** As ./run.sh help: the installed command's "help" is --help, "help crawl" crawl's. */
    @Test
    void helpAsACommandIsTheHelpAndTheHelpSaysWhatNoCommandDoes() {
        CliRun help = run("help");
        CliRun crawl = run("help", "crawl");

        assertEquals(0, help.exitCode());
        assertThat(help.out()).isEqualTo(run("--help").out())
                .contains("Without a command, it opens the window.");
        assertEquals(0, crawl.exitCode());
        assertThat(crawl.out()).isEqualTo(run("crawl", "--help").out());
    }

    @Test
    void anUnknownCommandIsNamedAsOneAndAUrlIsToldTheCommandsThatTakeOne() {
        // picocli's words were 'Unexpected "crawll": this is more than the command takes'
        CliRun.assertPlainError(run("crawll", "http://127.0.0.1/"),
                "Unknown command 'crawll'; did you mean crawl?");
        CliRun.assertPlainError(run("help", "bogus"),
                "Unknown command 'bogus'; webprobe --help lists the commands.");
        CliRun.assertPlainError(run("http://127.0.0.1/"), "'http://127.0.0.1/' is not a "
                + "command: to crawl that site, run webprobe crawl http://127.0.0.1/; to "
                + "measure how fast it answers, webprobe ping http://127.0.0.1/.");
    }

    /**
     * picocli wraps a description where the JDK's line breaks allow, after a dot among them:
     * "(robots." then "txt Sitemap lines", "127.x." then "x.x" read as two words cut apart.
     */
    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare", "selfcheck"})
    void noHelpLineBreaksAWordAtADot(String command) {
        String help = run(command, "--help").out();

        assertThat(java.util.regex.Pattern.compile("[A-Za-z0-9]\\.\\n\\s+[a-z0-9]\\S*")
                .matcher(help).results().map(java.util.regex.MatchResult::group).toList())
                .isEmpty();
    }

    /**
     * Nor inside an example to copy: picocli broke --include's '^https?://[^/]+/docs/' before
     * its "+", leaving '^https?://[^/]' on one line and +/docs/' on the next; ping's "Without
     * :PASSWORD" after its colon ("Without :" then "PASSWORD"); crawl's "-H 'Accept:'" after
     * its -H. A line may not start with what closes an example, end with a lone mark that
     * opens one (":", "(", "[", "=", a quote) or end with an option whose quoted value starts
     * the next line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare", "selfcheck"})
    void noHelpLineStartsWithTheRestOfACutExample(String command) {
        String help = run(command, "--help").out();

        assertThat(java.util.regex.Pattern.compile("\\n\\s+[+\\])]\\S*"
                        + "|(?m)(^|\\s)[:(\\[='\"]+$"
                        + "|(^|\\s)-{1,2}[A-Za-z][\\w-]*\\n\\s+'\\S*")
                .matcher(help).results().map(java.util.regex.MatchResult::group).toList())
                .isEmpty();
        if (command.equals("crawl")) {
            assertThat(help.lines().filter(l -> l.contains("'^https?://[^/]+/docs/'")))
                    .hasSize(1);
        }
    }

    /**
     * A CI user reads --help for a line to copy, as lychee's and oha's show: each command's
     * ends with examples, written as the user types them, that the command takes, on lines of
     * at most 80 columns as the rest of the help.
     */
    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare"})
    void eachCommandsHelpEndsWithExamplesItTakes(String command) {
        String help = run(command, "--help").out();

        assertThat(help).contains("\nExamples:\n");
        List<String> examples = help.substring(help.indexOf("\nExamples:\n")).lines()
                .map(String::strip).filter(l -> l.startsWith("webprobe " + command + " "))
                .toList();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        for (String example : examples) {
            // single-quoted words hold no blank here, so a split on blanks is the shell's
            String[] words = java.util.Arrays.stream(example.split("\\s+")).skip(1)
                    .map(w -> w.replace("'", "")).toArray(String[]::new);
            org.junit.jupiter.api.Assertions.assertDoesNotThrow(
                    () -> WebprobeCli.everyCommand().parseArgs(words), example);
        }
        assertThat(help.lines().filter(l -> l.length() > 80)).isEmpty();
    }

    /** The usage line says what the user types: ./run.sh from a clone, webprobe installed. */
    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare"})
    void eachCommandsUsageLineStartsAsTheUserRunsIt(String command) {
        assertThat(run(command, "--help").out()).startsWith("Usage: webprobe " + command + " ");
        String before = System.getProperty(io.webprobe.CommandName.PROPERTY);
        System.setProperty(io.webprobe.CommandName.PROPERTY, "./run.sh");
        try {
            assertThat(run(command, "--help").out())
                    .startsWith("Usage: ./run.sh " + command + " ");
            assertThat(run(command, "--bogus").err()).endsWith(" Run ./run.sh " + command
                    + " --help to see every option.\n");
        } finally {
            if (before == null) {
                System.clearProperty(io.webprobe.CommandName.PROPERTY);
            } else {
                System.setProperty(io.webprobe.CommandName.PROPERTY, before);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare"})
    void eachCommandsHelpIsCleanAndItsVersionIsPrinted(String command) {
        CliRun help = run(command, "--help");
        assertEquals(0, help.exitCode());
        assertNoStackTraceOrJargon(help.out() + help.err());
        assertThat(help.out()).contains("Exit codes");

        for (String flag : List.of("-V", "--version")) {
            CliRun v = run(command, flag);
            assertEquals(0, v.exitCode());
            assertThat(v.out().strip()).isEqualTo("Webprobe " + Version.get());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://", "htp://example.com", "http//example.com", "mailto:a@b.c",
        "http://127.0.0.1:99999/", "   ", "ftp://example.com/"})
    void aBadStartUrlIsOneSentence(String url) {
        CliRun r = run("crawl", url, "--quiet");
        assertEquals(2, r.exitCode());
        assertThat(r.err()).startsWith("webprobe: ");
        assertThat(r.err().strip()).doesNotContain("\n");
        assertNoStackTraceOrJargon(r.err());
    }

    @Test
    void aVeryLongUrlIsShortenedInTheMessage() {
        String longUrl = "http://" + "x".repeat(5_000) + "/ with a space";
        CliRun r = run("crawl", longUrl, "--quiet");
        assertEquals(2, r.exitCode());
        assertThat(r.err().length()).isLessThan(400);
        assertNoStackTraceOrJargon(r.err());
    }

    /**
     * Found by a tester beside linkchecker and wget: a mistyped option only pointed to the
     * help; one close to an option the command has is named, as git and cargo name it.
     */
    @Test
    void aMistypedOptionOrCommandIsToldTheOneMeant() {
        String url = "http://127.0.0.1:1/";
        CliRun.assertPlainError(run("crawl", url, "--no-extrenal"),
                "Unknown option: '--no-extrenal'; did you mean --no-external?");
        CliRun.assertPlainError(run("ping", url, "--concurency", "5"),
                "Unknown option: '--concurency'; did you mean --concurrency?");
        CliRun.assertPlainError(run("crawl", url, "--treads=4"),
                "Unknown option: '--treads'; did you mean --threads?");
        CliRun.assertPlainError(run("crawl", url, "-threads", "4"),
                "Unknown option: '-threads'; did you mean --threads?");
        CliRun.assertPlainError(run("crwal", url), "Unknown command 'crwal'; did you mean crawl?");
        // nothing close: where the options are listed, as before
        CliRun.assertPlainError(run("crawl", url, "--nope"), "Unknown option: '--nope'. Run "
                + "webprobe crawl --help to see every option.");
    }

    /**
     * Found by a tester: an unknown option's value, or the URL after it, was named an option
     * too ("Unknown options: '--depth', 'http://s/'": the 5 of {@code --depth 5} was taken for
     * the URL); a limit typed without its {@code max-}, or named as another command or tool
     * names it ({@code crawl -c}, {@code -o}), is told the option meant.
     */
    @Test
    void anUnknownOptionIsNamedAloneWithTheOneMeantWhereThereIsOne() {
        String url = "http://127.0.0.1:1/";
        CliRun.assertPlainError(run("crawl", "--depth", "5", url),
                "Unknown option: '--depth'; did you mean --max-depth?");
        CliRun.assertPlainError(run("crawl", url, "--pages=5"),
                "Unknown option: '--pages'; did you mean --max-pages?");
        CliRun.assertPlainError(run("crawl", url, "-c", "4"),
                "Unknown option: '-c'; did you mean --threads?");
        CliRun.assertPlainError(run("ping", url, "--threads", "4"),
                "Unknown option: '--threads'; did you mean -c (--concurrency)?");
        CliRun.assertPlainError(run("export", "a.webprobe", "-o", "a.csv"),
                "Unknown option: '-o'; did you mean --csv?");
        CliRun.assertPlainError(run("compare", "a.webprobe", "b.webprobe", "-x"), "Unknown "
                + "option: '-x'. Run webprobe compare --help to see every option.");
        // the opposite of what was typed is not offered: checking other sites is the default
        CliRun.assertPlainError(run("crawl", url, "--external"), "Unknown option: "
                + "'--external'. Run webprobe crawl --help to see every option.");
        CliRun.assertPlainError(run("crawl", url, "--nope", "3"), "Unknown option: '--nope'. "
                + "Run webprobe crawl --help to see every option.");
        CliRun.assertPlainError(run("crawl", url, "--nope", "-1"), "Unknown option: '--nope'. "
                + "Run webprobe crawl --help to see every option.");
        CliRun.assertPlainError(run("crawl", url, "--nope", "--nada=2"), "Unknown options: "
                + "'--nope', '--nada'. Run webprobe crawl --help to see every option.");
    }

    /**
     * Found by a tester: {@code crawl URL --db -} made a crawl file named "-" in the current
     * folder and sent the summary to stderr, as if it were standard output; {@code export -}
     * said "There is no crawl file at -". A crawl file is never a standard stream.
     */
    @Test
    void aCrawlFileCannotBeAStandardStream() {
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        CliRun.assertPlainError(run("crawl", url, "--db", "-"), "--db -: a crawl file is a "
                + "database, read and written in place, so it cannot be standard output; give "
                + "a file name (./- for a file named -).");
        assertThat(Path.of("-")).doesNotExist();
        CliRun.assertPlainError(run("crawl", "--resume", "-"), "--resume -: a crawl file is a "
                + "database, read and written in place, so it cannot be standard input; give "
                + "a file name (./- for a file named -).");
        CliRun.assertPlainError(run("export", "-", "--csv", "-"), "FILE -: a crawl file is a "
                + "database, read and written in place, so it cannot be standard input; give "
                + "a file name (./- for a file named -).");
        CliRun.assertPlainError(run("compare", "a.webprobe", "-"), "NEW -: a crawl file is a "
                + "database, read and written in place, so it cannot be standard input; give "
                + "a file name (./- for a file named -).");
    }

    /** Found by a tester: "crawl help" said "This is not a web address", and nothing more. */
    @Test
    void helpWhereTheUrlGoesIsToldWhereTheHelpIs() {
        CliRun.assertPlainError(run("crawl", "help"), "'help' is not a web address; to see the "
                + "options, run webprobe crawl --help.");
        CliRun.assertPlainError(run("ping", "help"), "'help' is not a web address; to see the "
                + "options, run webprobe ping --help.");
    }

    @Test
    void anUnknownOptionOrCommandIsOneLineNamingWhereHelpIs() {
        CliRun option = run("crawl", "http://127.0.0.1:1/", "--nope");
        assertEquals(2, option.exitCode());
        assertThat(option.err().strip()).doesNotContain("\n").contains("webprobe crawl --help");
        CliRun command = run("crawwl");
        assertEquals(2, command.exitCode());
        assertThat(command.err().strip()).doesNotContain("\n");
        assertNoStackTraceOrJargon(option.err() + command.err());
    }

    /**
     * The rule of the "Run … --help" pointer: an error whose sentence cannot say what to type
     * (an unknown option, a surplus argument, a missing value) ends with it; a refused value
     * says what the option takes and ends there, whether picocli refused it (--threads abc) or
     * the command did (--delay-ms 3600001): some had the pointer and others not.
     */
    @ParameterizedTest
    @ValueSource(strings = {"crawl", "ping", "export", "compare"})
    void onlyAnErrorThatCannotSayWhatToTypePointsToTheHelp(String command) {
        String pointer = " Run webprobe " + command + " --help to see every option.\n";

        assertThat(run(command, "--nope").err()).endsWith(pointer);
        assertThat(run(command, "--csv").err()).endsWith(pointer);
    }

    @Test
    void aRefusedValueSaysWhatTheOptionTakesWithoutThePointer() {
        String url = "http://127.0.0.1:1/";
        for (CliRun r : List.of(run("crawl", url, "--threads", "abc"),
                run("crawl", url, "--threads", "0"),
                run("crawl", url, "--timeout", "1x"),
                run("crawl", url, "--threads", "2", "--threads", "3"),
                run("ping", url, "--max-p99", "5x"),
                run("ping", url, "--max-error-rate", "150"),
                run("ping", url, "--concurrency", "99999999999"))) {
            assertEquals(2, r.exitCode(), r.err());
            assertThat(r.err()).startsWith("webprobe: ").doesNotContain("--help");
        }
    }

    @Test
    void aNumberTooBigForTheTypeIsToldTheOptionsOwnRange() {
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--threads", "99999999999"),
                "--threads takes a whole number from 1 to 256; 99999999999 is too big.");
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--max-depth",
                "99999999999"), "--max-depth takes a whole number up to 2,147,483,647; "
                        + "99999999999 is too big.");
    }

    /**
     * Found by an exploratory pass: a whole number with a blank around it ({@code --threads
     * "$N"} of a padded {@code wc -l}, a value read from a file with CRLF lines) was refused as
     * too big ("--threads takes a whole number from 1 to 256;  8 is too big"; "--max-depth:
     * '1\r' is not an int"), while --max-rps ' 2', --timeout ' 5' and --max-size ' 5MB' took
     * theirs. The --csv '' after it shows the number was taken: its refusal comes next.
     */
    @Test
    void aWholeNumberWithBlanksAroundItIsTakenAsTheOtherNumbersAre() {
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        String[][] runs = {
            {"crawl", url, "--threads", " 8", "--csv", ""},
            {"crawl", url, "--max-pages", "3 ", "--csv", ""},
            {"crawl", url, "--max-depth", "1\r", "--csv", ""},
            {"crawl", url, "--delay-ms", "\t5", "--csv", ""},
            {"ping", url, "--count", " 3", "--csv", ""},
        };
        for (String[] args : runs) {
            CliRun.assertPlainError(run(args), "--csv was given an empty name; give a file "
                    + "name.");
        }
    }

    /** "--max-pages takes a whole number up to 2,147,483,647; -99999999999 is too big." */
    @Test
    void aNegativeNumberTooBigForTheTypeIsNotCalledTooBig() {
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        CliRun.assertPlainError(run("crawl", url, "--max-pages", "-99999999999"),
                "--max-pages cannot be negative, and -99999999999 is.");
        CliRun.assertPlainError(run("ping", url, "--count", "-99999999999999999999"),
                "--count cannot be negative, and -99999999999999999999 is.");
    }

    /** "--max-depth: 'x\n' is not an int.": a value on two lines missed the plain sentence. */
    @Test
    void aValueOnTwoLinesThatIsNoNumberIsToldSoPlainly() {
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        CliRun.assertPlainError(run("crawl", url, "--max-depth", "x\ny"),
                "--max-depth takes a whole number; 'x\ny' is not one.");
    }

    @Test
    void anOptionGivenTwiceIsSaidPlainly() {
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--threads", "2",
                "--threads", "3"), "--threads is given twice; give it once.");
    }

    @Test
    void aSurplusArgumentHintsAtQuotingOnlyWhereArgumentsAreUrls() {
        CliRun export = run("export", "a.webprobe", "b.webprobe");
        CliRun crawl = run("crawl", "http://127.0.0.1:1/a", "b");

        CliRun.assertPlainError(export, "Unexpected \"b.webprobe\": this is more than the "
                + "command takes. Run webprobe export --help to see every option.");
        assertThat(crawl.err()).contains("(a URL with a space in it must be quoted)");
    }

    /**
     * {@code crawl URL -- --csv out.csv}: '--' ends the options, so picocli read --csv as an
     * argument and said "Unknown options: '--csv', 'out.csv'" of an option crawl has; ping
     * tried it as a URL. Where the option belongs is said instead. An argument after '--'
     * that is no option, or a file of that name, is still an argument.
     */
    @Test
    void anOptionAfterTheEndOfOptionsIsSaidToBelongBeforeIt() {
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--", "--csv", "out.csv"),
                "'--csv' comes after '--', which ends the options: what follows it is read as "
                        + "URLs, so put '--csv' before the '--', or leave the '--' out.");
        CliRun.assertPlainError(run("ping", "http://127.0.0.1:1/", "--", "--count=3"),
                "'--count' comes after '--', which ends the options: what follows it is read "
                        + "as URLs, so put '--count' before the '--', or leave the '--' out.");
        CliRun.assertPlainError(run("export", "--", "a.webprobe", "-q"),
                "'-q' comes after '--', which ends the options: what follows it is read as "
                        + "file names, so put '-q' before the '--', or leave the '--' out.");
        // what '--' is for: an argument that looks like an option but is none
        assertThat(run("crawl", "--", "-x").err()).doesNotContain("comes after '--'");
        assertThat(run("export", "--", "--nonesuch").err()).doesNotContain("comes after '--'");
    }

    @Test
    void aConnectTimeoutLongerThanTheTimeoutIsRefused() {
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--connect-timeout", "20",
                "--timeout", "5"), "--connect-timeout 20 is longer than --timeout 5; give it at "
                        + "most that.");
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--connect-timeout", "20"),
                "--connect-timeout 20 is longer than --timeout 15 (its default); give it at most "
                        + "that.");
    }

    @Test
    void aHeaderWithALineBreakIsASentence() {
        CliRun.assertPlainError(run("ping", "http://127.0.0.1:1/", "-H", "X: a\nb"),
                "Header X has a line break in its value.");
    }

    /**
     * Found by a tester: picocli's own words reached the user ("Expected parameter for option
     * '--threads' but found '-q'.", "Missing required parameter: 'NEW'.", "Invalid value for
     * option '--max-size': …").
     */
    @Test
    void aMissingValueOrArgumentAndARefusedValueAreSaidPlainly() {
        String crawlHelp = " Run webprobe crawl --help to see every option.";
        CliRun.assertPlainError(run("crawl", "--threads", "-q"), "--threads needs a value."
                + crawlHelp);
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--threads"),
                "--threads needs a value." + crawlHelp);
        CliRun.assertPlainError(run("compare", "a.webprobe"), "compare needs two crawl files: "
                + "OLD and NEW. Run webprobe compare --help to see every option.");
        CliRun.assertPlainError(run("compare"), "compare needs two crawl files: OLD and NEW. "
                + "Run webprobe compare --help to see every option.");
        CliRun.assertPlainError(run("export"), "export needs the crawl file to write from: "
                + "FILE. Run webprobe export --help to see every option.");
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--max-size", "5XB"),
                "--max-size: '5XB' is not a size; use bytes (1048576) or a unit (500KB, 10MB, "
                        + "1GB).");
        CliRun.assertPlainError(run("ping", "http://127.0.0.1:1/", "-d", "1x"),
                "--duration: '1x' is not a duration; use seconds (15) or units (500ms, 10s, "
                        + "2m, 1h, 1d, 1m30s).");
        assertNoStackTraceOrJargon(run("crawl", "--db").err());
        assertThat(run("crawl", "--db").err()).doesNotContain("Missing", "required",
                "parameter", "Invalid value");
    }

    /** The command line writes its numbers with thousands separators: 3,600,000, not 3600000. */
    @Test
    void aDelayOutOfRangeIsToldWithThousandsSeparators() {
        CliRun.assertPlainError(run("crawl", "http://127.0.0.1:1/", "--delay-ms", "3600001"),
                "--delay-ms must be between 0 and 3,600,000 ms (an hour).");
    }

    /** An empty URL (an unset variable) is not told the Crawl tab's "Enter an address". */
    @Test
    void anEmptyUrlIsAskedForInTheCommandLinesWords() {
        CliRun.assertPlainError(run("ping", ""), "An empty URL was given; give the URLs to "
                + "ping, or --file with a list of URLs.");
        CliRun.assertPlainError(run("ping", "http://127.0.0.1:1/", " "), "An empty URL was "
                + "given; give the URLs to ping, or --file with a list of URLs.");
        CliRun.assertPlainError(run("crawl", "", "--quiet"), "Give the start URL, e.g. webprobe "
                + "crawl https://example.com/ (or --resume FILE to continue a stored crawl).");
    }

    /**
     * Under LANG=fr_FR.ISO-8859-1 where that locale is not installed, Java reads names as
     * ASCII, and --db crawl\u00e9.webprobe was told "cannot convert 'crawl\uFFFD\uFFFD.webprobe'
     * to Path (java.nio.file.InvalidPathException: Malformed input...)". Here a lone surrogate,
     * which no character set can write, stands for it.
     */
    @Test
    void aFileNameTheLocaleCannotWriteIsOneSentenceWithoutJavasWords() {
        String name = "crawl\uD800.webprobe";
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        CliRun.assertPlainError(run("crawl", url, "--db", name), "--db: '"
                + name + "' has characters that the locale's character set ("
                + System.getProperty("sun.jnu.encoding") + ") cannot put in a file name; use a "
                + "UTF-8 locale, for example LANG=C.UTF-8.");
    }

    /**
     * Found by a tester: an empty file name (an unset variable, {@code --file "$LIST"}) was
     * taken for the current folder: "webprobe:  is a folder, not a crawl file.", "Could not
     * read : it is a folder, not a file.", and crawl's --cacert named the folder. Every file
     * the command line takes, read or written, is told the same sentence naming it.
     */
    @Test
    void anEmptyFileNameIsSaidToBeEmptyForEveryFileArgument() {
        String url = "http://127.0.0.1:" + RefusedPort.heldForTheRun() + "/";
        String[][] runs = {
            {"--file", "ping", "--file", "", "-n", "1"},
            {"--cacert", "ping", url, "-n", "1", "--cacert", ""},
            {"--csv", "ping", url, "-n", "1", "--csv", ""},
            {"--requests-csv", "ping", url, "-n", "1", "--requests-csv", ""},
            {"--cacert", "crawl", url, "--cacert", ""},
            {"--resume", "crawl", "--resume", ""},
            {"--db", "crawl", url, "--db", ""},
            {"--csv", "crawl", url, "--csv", ""},
            {"--broken-csv", "crawl", url, "--broken-csv", ""},
            {"--orphans-csv", "crawl", url, "--sitemaps", "--orphans-csv", ""},
            {"FILE", "export", "", "--csv", "x.csv"},
            {"--csv", "export", "a.webprobe", "--csv", ""},
            {"OLD", "compare", "", "b.webprobe"},
            {"NEW", "compare", "a.webprobe", ""},
            {"--csv", "compare", "a.webprobe", "b.webprobe", "--csv", ""},
        };
        for (String[] r : runs) {
            String[] args = java.util.Arrays.copyOfRange(r, 1, r.length);
            // a refused value: the sentence says what to type, so no pointer to the help
            CliRun.assertPlainError(run(args), r[0] + " was given an empty name; give a file "
                    + "name.");
        }
    }
}
