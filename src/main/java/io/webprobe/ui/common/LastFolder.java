package io.webprobe.ui.common;

import java.io.File;

/**
 * The folder the file dialogs last used (an export saved, a list opened), kept in the
 * {@link UiState} so that the next start's dialogs open there too, not in the folder the app
 * was started from. A folder that has gone since counts as none. FX thread only.
 */
final class LastFolder {
    static final String KEY = "dialogs.lastFolder";
    private final UiState state;

    LastFolder(UiState state) {
        this.state = state;
    }

    /** The folder last used, or null when none was or it is no longer a folder. */
    File get() {
        String path = state.getString(KEY, "");
        File folder = path.isEmpty() ? null : new File(path);
        return folder != null && folder.isDirectory() ? folder : null;
    }

    /**
     * The folder last used, else {@code fallback} (the user's home: a first export began in
     * the folder the app was started from, the checkout for a tester), or null when neither
     * is a folder.
     */
    File getOr(File fallback) {
        File last = get();
        if (last != null) {
            return last;
        }
        return fallback != null && fallback.isDirectory() ? fallback : null;
    }

    /** Remembers the folder of a file the user chose. */
    void chose(File file) {
        File folder = file == null ? null : file.getAbsoluteFile().getParentFile();
        if (folder != null) {
            state.putString(KEY, folder.getPath());
        }
    }
}
