package io.webprobe.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An export that could not be written. The message is one plain sentence for the user; the
 * target file was left as it was before (no half-written file).
 */
public final class ExportException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public ExportException(Path path, String message, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** The file that was to be written. */
    public Path path() {
        return path;
    }
}
