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
        String command = Files.readString(Path.of("packaging/linux/webprobe"))
                .replace("@JAVA_OPTIONS@", "-Xmx1g -Dwebprobe.command=webprobe")
                .replace("@WINDOW_OPTIONS@", "-Xms256m")
                .replace("@CRAWL_OPTIONS@", "-XX:+UseSerialGC -Xmx160m")
                .replace("@JAR@", "webprobe.jar")
                .replace("# @JAVA_OPTION_RULES@",
                        Files.readString(Path.of("packaging/java-options.sh")));
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
