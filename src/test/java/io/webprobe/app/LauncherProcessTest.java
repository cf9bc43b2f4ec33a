package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the launcher can fail before or around the window, run in a child JVM as a user
 * would meet it: exit code 2 and one plain sentence on stderr, never a stack trace; the details
 * go to the log file.
 */
class LauncherProcessTest {
    private static final String GATE = "io.webprobe.app.JavaVersionGate";
    @TempDir
    Path dir;

    @Test
    void withoutADisplayTheAppSaysSoInOneSentence() throws Exception {
        ChildJvm.Result r = new ChildJvm(dir).option("-Dwebprobe.command=./run.sh")
                .runClass(GATE);
        assertOneSentence(r, "Webprobe needs a graphical display to open its window; to use it "
                + "without one, run ./run.sh crawl URL or ./run.sh ping URL.");
    }

    @Test
    void aDisplayThatDoesNotAnswerIsNamedInOneSentence() throws Exception {
        ChildJvm.Result r = new ChildJvm(dir).option("-Dprism.order=sw")
                .env("DISPLAY", ":64999").runClass(GATE);
        assertOneSentence(r, "Webprobe could not open its window on the display :64999; check "
                + "that DISPLAY is right, or run webprobe crawl URL or webprobe ping URL to "
                + "work without a window.");
        assertThat(new ChildJvm(dir).logFile()).content().contains("Unable to open DISPLAY");
    }

    /**
     * The heap named is the one the user set: under the serial collector (a machine of one
     * core, a container limited to one CPU) Java's own heap figure leaves out a survivor
     * space, and the sentence said "it may use 46 MB" for -Xmx48m (155 for -Xmx160m).
     */
    @Test
    void runningOutOfMemoryOnTheCommandLineIsOneSentenceNamingWebprobeJavaOpts()
            throws Exception {
        ChildJvm child = new ChildJvm(dir).option("-Xmx48m").option("-XX:+UseSerialGC")
                .option("-D" + TestHooks.EXHAUST_HEAP + "=true");
        ChildJvm.Result r = child.runClass(GATE, "crawl", "--help");
        assertOneSentence(r, "Webprobe ran out of memory (it may use 48 MB); give it "
                + "more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx2g.");
        assertThat(child.logFile()).content().contains("OutOfMemoryError");
    }

    @Test
    void runningOutOfMemoryInTheWindowIsOneSentenceNamingWebprobeJavaOpts() throws Exception {
        // the collector the machine picks (G1 on two cores and more, serial on one)
        ChildJvm child = new ChildJvm(dir).option("-Xmx128m")
                .option("-D" + TestHooks.EXHAUST_HEAP + "=true")
                // the headless JavaFX platform of the UI tests: a window without a display
                .option("-Dglass.platform=Monocle").option("-Dmonocle.platform=Headless")
                .option("-Dprism.order=sw").option("-Dprism.text=t2k")
                .option("-Djava.awt.headless=true");
        ChildJvm.Result r = child.runClass(GATE);
        assertOneSentence(r, "Webprobe ran out of memory (it may use 128 MB); give it "
                + "more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx2g.");
        // the thread it struck first is named: the FX thread filling the heap, or the render
        // thread, which now ends the program too (its own handler let it die, the window
        // frozen, and printed on the terminal when it ran out of memory itself)
        assertThat(child.logFile()).content().contains("Fatal failure in ",
                "OutOfMemoryError", "Webprobe ran out of memory (it may use 128 MB)");
    }

    @Test
    void theLogAndTheCacheFollowHomeNotTheAccountsHomeJavaReads() throws Exception {
        Path home = dir.resolve("home");
        java.nio.file.Files.createDirectories(home);
        assertThat(Path.of(System.getProperty("user.home"))).isNotEqualTo(home);
        ChildJvm.Result r = new ChildJvm(dir).env("HOME", home.toString())
                .env("WEBPROBE_LOG_DIR", "").env("XDG_CACHE_HOME", "").env("XDG_STATE_HOME", "")
                .runClass(GATE, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(home.resolve(".local/state/webprobe/webprobe.log")).exists();
        assertThat(home.resolve(".cache/webprobe")).isDirectory();
    }

    @Test
    void theVersionAndTheHelpRunWithoutAWindow() throws Exception {
        ChildJvm.Result version = new ChildJvm(dir).runClass(GATE, "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout().strip()).isEqualTo("Webprobe 0.1.0");
        assertThat(version.stderr()).isEmpty();

        ChildJvm.Result help = new ChildJvm(dir).runClass(GATE, "crawl", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage:", "crawl");
        assertThat(help.stderr()).isEmpty();
    }

    /** Exit 2, nothing on stdout, exactly this line on stderr and no trace of Java internals. */
    static void assertOneSentence(ChildJvm.Result r, String sentence) {
        assertThat(r.stderrLines()).as("stderr").containsExactly(sentence);
        assertThat(r.stderr()).doesNotContain("Exception", "Error:", "\tat ", "at io.",
                "java.lang.");
        assertThat(r.stdout()).as("stdout").isEmpty();
        assertThat(r.exitCode()).as("exit code").isEqualTo(2);
    }

}
