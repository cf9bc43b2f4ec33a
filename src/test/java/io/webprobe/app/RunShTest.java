package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How run.sh picks a JDK, with fake JDKs (a {@code bin/java} script that only reports its
 * version) and a PATH holding only the tools run.sh needs, so the machine's own Java plays no
 * part: a JAVA_HOME that cannot be used is named in one sentence, then replaced or fatal.
 */
class RunShTest {
    private static final List<String> TOOLS = List.of("dirname", "readlink", "awk", "cut",
            "sed", "head", "cat");

    @TempDir
    Path dir;
    private Path tools;
    private Path jdks;

    @BeforeEach
    void fakeMachine() throws IOException {
        tools = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            tool(tool);
        }
        jdks = Files.createDirectories(dir.resolve("jvm"));
    }

    @Test
    void aMissingJavaHomeIsNamedAndAnotherJdkUsed() throws Exception {
        Path jdk21 = fakeJdk(jdks.resolve("jdk-21"), 21, true);
        Result r = runHelp(Map.of("JAVA_HOME", dir.resolve("gone").toString()));
        assertThat(r.stderr()).containsExactly("webprobe: note: JAVA_HOME points at " + dir.resolve("gone")
                + ", which does not exist; using " + jdk21 + " instead.");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("Usage: ./run.sh", "ping URL...", "package");
    }

    @Test
    void aJavaHomeThatIsTooOldIsNamedAndAnotherJdkUsed() throws Exception {
        Path jdk17 = fakeJdk(dir.resolve("jdk-17"), 17, true);
        Path jdk25 = fakeJdk(jdks.resolve("jdk-25"), 25, true);
        Result r = runHelp(Map.of("JAVA_HOME", jdk17.toString()));
        assertThat(r.stderr()).containsExactly("webprobe: note: JAVA_HOME points at Java 17, "
                + "but Webprobe needs 21 or newer; using " + jdk25 + " instead.");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aJavaHomeThatIsTooOldWithNoOtherJdkIsOneSentenceAndExit2() throws Exception {
        fakeJdk(jdks.resolve("jdk-11"), 11, true);
        Path jdk17 = fakeJdk(dir.resolve("jdk-17"), 17, true);
        Result r = runHelp(Map.of("JAVA_HOME", jdk17.toString()));
        assertThat(r.stderr()).containsExactly("webprobe: JAVA_HOME points at Java 17, but "
                + "Webprobe needs 21 or newer: install a JDK 21 or newer (for example 'apt-get install "
                + "openjdk-21-jdk') and set JAVA_HOME to it.");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void aRuntimeWithoutJavacIsNotEnoughToBuild() throws Exception {
        Path jre = fakeJdk(dir.resolve("jre-21"), 21, false);
        Path jdk = fakeJdk(jdks.resolve("jdk-22"), 22, true);
        Result r = runHelp(Map.of("JAVA_HOME", jre.toString()));
        assertThat(r.stderr()).containsExactly("webprobe: note: JAVA_HOME points at a Java 21 runtime "
                + "without javac, but Webprobe needs a JDK to build; using " + jdk + " instead.");
    }

    @Test
    void noJdkAtAllIsOneSentenceAndExit2() throws Exception {
        Result r = runHelp(Map.of());
        assertThat(r.stderr()).containsExactly("webprobe: Webprobe needs a JDK 21 or newer: install one "
                + "(for example 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it.");
        assertThat(r.exitCode()).isEqualTo(2);
    }

    /** Every line run.sh says on stderr of what went wrong starts as the program's own do. */
    @Test
    void anUnknownCommandIsOneSentenceWithTheProgramsPrefixAndExit2() throws Exception {
        Path checkout = builtCheckout();

        Result r = runIn(checkout, Map.of(), "bogus");

        assertThat(r.stderr()).containsExactly("webprobe: Unknown command 'bogus'; ./run.sh "
                + "help lists the commands.");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(2);
        // a mistyped one is told the command meant, as the program tells it
        Result typo = runIn(checkout, Map.of(), "crwal");
        assertThat(typo.stderr()).containsExactly("webprobe: Unknown command 'crwal'; did you "
                + "mean crawl?");
        assertThat(typo.exitCode()).isEqualTo(2);
        // an option is called one, as the program calls it (run.sh said "Unknown command
        // '--verison'"; found by a tester)
        Result option = runIn(checkout, Map.of(), "--verison");
        assertThat(option.stderr()).containsExactly("webprobe: Unknown option: '--verison'; did "
                + "you mean --version?");
        assertThat(option.exitCode()).isEqualTo(2);
        Result unknown = runIn(checkout, Map.of(), "--bogus=1");
        assertThat(unknown.stderr()).containsExactly("webprobe: Unknown option: '--bogus'. Run "
                + "./run.sh --help to see every option.");
        assertThat(runIn(checkout, Map.of(), "-x").stderr()).containsExactly("webprobe: Unknown "
                + "option: '-x'. Run ./run.sh --help to see every option.");
    }

    /** A URL where the command goes is told the two commands that take one. */
    @Test
    void aUrlInPlaceOfTheCommandIsToldCrawlAndPing() throws Exception {
        Path checkout = builtCheckout();

        Result r = runIn(checkout, Map.of(), "http://127.0.0.1:1/");

        assertThat(r.stderr()).containsExactly("webprobe: 'http://127.0.0.1:1/' is not a "
                + "command: to crawl that site, run ./run.sh crawl http://127.0.0.1:1/; to "
                + "measure how fast it answers, ./run.sh ping http://127.0.0.1:1/.");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(2);
    }

    /** As each command's --version does, and the installed webprobe command's. */
    @Test
    void theVersionIsAskedOfTheProgram() throws Exception {
        Path checkout = builtCheckout();

        for (String flag : List.of("--version", "-V")) {
            Result r = runIn(checkout, Map.of(), flag);

            assertThat(r.stderr()).isEmpty();
            assertThat(r.stdout()).startsWith("ran in ").endsWith(" -jar "
                    + checkout.resolve("target/webprobe-9.9-all.jar") + " --version\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    /**
     * Found by a tester: "./run.sh help crawl" showed the commands, not crawl's options, which
     * the installed command's "webprobe help crawl" shows.
     */
    @Test
    void helpWithACommandIsThatCommandsHelp() throws Exception {
        Path checkout = builtCheckout();

        Result r = runIn(checkout, Map.of(), "help", "crawl");

        assertThat(r.stderr()).isEmpty();
        assertThat(r.stdout()).startsWith("ran in ").endsWith(": "
                + checkout.resolve("target/webprobe-9.9-all.jar") + " crawl --help\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aGoodJavaHomeIsUsedWithoutAWord() throws Exception {
        Path jdk = fakeJdk(dir.resolve("jdk-21"), 21, true);
        Result r = runHelp(Map.of("JAVA_HOME", jdk.toString()));
        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aCommandRunsInTheFolderItWasStartedFromSoItsRelativePathsAreTheUsers()
            throws Exception {
        Path checkout = builtCheckout();
        Path work = Files.createDirectories(dir.resolve("my work"));

        String out = run(checkout, work, "export", "site.webprobe", "--csv", "pages.csv");

        assertThat(out).contains("ran in " + work + ": site.webprobe --csv pages.csv");
    }

    @Test
    void aCommandStartedInAFolderSinceRemovedStopsInsteadOfWritingIntoTheCheckout()
            throws Exception {
        Path checkout = builtCheckout();
        Path work = Files.createDirectories(dir.resolve("gone"));

        Process p = new ProcessBuilder(which("bash").toString(), "-c", "cd \"$1\" && rmdir \"$1\" "
                + "&& PATH=" + tools + " JAVA_HOME=" + dir.resolve("jdk-21") + " HOME=" + dir + " "
                + which("bash") + " \"$0\" export site.webprobe --csv pages.csv",
                checkout.resolve("run.sh").toString(), work.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines().toList();

        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).isEmpty();
        // bash's own "shell-init: error retrieving current directory" comes before any line
        // of run.sh
        assertThat(err).last().isEqualTo("webprobe: The current folder no longer exists; change "
                + "to another folder and run the command again.");
        assertThat(err).filteredOn(line -> !line.startsWith("shell-init:")).hasSize(1);
    }

    @Test
    void packageHandsTheLaunchersTheirOptionsOnOneLineEach() throws Exception {
        // package.sh writes them into the launcher script with sed, which a newline breaks
        Path checkout = builtCheckout();
        Path packaging = Files.createDirectories(checkout.resolve("packaging"));
        script(packaging.resolve("package.sh"),
                "printf '[%s]\\n' \"$WEBPROBE_WINDOW_OPTIONS\" \"$WEBPROBE_CRAWL_OPTIONS\"");

        List<String> out = run(checkout, checkout, "package").lines()
                .filter(line -> line.startsWith("[")).toList();

        assertThat(out).hasSize(2);
        assertThat(out.get(0)).startsWith("[-Xms256m ").endsWith("]");
        assertThat(out.get(1)).startsWith("[-XX:+UseSerialGC ").endsWith("]");
    }

    @Test
    void aCollectorOrHeapSizeInWebprobeJavaOptsReplacesRunShOwn() throws Exception {
        // the JVM refuses two collectors, or an initial heap above the cap, rather than let
        // the last one win: run.sh's own go
        Path checkout = jvmCheckout();

        Result r = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-XX:+UseG1GC -Xms512m"),
                "crawl", "http://127.0.0.1:1/");

        assertThat(r.stderr()).isEmpty();
        assertThat(r.exitCode()).isZero();
        // the crawl's 160 MB cap goes (under the initial heap); the general 1 GB one holds it
        assertThat(r.stdout()).startsWith("ran with: ").contains(" -XX:+UseG1GC -Xms512m -jar ")
                .contains("-Xmx1g").doesNotContain("-XX:+UseSerialGC", "-Xmx160m");
    }

    /**
     * An initial heap under run.sh's cap keeps the cap (it was dropped, and a crawl could grow
     * to a quarter of the RAM); an agent or debugger option is not tried out in a second JVM
     * first (a debugger waiting for its client hung the probe, silently).
     */
    @Test
    void aSmallInitialHeapKeepsTheCapAndAnAgentIsNotProbedTwice() throws Exception {
        Path checkout = jvmCheckout();

        Result small = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xms64m"), "crawl",
                "http://127.0.0.1:1/");
        assertThat(small.stdout()).contains("-Xmx160m", " -Xms64m -jar ");
        assertThat(dir.resolve("probed")).exists(); // a plain option is tried out first
        Files.delete(dir.resolve("probed"));

        String agent = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:9";
        Result debug = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", agent), "crawl",
                "http://127.0.0.1:1/");
        assertThat(debug.stdout()).contains(" " + agent + " -jar ");
        assertThat(dir.resolve("probed")).doesNotExist();
    }

    @Test
    void aSmallerHeapCapInWebprobeJavaOptsDropsTheWindowsInitialHeap() throws Exception {
        Path checkout = jvmCheckout();

        String small = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx100m")).stdout();
        String big = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx2g")).stdout();

        assertThat(small).contains(" -Xmx100m -jar ").doesNotContain("-Xms256m", "-Xmx1g");
        assertThat(big).contains("-Xms256m", " -Xmx2g -jar ").doesNotContain("-Xmx1g");
    }

    @Test
    void webprobeJavaOptsTheJvmRefusesAreOneSentenceAndExit2() throws Exception {
        Path checkout = jvmCheckout();

        Result r = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xbogus"), "crawl",
                "http://127.0.0.1:1/", "--quiet");
        Result tiny = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx1m"), "ping",
                "http://127.0.0.1:1/");

        assertThat(r.stderr()).containsExactly("webprobe: Java does not start with "
                + "WEBPROBE_JAVA_OPTS='-Xbogus': Unrecognized option: -Xbogus.");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(tiny.stderr()).containsExactly("webprobe: Java does not start with "
                + "WEBPROBE_JAVA_OPTS='-Xmx1m': Too small maximum heap.");
        assertThat(tiny.exitCode()).isEqualTo(2);

        // a word that is no option: Java took it for the class to run
        Result word = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Dx=a b"), "crawl",
                "http://127.0.0.1:1/");
        assertThat(word.stderr()).containsExactly("webprobe: WEBPROBE_JAVA_OPTS='-Dx=a b' holds "
                + "'b', which is not a Java option (each starts with a dash).");
        assertThat(word.exitCode()).isEqualTo(2);
        // the value of an option in a word of its own is no such word
        Result value = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS",
                "--add-opens java.base/java.lang=ALL-UNNAMED"), "crawl", "http://127.0.0.1:1/");
        assertThat(value.stderr()).isEmpty();
        assertThat(value.exitCode()).isZero();
        // nor is a file of options, which java reads in their place (java @FILE)
        Files.writeString(dir.resolve("java-options"), "-Dwebprobe.test=1\n");
        Result argFile = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xss2m @" + dir
                + "/java-options"), "crawl", "http://127.0.0.1:1/");
        assertThat(argFile.stderr()).isEmpty();
        assertThat(argFile.exitCode()).isZero();
    }

    /**
     * The bug: the menu entry starts the window with no terminal, and options Java refused made
     * a click do nothing visible (run.sh said why on stderr and exited 2, as a command must).
     * The window now opens with all of run.sh's own options, none of the user's, says why on
     * stderr and hands the sentence to the window.
     */
    @Test
    void theWindowOpensWithoutWebprobeJavaOptsJavaRefusesAndIsToldWhy() throws Exception {
        Path checkout = jvmCheckout();

        Result r = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx1q"));

        String said = "Java does not start with WEBPROBE_JAVA_OPTS='-Xmx1q': Invalid maximum "
                + "heap size: -Xmx1q; Webprobe runs without them.";
        assertThat(r.stderr()).containsExactly("webprobe: " + said);
        assertThat(r.exitCode()).isZero();
        // its own heap cap and start, which the user's -Xmx had replaced, are back
        assertThat(r.stdout()).startsWith("ran with: ").contains("-Xmx1g", "-Xms256m",
                " -Dwebprobe.javaOptionsRefused=" + said + " -jar ")
                .doesNotContain(" -Xmx1q ");
        // a word that is no option, likewise
        Result word = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Dx=a b"));
        assertThat(word.stderr()).containsExactly("webprobe: WEBPROBE_JAVA_OPTS='-Dx=a b' holds "
                + "'b', which is not a Java option (each starts with a dash); Webprobe runs "
                + "without them.");
        assertThat(word.exitCode()).isZero();
        assertThat(word.stdout()).contains("-Xmx1g").doesNotContain(" -Dx=a ");
        // options Java takes are the user's, and nothing is said
        Result good = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx2g"));
        assertThat(good.stderr()).isEmpty();
        assertThat(good.stdout()).contains(" -Xmx2g -jar ").doesNotContain("javaOptionsRefused");
        // a command still ends there, the window's words not said: nothing ran
        Result version = runIn(checkout, Map.of("WEBPROBE_JAVA_OPTS", "-Xmx1q"), "--version");
        assertThat(version.stderr()).containsExactly("webprobe: Java does not start with "
                + "WEBPROBE_JAVA_OPTS='-Xmx1q': Invalid maximum heap size: -Xmx1q.");
        assertThat(version.stdout()).isEmpty();
        assertThat(version.exitCode()).isEqualTo(2);
    }

    @Test
    void withoutWebprobeJavaOptsJavaIsNotProbedFirst() throws Exception {
        Path checkout = jvmCheckout();

        Result r = runIn(checkout, Map.of(), "crawl", "http://127.0.0.1:1/");

        assertThat(r.stdout()).startsWith("ran with: ").contains("-XX:+UseSerialGC -Xmx160m")
                .doesNotContain("java.io.tmpdir");
        assertThat(dir.resolve("probed")).doesNotExist();

        // Java reads /tmp whatever TMPDIR says: run.sh tells it
        Result tmp = runIn(checkout, Map.of("TMPDIR", dir.toString()), "crawl",
                "http://127.0.0.1:1/");
        assertThat(tmp.stdout()).contains(" -Djava.io.tmpdir=" + dir + " ");
        // a relative TMPDIR is the folder run.sh was started from (it was looked for in the
        // checkout, and not passed), passed as a whole path
        Path caller = Files.createDirectories(dir.resolve("caller"));
        Files.createDirectories(caller.resolve("scratch"));
        Result relative = runIn(caller, checkout, Map.of("TMPDIR", "scratch"), "crawl",
                "http://127.0.0.1:1/");
        assertThat(relative.stdout()).contains(" -Djava.io.tmpdir=" + caller.resolve("scratch")
                + " ");
    }

    @Test
    void closedStandardStreamsAreOpenedOnDevNullAndNamedToJava() throws Exception {
        // else the JVM puts its own files there (ping --file - read lib/modules as URLs)
        Path checkout = jvmCheckout();
        Path args = dir.resolve("args");

        int closed = new ProcessBuilder(which("bash").toString(), "-c",
                "PATH=" + tools + " JAVA_HOME=" + dir.resolve("jdk-21") + " HOME=" + dir
                        + " " + which("bash") + " \"$0\" ping --file - >'" + args + "' <&-",
                checkout.resolve("run.sh").toString()).start().waitFor();
        String stdinClosed = Files.readString(args);
        new ProcessBuilder(which("bash").toString(), "-c",
                "PATH=" + tools + " JAVA_HOME=" + dir.resolve("jdk-21") + " HOME=" + dir
                        + " " + which("bash") + " \"$0\" crawl URL --csv - >&- 2>&-; echo $? >'" + args + "'",
                checkout.resolve("run.sh").toString()).start().waitFor();
        String bothClosedExit = Files.readString(args).strip();
        String bothClosed = Files.readString(dir.resolve("ran"));
        Result open = runIn(checkout, Map.of(), "ping", "--file", "-");

        assertThat(closed).isZero();
        assertThat(stdinClosed).contains(" -Dwebprobe.closedStreams=stdin ");
        assertThat(bothClosedExit).isEqualTo("0");
        assertThat(bothClosed).contains(" -Dwebprobe.closedStreams=stderr,stdout ");
        assertThat(open.stdout()).doesNotContain("closedStreams");
    }

    /**
     * A built checkout whose java runs the real JVM for {@code -version} (noting it in the file
     * {@code probed}) and otherwise prints "ran with: " and its arguments (to the file
     * {@code ran} too).
     */
    private Path jvmCheckout() throws IOException {
        Path checkout = builtCheckout();
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        script(dir.resolve("jdk-21/bin/java"), "case \"$*\" in "
                + "*-XshowSettings*) echo '    java.specification.version = 21' >&2;; "
                + "*selfcheck*) exit 1;; *-jar*) echo \"ran with: $*\"; "
                + "echo \"ran with: $*\" > '" + dir.resolve("ran") + "';; "
                + "*-version*) : > '" + dir.resolve("probed") + "'; exec '" + realJava
                + "' \"$@\";; esac");
        return checkout;
    }

    /**
     * The checkout's run.sh with this environment and these arguments, in the checkout (its
     * start-up cache, which the fake JDK cannot make, is left out of stderr).
     */
    private Result runIn(Path checkout, Map<String, String> env, String... args)
            throws Exception {
        return runIn(checkout, checkout, env, args);
    }

    /** Runs the checkout's run.sh from the folder {@code from}. */
    private Result runIn(Path from, Path checkout, Map<String, String> env, String... args)
            throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(which("bash").toString(),
                checkout.resolve("run.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(from.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("WEBPROBE_JDK_DIRS", jdks.toString());
        pb.environment().put("JAVA_HOME", dir.resolve("jdk-21").toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("run.sh ended").isTrue();
        return new Result(p.exitValue(), Files.readString(out),
                Files.readString(err, StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.startsWith("Preparing Webprobe's start-up cache"))
                        .toList());
    }

    /**
     * A checkout whose jar is up to date, with a JDK whose java says where it ran and with what
     * arguments (the last three).
     */
    private Path builtCheckout() throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Path.of("run.sh"), checkout.resolve("run.sh"));
        Files.copy(Path.of("packaging/java-options.sh"), Files.createDirectories(
                checkout.resolve("packaging")).resolve("java-options.sh"));
        Files.writeString(checkout.resolve("pom.xml"), "  <version>9.9</version>\n");
        Files.createDirectories(checkout.resolve("src/main"));
        Path jar = Files.createDirectories(checkout.resolve("target"))
                .resolve("webprobe-9.9-all.jar");
        Files.writeString(jar, "");
        jar.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        Path jdk = fakeJdk(dir.resolve("jdk-21"), 21, true);
        script(jdk.resolve("bin/java"), "case \"$*\" in *selfcheck*) exit 1;; "
                + "*-jar*) echo \"ran in $PWD: ${*: -3}\";; "
                + "*) echo '    java.specification.version = 21' >&2;; esac");
        for (String tool : List.of("find", "mkdir", "id", "uname", "rm", "touch", "tr")) {
            tool(tool);
        }
        return checkout;
    }

    /** The checkout's run.sh with these arguments, started in {@code work}: its output. */
    private String run(Path checkout, Path work, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(which("bash").toString(),
                checkout.resolve("run.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("WEBPROBE_JDK_DIRS", jdks.toString());
        pb.environment().put("JAVA_HOME", dir.resolve("jdk-21").toString());
        pb.environment().put("HOME", dir.toString());
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private record Result(int exitCode, String stdout, List<String> stderr) {}

    private Result runHelp(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(which("bash").toString(),
                Path.of("run.sh").toAbsolutePath().toString(), "help");
        pb.environment().clear();
        pb.environment().put("PATH", tools.toString());
        pb.environment().put("WEBPROBE_JDK_DIRS", jdks.toString());
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("run.sh help ended").isTrue();
        return new Result(p.exitValue(), Files.readString(out),
                Files.readString(err, StandardCharsets.UTF_8).lines().toList());
    }

    /** A folder that looks like a JDK to run.sh: bin/java reports the version, bin/javac. */
    private static Path fakeJdk(Path home, int version, boolean javac) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        script(bin.resolve("java"), "echo '    java.specification.version = " + version
                + "' >&2");
        if (javac) {
            script(bin.resolve("javac"), "exit 0");
        }
        return home;
    }

    /**
     * Puts a copy of the machine's {@code tool} in the fake machine's bin. A copy, not a link
     * (JUnit warns when deleting links) nor a script that execs it: a run.sh starts some 30
     * of these, and a bash started for each made a run take 1.9 s instead of 0.6 s (load 11).
     */
    private void tool(String tool) throws IOException {
        Path copy = Files.copy(which(tool), tools.resolve(tool));
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!" + which("bash") + "\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path which(String tool) {
        for (String d : System.getenv("PATH").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(tool + " is not on the PATH");
    }
}
