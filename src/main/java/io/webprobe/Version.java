package io.webprobe;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The application's version, read once from the build's resources. */
public final class Version {
    private Version() {}

    /** The version, e.g. "0.1.0", or "dev" when run from unbuilt sources. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /** The User-Agent header Webprobe sends. */
    public static String userAgent() {
        return "Webprobe/" + get();
    }
}
