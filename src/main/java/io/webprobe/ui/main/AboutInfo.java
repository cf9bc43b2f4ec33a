package io.webprobe.ui.main;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What Help › About says: Webprobe's version and licence, the Java and JavaFX it runs on, and
 * every library in the jar with its version and licence. The list is read from
 * {@code about.txt} beside this class, whose versions Maven fills in from the pom.
 *
 * @param version Webprobe's version
 * @param licence Webprobe's own licence, as a sentence
 * @param runtime the Java and JavaFX versions, e.g. "Java 25.0.1, JavaFX 21.0.12"
 * @param libraries the bundled libraries
 */
public record AboutInfo(String version, String licence, String runtime, List<Library> libraries) {
    /** One bundled library; {@code version} is empty when it is not known. */
    public record Library(String name, String version, String licence) {}

    /** Reads the bundled list. */
    public static AboutInfo load(String version, String runtime) {
        try (InputStream in = AboutInfo.class.getResourceAsStream("about.txt")) {
            if (in == null) {
                throw new IllegalStateException("about.txt is missing from the build");
            }
            return parse(version, runtime, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AboutInfo parse(String version, String runtime, String text) {
        String licence = "";
        List<Library> libraries = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split("\\|", -1);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                for (int i = 0; i < f.length; i++) {
                    f[i] = f[i].strip();
                }
                if (f[0].equals("licence") && f.length == 2) {
                    licence = f[1];
                } else if (f[0].equals("library") && f.length == 4) {
                    libraries.add(new Library(f[1], f[2], f[3]));
                } else {
                    throw new IllegalArgumentException("Unreadable line in about.txt: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new AboutInfo(version, licence, runtime, List.copyOf(libraries));
    }

    /** The whole text, plain, for a selectable text area. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append("Webprobe ").append(version).append('\n')
                .append("Crawls a website for broken links and checks how fast URLs answer.\n\n")
                .append("Licence: ").append(licence).append('\n')
                .append("Running on ").append(runtime).append(".\n\n")
                .append("Libraries included, with their licences:\n");
        for (Library l : libraries) {
            b.append("  ").append(l.name());
            if (!l.version().isEmpty()) {
                b.append(' ').append(l.version());
            }
            b.append(": ").append(l.licence()).append('\n');
        }
        return b.toString();
    }
}
