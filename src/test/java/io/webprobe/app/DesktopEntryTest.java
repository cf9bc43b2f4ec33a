package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The menu entry and icons the .deb installs (packaging/linux/webprobe.desktop, icons/), as
 * the freedesktop specifications and {@code desktop-file-validate} want them.
 */
class DesktopEntryTest {
    /** The Desktop Menu Specification's main categories. */
    private static final List<String> MAIN_CATEGORIES = List.of("AudioVideo", "Audio", "Video",
            "Development", "Education", "Game", "Graphics", "Network", "Office", "Science",
            "Settings", "System", "Utility");

    @Test
    void theEntryHasOneMainCategorySoTheMenuListsItOnce() throws IOException {
        // desktop-file-validate: "contains more than one main category; application might
        // appear more than once in the application menu"
        String[] categories = entry().get("Categories").split(";");

        assertThat(Arrays.stream(categories).filter(MAIN_CATEGORIES::contains)).hasSize(1);
        assertThat(categories).contains("WebDevelopment");
    }

    @Test
    void theIconsHoldTheSizeTheIconThemeSpecRequiresAndAreTheSizeTheyAreNamed()
            throws IOException {
        Map<Integer, Integer> sizes;
        try (Stream<Path> pngs = Files.list(Path.of("icons"))) {
            sizes = pngs.filter(p -> p.getFileName().toString().matches("webprobe-\\d+\\.png"))
                    .collect(Collectors.toMap(DesktopEntryTest::namedSize,
                            DesktopEntryTest::width));
        }

        assertThat(sizes).containsKeys(16, 24, 32, 48, 64, 128, 256);
        sizes.forEach((named, actual) -> assertThat(actual).as("webprobe-%d.png", named)
                .isEqualTo(named));
        assertThat(entry()).containsEntry("Icon", "webprobe");
    }

    private static Map<String, String> entry() throws IOException {
        return Files.readAllLines(Path.of("packaging/linux/webprobe.desktop")).stream()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1)));
    }

    private static int namedSize(Path png) {
        String name = png.getFileName().toString();
        return Integer.parseInt(name.substring("webprobe-".length(), name.length() - 4));
    }

    private static int width(Path png) {
        try {
            return ImageIO.read(png.toFile()).getWidth();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
