package io.webprobe.app;

import io.webprobe.cli.WebprobeCli;
import java.io.PrintWriter;
import javafx.application.Application;

/**
 * The jar's entry point. Not an {@link Application} subclass, so that a plain classpath launch
 * finds the JavaFX runtime. With arguments it runs the command line; without, the desktop app.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            System.exit(WebprobeCli.execute(new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true), args));
        }
        // JavaFX warns about running from the classpath, which is how we run on purpose
        // (docs/decisions/0001-classpath-not-modules.md).
        java.util.logging.Logger.getLogger("com.sun.javafx.application.PlatformImpl")
                .setLevel(java.util.logging.Level.SEVERE);
        Application.launch(WebprobeApp.class, args);
    }
}
