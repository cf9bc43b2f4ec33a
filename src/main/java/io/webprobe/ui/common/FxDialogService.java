package io.webprobe.ui.common;

import io.webprobe.UserDirs;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link DialogService} with real JavaFX dialogs owned by the main window. Dialogs never size
 * or move their owner; they are resizable themselves.
 */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private final LastFolder lastFolder;

    /**
     * @param owner the window the dialogs belong to
     * @param memory where the folder the dialogs last used is kept across starts
     */
    public FxDialogService(Supplier<Window> owner, UiState memory) {
        this.owner = owner;
        this.lastFolder = new LastFolder(memory);
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        File folder = lastFolder.getOr(home());
        if (folder != null) {
            chooser.setInitialDirectory(folder);
        }
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder.chose(f);
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseOpenFile(String title) {
        Optional<Path> f = open(title, lastFolder.getOr(home()), new FileChooser.ExtensionFilter(
                "Text and CSV files", "*.txt", "*.csv", "*.list"));
        f.ifPresent(p -> lastFolder.chose(p.toFile()));
        return f;
    }

    @Override
    public Optional<Path> chooseCertificateFile(String title) {
        return open(title, home(), new FileChooser.ExtensionFilter("Certificates (PEM)", "*.pem",
                "*.crt", "*.cer"));
    }

    @Override
    public Optional<Path> chooseCrawlFile(String title, Path folder) {
        return open(title, folder == null ? null : folder.toFile(),
                new FileChooser.ExtensionFilter("Webprobe crawls", "*.webprobe"));
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path folder) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        for (Path p = folder == null ? null : folder.toAbsolutePath(); p != null;
                p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p)) {
                chooser.setInitialDirectory(p.toFile());
                break;
            }
        }
        File f = chooser.showDialog(owner.get());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    /** The user's home folder ({@link UserDirs#home}), where a dialog with no folder starts. */
    private static File home() {
        return UserDirs.current().home().toFile();
    }

    /** An open dialog for files of one kind (or any), starting in {@code folder} if it is one. */
    private Optional<Path> open(String title, File folder, FileChooser.ExtensionFilter kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(kind,
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File f = chooser.showOpenDialog(owner.get());
        return f == null ? Optional.empty() : Optional.of(f.toPath());
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message);
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message);
    }

    @Override
    public void showText(String title, String header, String text) {
        TextArea area = new TextArea(text);
        area.setId("dialogText");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefColumnCount(64);
        area.setPrefRowCount(18);
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setContent(area);
        show(a);
    }

    @Override
    public Optional<SignIn> askSignIn(String site, String refusedUser, String goLabel) {
        boolean refused = refusedUser != null;
        javafx.scene.control.Dialog<SignIn> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Sign in");
        d.setHeaderText(refused
                ? site + " did not accept that user name and password. Try again?"
                : site + " asks for a user name and password.");
        javafx.scene.control.TextField user = new javafx.scene.control.TextField();
        user.setId("signInUser");
        user.setText(refused ? refusedUser : "");
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("signInPassword");
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new javafx.scene.control.Label("User name:"), user);
        grid.addRow(1, new javafx.scene.control.Label("Password:"), password);
        javafx.scene.control.Label note = new javafx.scene.control.Label("Sent to this site "
                + "only, for as long as this window is open; never saved.");
        note.setWrapText(true);
        grid.add(note, 0, 2, 2, 1);
        d.getDialogPane().setContent(grid);
        javafx.scene.control.ButtonType signIn = new javafx.scene.control.ButtonType(
                goLabel, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(signIn, javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane().lookupButton(signIn).disableProperty()
                .bind(user.textProperty().isEmpty());
        d.setResultConverter(b -> b == signIn ? new SignIn(user.getText(), password.getText())
                : null);
        d.initOwner(owner.get());
        d.setResizable(true);
        javafx.application.Platform.runLater(refused ? password::requestFocus
                : user::requestFocus);
        return d.showAndWait();
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(confirmLabel,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, yes,
                javafx.scene.control.ButtonType.CANCEL);
        a.setTitle(title);
        a.setHeaderText(null);
        a.initOwner(owner.get());
        a.setResizable(true);
        return a.showAndWait().filter(yes::equals).isPresent();
    }

    @Override
    public Optional<String> choose(String title, String message, java.util.List<String> choices) {
        java.util.List<javafx.scene.control.ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new javafx.scene.control.ButtonType(choices.get(i), i == 0
                    ? javafx.scene.control.ButtonBar.ButtonData.OK_DONE
                    : javafx.scene.control.ButtonBar.ButtonData.OTHER));
        }
        buttons.add(javafx.scene.control.ButtonType.CANCEL);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message,
                buttons.toArray(javafx.scene.control.ButtonType[]::new));
        a.setTitle(title);
        a.setHeaderText(null);
        a.initOwner(owner.get());
        a.setResizable(true);
        return a.showAndWait().filter(b -> b != javafx.scene.control.ButtonType.CANCEL)
                .map(javafx.scene.control.ButtonType::getText);
    }

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        a.setTitle(title);
        a.setHeaderText(null);
        show(a);
    }

    private void show(Alert a) {
        a.initOwner(owner.get());
        a.setResizable(true);
        a.show();
    }
}
