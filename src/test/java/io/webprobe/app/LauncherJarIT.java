package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as built by {@code ./mvnw verify} (failsafe runs this after the package
 * phase): it starts on its manifest's Main-Class with {@code java -jar}, runs the command line,
 * and says in one sentence when there is no display or when the Java is too old.
 */
class LauncherJarIT {
    private static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("webprobe.jar", "target/webprobe-0.1.0-all.jar"));
        assertThat(jar).as("the shaded jar (run the package phase first)").isRegularFile();
    }

    @Test
    void theManifestStartsTheJavaVersionGateWithNativeAccess() throws Exception {
        try (JarFile f = new JarFile(jar.toFile())) {
            var main = f.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("io.webprobe.app.JavaVersionGate");
            assertThat(main.getValue("Enable-Native-Access")).isEqualTo("ALL-UNNAMED");
            // loadable by Java 8: class file major version 52
            try (var in = f.getInputStream(f.getEntry("io/webprobe/app/JavaVersionGate.class"))) {
                byte[] head = in.readNBytes(8);
                assertThat(((head[6] & 0xff) << 8) | (head[7] & 0xff)).isEqualTo(52);
            }
            assertThat(f.getEntry("io/webprobe/app/Launcher.class")).isNotNull();
        }
    }

    @Test
    void javaDashJarRunsTheCommandLine() throws Exception {
        String version = System.getProperty("webprobe.version", "0.1.0");
        ChildJvm.Result r = new ChildJvm(dir).runJar(ChildJvm.java(), jar, "--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("Webprobe " + version);

        ChildJvm.Result help = new ChildJvm(dir).runJar(ChildJvm.java(), jar, "crawl", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("Usage: webprobe crawl");
    }

    @Test
    void javaDashJarWithoutADisplayIsOneSentence() throws Exception {
        ChildJvm.Result r = new ChildJvm(dir).runJar(ChildJvm.java(), jar);
        assertThat(r.stderrLines()).containsExactly(DisplayCheck.noDisplay("webprobe"));
        assertThat(r.exitCode()).isEqualTo(2);
    }

    @Test
    void anOlderJavaIsToldItIsTooOldInOneSentence() throws Exception {
        Path old = olderJava();
        ChildJvm.Result r = new ChildJvm(dir).runJar(old.toString(), jar, "--version");
        assertThat(r.stderrLines()).hasSize(1);
        assertThat(r.stderrLines().get(0)).startsWith("Webprobe needs Java 21 or newer, but this "
                + "is Java ").doesNotContain("Exception", "UnsupportedClassVersionError");
        assertThat(r.stdout()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(2);
    }

    private static final Pattern RELEASE_VERSION =
            Pattern.compile("JAVA_VERSION=\"(1\\.)?(\\d+)");

    /** A java older than 21 on this machine (/usr/lib/jvm), or the test is skipped. */
    private static Path olderJava() throws Exception {
        Path jvms = Path.of("/usr/lib/jvm");
        Assumptions.assumeTrue(Files.isDirectory(jvms), "no /usr/lib/jvm here");
        try (Stream<Path> homes = Files.list(jvms)) {
            for (Path home : homes.sorted().toList()) {
                Path bin = home.resolve("bin/java");
                Path release = home.resolve("release");
                Matcher m = RELEASE_VERSION.matcher(
                        Files.isRegularFile(release) ? Files.readString(release) : "");
                if (Files.isExecutable(bin) && m.find() && Integer.parseInt(m.group(2)) < 21) {
                    return bin;
                }
            }
        }
        Assumptions.abort("no Java older than 21 under /usr/lib/jvm to check the gate with");
        return null;
    }
}
