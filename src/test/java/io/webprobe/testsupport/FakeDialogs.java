package io.webprobe.testsupport;

import io.webprobe.ui.common.DialogService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Dialogs answered by the test: file choosers return what the test set, messages are recorded.
 * {@link #calls} holds the kind of each call ("chooseSaveFile", "showError"...), {@link #details}
 * the same with its title or message ("showError: Could not write ...").
 */
public final class FakeDialogs implements DialogService {
    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final List<String> details = new CopyOnWriteArrayList<>();
    public volatile Optional<Path> saveAnswer = Optional.empty();
    public volatile Optional<Path> openAnswer = Optional.empty();
    /** Answers to {@link #chooseCrawlFile}, one per call; none left: cancelled. */
    public final java.util.Deque<Path> crawlAnswers = new java.util.concurrent.ConcurrentLinkedDeque<>();
    /** What {@link #confirm} answers. */
    public volatile boolean confirmAnswer = true;
    /** What {@link #choose} answers: null, its first choice; {@link #CANCEL}, cancelled. */
    public volatile String choiceAnswer;
    public static final String CANCEL = "Cancel";

    private void record(String kind, String text) {
        calls.add(kind);
        details.add(kind + ": " + text);
    }

    /** The name the last save dialog suggested. */
    public volatile String suggestedName;

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        this.suggestedName = suggestedName;
        record("chooseSaveFile", title);
        return saveAnswer;
    }

    @Override
    public Optional<Path> chooseOpenFile(String title) {
        record("chooseOpenFile", title);
        return openAnswer;
    }

    @Override
    public Optional<Path> chooseCrawlFile(String title, Path folder) {
        record("chooseCrawlFile", title);
        return Optional.ofNullable(crawlAnswers.poll());
    }

    /** Answers to {@link #chooseFolder}, one per call; none left: cancelled. */
    public final java.util.Deque<Path> folderAnswers =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    @Override
    public Optional<Path> chooseFolder(String title, Path folder) {
        record("chooseFolder", title + " (from " + folder + ")");
        return Optional.ofNullable(folderAnswers.poll());
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        record("confirm", message);
        return confirmAnswer;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> choices) {
        record("choose", message);
        String answer = choiceAnswer;
        return answer == null ? Optional.of(choices.get(0))
                : CANCEL.equals(answer) ? Optional.empty() : Optional.of(answer);
    }

    /** Answers to {@link #askSignIn}, one per call; none left: cancelled. */
    public final java.util.Deque<SignIn> signInAnswers =
            new java.util.concurrent.ConcurrentLinkedDeque<>();

    @Override
    public Optional<SignIn> askSignIn(String site, String refusedUser, String goLabel) {
        record("askSignIn", site + (refusedUser != null ? " (" + refusedUser + " refused)"
                : "") + " [" + goLabel + "]");
        return Optional.ofNullable(signInAnswers.poll());
    }

    @Override
    public void showError(String title, String message) {
        record("showError", message);
    }

    @Override
    public void showInfo(String title, String message) {
        record("showInfo", message);
    }
}
