package io.webprobe.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with real JavaFX dialogs owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;
    private File lastFolder;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV files", "*.csv"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseOpenFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Text and CSV files", "*.txt", "*.csv", "*.list"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File f = chooser.showOpenDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> chooseCrawlFile(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Webprobe crawls", "*.webprobe"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
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

    private void alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type, message);
        a.setTitle(title);
        a.setHeaderText(null);
        a.initOwner(owner.get());
        a.show();
    }
}
