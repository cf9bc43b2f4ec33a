package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The installed {@code webprobe} command (packaging/linux/webprobe, filled in as package.sh
 * does) in an app image whose runtime is a fake {@code java} that prints its arguments: which
 * options it hands the JVM.
 */
class InstalledCommandTest {
    @TempDir
    Path dir;
    private Path app;

    @BeforeEach
    void appImage() throws IOException {
        app = dir.resolve("an app"); // a space: the cache's path is one argument
        Path bin = Files.createDirectories(app.resolve("bin"));
        Files.createDirectories(app.resolve("lib/app"));
        String rules = Files.readString(Path.of("packaging/java-options.sh"));
        String command = Files.readString(Path.of("packaging/linux/webprobe"))
                .replace("@JAVA_OPTIONS@", "-Xmx1g -Dwebprobe.command=webprobe")
                .replace("@WINDOW_OPTIONS@", "-Xms256m")
                .replace("@CRAWL_OPTIONS@", "-XX:+UseSerialGC -Xmx160m")
                .replace("@JAR@", "webprobe.jar")
                // the whole line, as package.sh's sed (the rest of it ran as a command)
                .replaceAll("# @JAVA_OPTION_RULES@[^\n]*", java.util.regex.Matcher
                        .quoteReplacement(rules));
        executable(bin.resolve("webprobe"), command);
        executable(Files.createDirectories(app.resolve("lib/runtime/bin")).resolve("java"),
                "#!/bin/sh\nprintf '%s\\n' \"$@\" \"XDG_CACHE_HOME=$XDG_CACHE_HOME\" \\\n"
                        + "  \"LC_ALL=${LC_ALL:-}\" \"LC_CTYPE=${LC_CTYPE:-}\"\n");
    }

    @Test
    void theStartUpCachePackageMadeIsHandedToJavaBeforeTheUsersOptions() throws Exception {
        Path cache = Files.writeString(app.resolve("lib/app/webprobe.aot"), "");

        List<String> args = run("WEBPROBE_JAVA_OPTS=-Xlog:aot", "crawl", "http://127.0.0.1/");

        assertThat(args).containsSubsequence("-XX:AOTCache=" + cache, "-Xlog:aot=off",
                "-Xlog:cds=off", "-Xlog:aot", "-jar", app + "/lib/app/webprobe.jar", "crawl");
    }

    @Test
    void withoutACacheJavaIsToldOfNone() throws Exception {
        List<String> args = run(Map.of(), "crawl", "http://127.0.0.1/");

        assertThat(args).contains("-XX:+UseSerialGC", "-jar")
                .noneMatch(a -> a.startsWith("-XX:AOTCache") || a.startsWith("-Xlog:"));
    }

    /**
     * The bug: with a home that cannot be written, the installed command's window printed
     * GTK's and Mesa's complaints about ~/.cache (run.sh sent them to a folder under /tmp).
     */
    @Test
    void theWindowsCachesGoUnderTmpWhenTheHomeCannotBeWritten() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path own = tmp.resolve("webprobe-cache-" + Files.getAttribute(dir, "unix:uid"));
        Map<String, String> env = Map.of("HOME", dir.resolve("gone").toString(),
                "TMPDIR", tmp.toString());

        assertThat(run(env)).contains("-Djavafx.cachedir=" + own + "/openjfx",
                "XDG_CACHE_HOME=" + own);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(own)))
                .isEqualTo("rwx------");
        assertThat(run(env, "crawl", "http://127.0.0.1/"))
                .noneMatch(a -> a.startsWith("-Djavafx.cachedir"));
    }

    /**
     * The bug: Java keeps its temporary files in /tmp whatever TMPDIR says, and a crawl without
     * --db filled a small /tmp with TMPDIR set elsewhere. The user's own option still wins.
     */
    @Test
    void javaKeepsItsTemporaryFilesInTmpdir() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("big disk"));

        assertThat(run(Map.of("TMPDIR", tmp.toString()), "crawl", "http://127.0.0.1/"))
                .containsSubsequence("-Djava.io.tmpdir=" + tmp, "-jar");
        assertThat(run(Map.of("TMPDIR", tmp.toString(), "WEBPROBE_JAVA_OPTS",
                "-Djava.io.tmpdir=/var/tmp"), "ping", "http://127.0.0.1/"))
                .containsSubsequence("-Djava.io.tmpdir=" + tmp, "-Djava.io.tmpdir=/var/tmp");
        assertThat(run(Map.of("TMPDIR", dir.resolve("none").toString()), "ping",
                "http://127.0.0.1/")).noneMatch(a -> a.startsWith("-Djava.io.tmpdir"));
    }

    /**
     * The bug: under LANG=C Java read a URL's 'é' as two unreadable characters (the crawl of
     * http://127.0.0.1/caf\u00e9/ asked for caf%EF%BF%BD%EF%BF%BD/ and got 404).
     */
    @Test
    void inTheCLocaleCharactersAreReadAsUtf8AndOtherLocalesAreLeftAlone() throws Exception {
        assertThat(run(Map.of("LANG", "C"), "crawl")).contains("LC_CTYPE=C.UTF-8", "LC_ALL=");
        assertThat(run(Map.of(), "crawl")).contains("LC_CTYPE=C.UTF-8");
        assertThat(run(Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "POSIX"), "crawl"))
                .contains("LC_ALL=C.UTF-8", "LC_CTYPE=");
        assertThat(run(Map.of("LANG", "fr_FR.ISO-8859-1"), "crawl")).contains("LC_CTYPE=",
                "LC_ALL=");
        assertThat(run(Map.of("LANG", "C", "LC_CTYPE", "en_GB.UTF-8"), "crawl"))
                .contains("LC_CTYPE=en_GB.UTF-8");
    }

    /**
     * The bug: the menu entry runs this command with no terminal, and WEBPROBE_JAVA_OPTS that
     * Java refused made a click on it do nothing visible. The window opens with Webprobe's own
     * options, all of them, and the sentence (one argument), which stderr says too; a command
     * still exits 2.
     */
    @Test
    void theWindowOpensWithoutOptionsJavaRefusesAndACommandStops() throws Exception {
        // a runtime whose JVM refuses -Xmx1q as the real one does
        executable(app.resolve("lib/runtime/bin/java"), "#!/bin/sh\n"
                + "case \"$*\" in *-Xmx1q*-version) echo 'Invalid maximum heap size: -Xmx1q' >&2\n"
                + "  echo 'Error: Could not create the Java Virtual Machine.' >&2; exit 1;; esac\n"
                + "printf '%s\\n' \"$@\"\n");
        String said = "Java does not start with WEBPROBE_JAVA_OPTS='-Xmx1q': Invalid maximum "
                + "heap size: -Xmx1q; Webprobe runs without them.";

        Ran window = ran(Map.of("WEBPROBE_JAVA_OPTS", "-Xmx1q"));
        Ran crawl = ran(Map.of("WEBPROBE_JAVA_OPTS", "-Xmx1q"), "crawl", "http://127.0.0.1/");

        assertThat(window.exitCode()).isZero();
        assertThat(window.stderr()).isEqualTo("webprobe: " + said + "\n");
        assertThat(window.args()).containsSubsequence("-Xmx1g", "-Xms256m",
                "-Dwebprobe.javaOptionsRefused=" + said, "-jar").doesNotContain("-Xmx1q");
        assertThat(crawl.exitCode()).isEqualTo(2);
        assertThat(crawl.stderr()).isEqualTo("webprobe: Java does not start with "
                + "WEBPROBE_JAVA_OPTS='-Xmx1q': Invalid maximum heap size: -Xmx1q.\n");
        assertThat(crawl.args()).isEmpty();
        // options Java takes go to the window, without a word
        Ran good = ran(Map.of("WEBPROBE_JAVA_OPTS", "-Xmx2g"));
        assertThat(good.stderr()).isEmpty();
        assertThat(good.args()).contains("-Xms256m", "-Xmx2g")
                .noneMatch(a -> a.contains("javaOptionsRefused"));
    }

    private record Ran(int exitCode, List<String> args, String stderr) {}

    private Ran ran(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh",
                app.resolve("bin/webprobe").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("WEBPROBE_JAVA_OPTS");
        pb.environment().putAll(env);
        Path err = dir.resolve("stderr");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Ran(p.exitValue(), out.lines().toList(), Files.readString(err));
    }

    /** The command's arguments to java, one an element. */
    private List<String> run(String env, String... args) throws Exception {
        return run(Map.of(env.substring(0, env.indexOf('=')),
                env.substring(env.indexOf('=') + 1)), args);
    }

    private List<String> run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/sh",
                app.resolve("bin/webprobe").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().keySet().removeAll(List.of("WEBPROBE_JAVA_OPTS", "LC_ALL",
                "LC_CTYPE", "LANG"));
        pb.environment().putAll(env);
        Process p = pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
