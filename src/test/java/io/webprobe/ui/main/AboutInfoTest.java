package io.webprobe.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AboutInfoTest {
    @Test
    void theBundledListNamesEveryDirectDependencyWithItsBuiltVersionAndLicence() {
        AboutInfo info = AboutInfo.load("0.1.0", "Java 21, JavaFX 21");
        List<String> names = info.libraries().stream().map(AboutInfo.Library::name).toList();
        assertThat(names).contains("JavaFX (OpenJFX)", "ControlsFX", "jsoup", "OpenCSV",
                "crawler-commons", "HdrHistogram", "sqlite-jdbc", "picocli", "SLF4J", "Logback");
        assertThat(info.libraries()).allSatisfy(l -> {
            assertThat(l.version()).doesNotContain("${");
            assertThat(l.licence()).isNotBlank();
        });
        assertThat(info.licence()).isNotBlank();
        assertThat(info.text()).startsWith("Webprobe 0.1.0\n")
                .contains("Running on Java 21, JavaFX 21.", "  jsoup 1.24.1: MIT\n");
    }

    @Test
    void aLineOfTheWrongShapeIsRefused() {
        assertThat(AboutInfo.parse("1", "r", "# comment\n\nlicence | L\nlibrary | a | 1 | MIT\n")
                .libraries()).containsExactly(new AboutInfo.Library("a", "1", "MIT"));
        assertThatThrownBy(() -> AboutInfo.parse("1", "r", "library | a | MIT\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
