package io.webprobe.app;

import java.lang.reflect.InvocationTargetException;

/**
 * The jar's Main-Class. Compiled for Java 8 (a second compiler run in the pom, from
 * {@code src/main/java8}), so that an old {@code java -jar} can load it and say in one sentence
 * that Webprobe needs Java 21, instead of failing with {@code UnsupportedClassVersionError}
 * before any of our code runs. On Java 21 or newer it hands over to {@code Launcher}.
 *
 * <p>Nothing here may refer to a class compiled for Java 21: the hand-over is by name.
 */
public final class JavaVersionGate {
    /** The oldest Java that Webprobe runs on. */
    static final int REQUIRED = 21;

    private JavaVersionGate() {}

    public static void main(String[] args) throws Throwable {
        int feature = feature(System.getProperty("java.specification.version"));
        if (feature < REQUIRED) {
            System.err.println(tooOld(System.getProperty("java.specification.version"),
                    System.getProperty("java.home")));
            System.exit(2);
        }
        try {
            Class.forName("io.webprobe.app.Launcher")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // Launcher's own handlers report it
        }
    }

    /** "1.8" gives 8, "17" gives 17; anything unreadable counts as new enough. */
    static int feature(String specVersion) {
        if (specVersion == null) {
            return Integer.MAX_VALUE;
        }
        String v = specVersion.startsWith("1.") ? specVersion.substring(2) : specVersion;
        int dot = v.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? v : v.substring(0, dot));
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    static String tooOld(String version, String javaHome) {
        return "Webprobe needs Java " + REQUIRED + " or newer, but this is Java " + version
                + " (" + javaHome + "); install a JDK " + REQUIRED
                + " or newer (for example 'apt-get install openjdk-21-jdk') and run Webprobe with it.";
    }
}
