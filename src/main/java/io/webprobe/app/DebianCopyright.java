package io.webprobe.app;

import io.webprobe.ui.main.AboutInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The .deb's /usr/share/doc/webprobe/copyright: what Help › About says of Webprobe's licence
 * and of every library in the jar (the same about.txt), and the licence of the Java runtime
 * the package carries. packaging/package.sh writes it:
 * {@code java -cp JAR io.webprobe.app.DebianCopyright FILE JAVA_VERSION}.
 */
public final class DebianCopyright {
    /** The licences Debian keeps in /usr/share/common-licenses, by the name about.txt uses. */
    private static final Map<String, String> COMMON_LICENSES = Map.of(
            "GPL-2.0", "GPL-2",
            "Apache-2.0", "Apache-2.0",
            "LGPL-2.1", "LGPL-2.1",
            "CC0-1.0", "CC0-1.0");

    private DebianCopyright() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DebianCopyright FILE JAVA_VERSION");
        }
        Files.writeString(Path.of(args[0]),
                text(AboutInfo.load(io.webprobe.Version.get(), "Java " + args[1])),
                StandardCharsets.UTF_8);
    }

    /** The file's text; {@code about.runtime()} names the bundled Java ("Java 25.0.1"). */
    static String text(AboutInfo about) {
        StringBuilder b = new StringBuilder();
        b.append("Webprobe ").append(about.version()).append('\n')
                .append("Crawls a website for broken links and checks how fast URLs answer.\n\n")
                .append("Webprobe itself: ").append(about.licence()).append("\n\n")
                .append("/opt/webprobe/lib/runtime: the Java runtime (OpenJDK, ")
                .append(about.runtime()).append("), GPL-2.0 with the Classpath Exception;\n")
                .append("its own notices are in /opt/webprobe/lib/runtime/legal/.\n\n")
                .append("Libraries in the jar in /opt/webprobe/lib/app/, with their licences:\n");
        StringBuilder licences = new StringBuilder();
        for (AboutInfo.Library l : about.libraries()) {
            b.append("  ").append(l.name());
            if (!l.version().isEmpty()) {
                b.append(' ').append(l.version());
            }
            b.append(": ").append(l.licence()).append('\n');
            licences.append(' ').append(l.licence());
        }
        b.append('\n').append("On Debian systems the complete texts of these licences are in "
                + "/usr/share/common-licenses/:\n");
        licences.append(" GPL-2.0"); // the runtime's
        COMMON_LICENSES.entrySet().stream()
                .filter(e -> licences.toString().contains(e.getKey()))
                .map(e -> "  " + e.getKey() + ": /usr/share/common-licenses/" + e.getValue())
                .sorted()
                .forEach(line -> b.append(line).append('\n'));
        return b.toString();
    }
}
