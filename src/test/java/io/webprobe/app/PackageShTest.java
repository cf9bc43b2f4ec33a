package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What packaging/package.sh makes of jpackage's .deb, with a fake JDK whose jpackage writes
 * a small app image and a .deb as jpackage does (its control fields, its four maintainer
 * scripts that do nothing), so no runtime is linked: the files Debian's policy asks for, and
 * none of jpackage's scripts. Its java runs the man page and copyright classes from this
 * build's class path.
 */
class PackageShTest {
    @TempDir
    Path dir;

    @Test
    void theDebCarriesTheManPageCopyrightChangelogAndChecksumsAndNoMaintainerScripts()
            throws Exception {
        for (String tool : List.of("dpkg-deb", "fakeroot", "gzip", "md5sum")) {
            assumeThat(onPath(tool)).as(tool).isTrue();
        }
        Path checkout = checkout();
        Path jar = Files.writeString(dir.resolve("webprobe-0.1.0-all.jar"), "not read");

        ProcessBuilder p = new ProcessBuilder("bash", checkout.resolve("packaging/package.sh")
                .toString(), jar.toString(), "0.1.0", "-Xmx1g")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        p.environment().put("JAVA_HOME", fakeJdk().toString());
        Process run = p.start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as(Files.readString(dir.resolve("err"))).isZero();

        Path deb = checkout.resolve("target/dist/webprobe_0.1.0_amd64.deb");
        Path tree = dir.resolve("unpacked");
        assertThat(exec("dpkg-deb", "-R", deb.toString(), tree.toString())).isEmpty();
        try (Stream<Path> control = Files.list(tree.resolve("DEBIAN"))) {
            assertThat(control.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("control", "md5sums");
        }
        String fields = Files.readString(tree.resolve("DEBIAN/control"));
        assertThat(fields).contains("Depends: libc6, libxtst6, libgtk-3-0\n")
                .doesNotContain("Provides:");
        assertThat(exec("sh", "-c", "cd '" + tree + "' && md5sum --quiet -c DEBIAN/md5sums"))
                .isEmpty();
        assertThat(Files.readString(tree.resolve("DEBIAN/md5sums")))
                .contains("  usr/share/man/man1/webprobe.1.gz\n",
                        "  opt/webprobe/lib/app/Webprobe.cfg\n");

        assertThat(exec("sh", "-c", "zcat '" + tree.resolve("usr/share/man/man1/webprobe.1.gz")
                + "' | head -2")).contains(".TH WEBPROBE 1");
        assertThat(tree.resolve("opt/webprobe/share")).doesNotExist(); // "License: Unknown"
        assertThat(Files.readString(tree.resolve("usr/share/doc/webprobe/copyright")))
                .contains("Java runtime (OpenJDK, Java 21.0.9)", "picocli");
        assertThat(exec("zcat", tree.resolve("usr/share/doc/webprobe/changelog.gz").toString()))
                .startsWith("webprobe (0.1.0) unstable; urgency=medium\n")
                .containsPattern("\n -- Webprobe <[^>]+>  \\w{3}, \\d+ \\w{3} \\d{4} ");
        // the start-up cache is refused for a jar changed at another time than the image's
        String jarPath = "lib/app/webprobe-0.1.0-all.jar";
        assertThat(Files.getLastModifiedTime(tree.resolve("opt/webprobe/" + jarPath)).toInstant())
                .isEqualTo(Files.getLastModifiedTime(checkout.resolve("target/dist/Webprobe/"
                        + jarPath)).toInstant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(Files.readString(tree.resolve("opt/webprobe/bin/webprobe")))
                .startsWith("#!/bin/sh\n"); // no ELF: not stripped
        // the menu entry's launcher and the image's bin/Webprobe start Java as the webprobe
        // command does (packaging/java-options.sh): TMPDIR, the C locale read as UTF-8 and
        // WEBPROBE_JAVA_OPTS. jpackage's native launcher, which the entry started, had none.
        String exec = Files.readAllLines(tree.resolve(
                "usr/share/applications/webprobe.desktop")).stream()
                .filter(l -> l.startsWith("Exec=")).findFirst().orElseThrow().substring(5);
        for (String launcher : List.of(tree + exec,
                tree.resolve("opt/webprobe/bin/Webprobe").toString(),
                checkout.resolve("target/dist/Webprobe/bin/Webprobe").toString())) {
            assertThat(launched(launcher)).as(launcher).containsSubsequence(
                    "-Dwebprobe.command=webprobe", "-Djava.io.tmpdir=" + dir, "-Dwp.user=1",
                    "-jar").contains("LC_CTYPE=C.UTF-8");
        }
        for (String file : List.of("usr/share/doc/webprobe/copyright",
                "usr/share/doc/webprobe/changelog.gz", "usr/share/man/man1/webprobe.1.gz")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    tree.resolve(file)))).as(file).isEqualTo("rw-r--r--");
        }
    }

    /** What a launcher, started with no argument as the menu starts it, hands the JVM. */
    private List<String> launched(String launcher) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(launcher).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeAll(List.of("LC_ALL", "LC_CTYPE"));
        pb.environment().putAll(java.util.Map.of("LANG", "C", "TMPDIR", dir.toString(),
                "WEBPROBE_JAVA_OPTS", "-Dwp.user=1"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    /** package.sh and what it reads, in a folder of their own (it writes target/ there). */
    private Path checkout() throws IOException {
        Path checkout = dir.resolve("checkout");
        for (String file : List.of("packaging/package.sh", "packaging/java-options.sh",
                "packaging/linux/webprobe", "packaging/linux/webprobe.desktop")) {
            copy(Path.of(file), checkout.resolve(file));
        }
        try (Stream<Path> icons = Files.list(Path.of("icons"))) {
            for (Path icon : icons.toList()) {
                copy(icon, checkout.resolve("icons").resolve(icon.getFileName()));
            }
        }
        return checkout;
    }

    /**
     * A JDK 21 (no start-up cache step) whose jpackage makes an app image of the jar and a
     * launcher, and a .deb of it with jpackage's control file, scripts and copyright file,
     * copying the jar as jpackage does (the time of copying); its java runs a class from this
     * build's class path.
     */
    private Path fakeJdk() throws IOException {
        Path jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"21.0.9\"\n");
        executable(jdk.resolve("bin/jdeps"), "echo java.base");
        executable(jdk.resolve("bin/java"), String.join("\n",
                "case \"$1\" in",
                "  --list-modules) echo java.base@21 ;;",
                "  -cp) shift 2; exec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                        + "' -cp '" + System.getProperty("java.class.path") + "' \"$@\" ;;",
                "esac"));
        String script = "#!/bin/sh\nset -e\ncase \"$1\" in\n  configure|remove|purge|install"
                + "|upgrade) ;;\nesac\nexit 0\n";
        executable(jdk.resolve("bin/jpackage"), String.join("\n",
                "set -e",
                "while [ $# -gt 0 ]; do case \"$1\" in",
                "  --type) type=$2; shift 2 ;; --dest) dest=$2; shift 2 ;;",
                "  --name) name=$2; shift 2 ;; --app-image) image=$2; shift 2 ;;",
                "  --input) input=$2; shift 2 ;;",
                "  *) shift ;; esac; done",
                "if [ \"$type\" = app-image ]; then",
                "  mkdir -p \"$dest/$name/bin\" \"$dest/$name/lib/app\"",
                "  mkdir -p \"$dest/$name/lib/runtime\"",
                "  echo 'JAVA_VERSION=\"21.0.9\"' > \"$dest/$name/lib/runtime/release\"",
                "  printf '[Application]\\n' > \"$dest/$name/lib/app/$name.cfg\"",
                // the native launcher, an ELF file (package.sh replaces it)
                "  cp /bin/true \"$dest/$name/bin/$name\"",
                // a runtime whose java prints its arguments and the locale
                "  mkdir -p \"$dest/$name/lib/runtime/bin\"",
                "  printf '%s\\n' '#!/bin/sh' \\",
                "    'printf \"%s\\\\n\" \"$@\" \"LC_CTYPE=$LC_CTYPE\"' \\",
                "    > \"$dest/$name/lib/runtime/bin/java\"",
                "  chmod 755 \"$dest/$name/lib/runtime/bin/java\"",
                "  cp \"$input\"/*.jar \"$dest/$name/lib/app/\"",
                "  touch -d '2026-01-02 03:04:05' \"$dest/$name/lib/app/\"*.jar",
                "  exit 0",
                "fi",
                "t=$(mktemp -d)",
                "mkdir -p \"$t/DEBIAN\" \"$t/opt/webprobe\" \"$dest\"",
                "cp -a \"$image/.\" \"$t/opt/webprobe/\"",
                // as jpackage: its copy of the jar has the time of copying
                "touch \"$t/opt/webprobe/lib/app/\"*.jar",
                "mkdir -p \"$t/opt/webprobe/share/doc\"",
                "printf 'License: Unknown\\n' > \"$t/opt/webprobe/share/doc/copyright\"",
                "printf '%s\\n' 'Package: webprobe' 'Version: 0.1.0' 'Section: web' "
                        + "'Maintainer: Webprobe <webprobe@localhost>' 'Priority: optional' "
                        + "'Architecture: amd64' 'Provides: webprobe' "
                        + "'Description: Crawls a website.' "
                        + "'Depends: libc6, libxtst6 , libgtk-3-0' 'Installed-Size: 1' "
                        + "> \"$t/DEBIAN/control\"",
                "for s in preinst postinst prerm postrm; do",
                "  printf '" + script.replace("\n", "\\n") + "' > \"$t/DEBIAN/$s\"",
                "  chmod 755 \"$t/DEBIAN/$s\"",
                "done",
                "dpkg-deb -b \"$t\" \"$dest/webprobe_0.1.0-1_amd64.deb\" >/dev/null",
                "rm -rf \"$t\""));
        return jdk;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    /** Runs a command; its standard output and error together. */
    private String exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
