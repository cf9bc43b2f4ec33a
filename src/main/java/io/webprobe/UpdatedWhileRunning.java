package io.webprobe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Webprobe says when the jar it runs from was replaced while it ran (an upgrade, or a
 * rebuild, with a window open): the classes it had not loaded yet can no longer be read, and
 * the first use of one fails with a {@link NoClassDefFoundError} that tells a user nothing.
 * One sentence, wherever such a failure is reported (a crawl's failure, its file's). The jar's
 * size and time are read when this class is loaded, which {@link #noteStart} does at start-up:
 * after the jar was replaced this class could not be loaded any more. Thread-safe.
 */
public final class UpdatedWhileRunning {
    /** The sentence. */
    public static final String SENTENCE = "Webprobe was updated while it ran; restart it.";

    /** The jar this process runs from as it was at start-up, or null (classes in a folder). */
    private static final Stamp AT_START = Stamp.of(jar());

    private UpdatedWhileRunning() {}

    /** Loads this class, reading the jar's size and time now (call it at start-up). */
    public static void noteStart() {
        // the work is the class's initialisation
    }

    /**
     * Whether {@code e} is a class that could not be loaded because the jar this process
     * runs from is no longer the one it started with.
     */
    public static boolean explains(Throwable e) {
        return explains(e, AT_START);
    }

    static boolean explains(Throwable e, Stamp atStart) {
        return atStart != null && classNotLoaded(e) && atStart.changed();
    }

    /**
     * A class not found ({@link NoClassDefFoundError}, {@link ClassNotFoundException}) in
     * {@code e} or its causes; not a class whose initialisation failed before ("Could not
     * initialize class …"), which is a failure of its own.
     */
    static boolean classNotLoaded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassNotFoundException) {
                return true;
            }
            if (t instanceof NoClassDefFoundError && (t.getMessage() == null
                    || !t.getMessage().startsWith("Could not initialize class"))) {
                return true;
            }
        }
        return false;
    }

    private static Path jar() {
        try {
            Path p = Path.of(UpdatedWhileRunning.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException | java.net.URISyntaxException e) {
            return null; // no code source to look at: nothing is ever said
        }
    }

    /** A file's size and time, to tell whether it was replaced. */
    static final class Stamp {
        private final Path file;
        private final long size;
        private final long modifiedMillis;

        private Stamp(Path file, long size, long modifiedMillis) {
            this.file = file;
            this.size = size;
            this.modifiedMillis = modifiedMillis;
        }

        /** The file as it is now, or null when there is none or it cannot be read. */
        static Stamp of(Path file) {
            if (file == null) {
                return null;
            }
            try {
                return new Stamp(file, Files.size(file),
                        Files.getLastModifiedTime(file).toMillis());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** Whether the file is gone, or its size or time is not what it was. */
        boolean changed() {
            try {
                return Files.size(file) != size
                        || Files.getLastModifiedTime(file).toMillis() != modifiedMillis;
            } catch (IOException | RuntimeException e) {
                return true; // removed (an upgrade that deleted the old jar)
            }
        }
    }
}
