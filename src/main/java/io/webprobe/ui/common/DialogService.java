package io.webprobe.ui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Dialogs the screens need, behind an interface so tests can answer them without a window.
 * Called on the FX thread.
 */
public interface DialogService {
    /** Asks where to save a CSV file; empty when the user cancels. */
    Optional<Path> chooseSaveFile(String title, String suggestedName);

    /**
     * The CSV file an export writes: {@link #chooseSaveFile}'s answer, ".csv" added when the
     * name has none. The save dialog asks before replacing only the name typed ("changes"), so
     * when the name so made (changes.csv) is an existing file this asks too; empty when the
     * user cancels either.
     */
    default Optional<Path> chooseCsvFile(String title, String suggestedName) {
        Optional<Path> chosen = chooseSaveFile(title, suggestedName);
        if (chosen.isEmpty()) {
            return chosen;
        }
        Path file = ExportPaths.withCsvExtension(chosen.get());
        if (!file.equals(chosen.get()) && java.nio.file.Files.exists(file)
                && !confirm("Replace file", file.getFileName() + " already exists. Replace it?",
                        "Replace")) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** Asks which file to open; empty when the user cancels (or there is no window). */
    default Optional<Path> chooseOpenFile(String title) {
        return Optional.empty();
    }

    /** Asks for a PEM certificate file to trust; empty when the user cancels. */
    default Optional<Path> chooseCertificateFile(String title) {
        return chooseOpenFile(title);
    }

    /**
     * Asks for a crawl file ({@code .webprobe}) to open, starting in {@code folder}; empty
     * when the user cancels.
     */
    default Optional<Path> chooseCrawlFile(String title, Path folder) {
        return chooseOpenFile(title);
    }

    /**
     * Asks for a folder, starting in {@code folder} (or the nearest folder above it that
     * exists); empty when the user cancels.
     */
    default Optional<Path> chooseFolder(String title, Path folder) {
        return Optional.empty();
    }

    /**
     * Asks the user to confirm something that cannot be undone in one click (quitting during a
     * crawl): true when {@code confirmLabel} is chosen, false when cancelled.
     */
    default boolean confirm(String title, String message, String confirmLabel) {
        return true;
    }

    /**
     * Asks the user to pick one of {@code choices} (the first the default), or Cancel: the
     * label picked, empty when cancelled.
     */
    default java.util.Optional<String> choose(String title, String message,
            java.util.List<String> choices) {
        return java.util.Optional.of(choices.get(0));
    }

    /** A user name and password typed into {@link #askSignIn}. */
    record SignIn(String user, String password) {
        /** The password stays out of logs and traces. */
        @Override
        public String toString() {
            return "SignIn[" + user + "]";
        }
    }

    /**
     * Asks for the user name and password a site asked for (HTTP basic authentication); empty
     * when the user cancels.
     *
     * @param site the site's host (and port), as the user knows it
     * @param refusedUser the user name of a sign-in the site did not accept (filled in), or
     *     null when none was given before
     * @param goLabel the label of the button that signs in, saying what follows
     *     ("Sign in and crawl", "Sign in and resume")
     */
    default Optional<SignIn> askSignIn(String site, String refusedUser, String goLabel) {
        return Optional.empty();
    }

    /** Shows a plain-sentence error. */
    void showError(String title, String message);

    /** Shows an information message. */
    void showInfo(String title, String message);

    /**
     * Shows a longer text the user can select and copy (Help › About). By default it is shown
     * as an information message.
     */
    default void showText(String title, String header, String text) {
        showInfo(title, header + "\n\n" + text);
    }
}
