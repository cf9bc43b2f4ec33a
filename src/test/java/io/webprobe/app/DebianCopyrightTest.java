package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.ui.main.AboutInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb's /usr/share/doc/webprobe/copyright (packaging/package.sh writes it). */
class DebianCopyrightTest {
    @TempDir
    Path dir;

    @Test
    void itNamesWebprobesLicenceEveryBundledLibraryAndTheRuntime() throws Exception {
        Path file = dir.resolve("copyright");
        DebianCopyright.main(new String[] {file.toString(), "25.0.1"});
        String text = Files.readString(file);

        AboutInfo about = AboutInfo.load("x", "x");
        assertThat(text).contains("Webprobe itself: " + about.licence(),
                "the Java runtime (OpenJDK, Java 25.0.1), GPL-2.0 with the Classpath Exception",
                "/opt/webprobe/lib/runtime/legal/");
        for (AboutInfo.Library l : about.libraries()) {
            assertThat(text).contains("  " + l.name() + (l.version().isEmpty() ? ""
                    : " " + l.version()) + ": " + l.licence() + "\n");
        }
        assertThat(text).doesNotContain("${");
    }

    @Test
    void theLicencesDebianShipsArePointedAtWhereItKeepsThem() {
        // lintian: copyright-should-refer-to-common-license-file-for-apache-2 (and -for-lgpl,
        // -for-gpl) when the file names a licence Debian ships without its path
        String text = DebianCopyright.text(new AboutInfo("1", "", "Java 21", java.util.List.of(
                new AboutInfo.Library("a", "1", "Apache-2.0"),
                new AboutInfo.Library("b", "", "EPL-2.0 or LGPL-2.1-only"),
                new AboutInfo.Library("c", "", "MIT"))));

        assertThat(text).contains("  Apache-2.0: /usr/share/common-licenses/Apache-2.0\n",
                "  GPL-2.0: /usr/share/common-licenses/GPL-2\n",
                "  LGPL-2.1: /usr/share/common-licenses/LGPL-2.1\n")
                .doesNotContain("CC0-1.0:");
        assertThat(Path.of("/usr/share/common-licenses/GPL-2")).exists();
    }
}
