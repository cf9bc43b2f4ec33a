package io.webprobe.ui.crawl.files;

import io.webprobe.FileErrors;
import io.webprobe.ui.common.UiState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where new crawl files go: the standard crawls folder ({@code CrawlFiles.defaultFolder()}) or
 * the one the user chose with File › Crawls folder…, remembered between launches. Read from
 * any thread (a crawl's file is made off the FX thread); changed on the FX thread.
 */
public final class CrawlsFolder implements Supplier<Path> {
    static final String KEY = "crawl.folder";

    private final UiState memory;
    private final Path standard;

    /**
     * @param memory where the choice is remembered
     * @param standard the folder used when the user has chosen none
     */
    public CrawlsFolder(UiState memory, Path standard) {
        this.memory = memory;
        this.standard = standard.toAbsolutePath();
    }

    /** The folder new crawls go to now. */
    @Override
    public Path get() {
        String chosen = memory.getString(KEY, "");
        if (chosen.isBlank()) {
            return standard;
        }
        try {
            return Path.of(chosen);
        } catch (InvalidPathException e) {
            return standard; // a state file edited by hand
        }
    }

    /** The folder used when the user has chosen none. */
    public Path standard() {
        return standard;
    }

    /** Whether new crawls go to the standard folder. */
    public boolean isStandard() {
        return get().equals(standard);
    }

    /** New crawls go to {@code folder} from now on (the standard one: the choice is forgotten). */
    public void use(Path folder) {
        Path abs = folder.toAbsolutePath().normalize();
        if (abs.equals(standard)) {
            memory.remove(KEY);
        } else {
            memory.putString(KEY, abs.toString());
        }
    }

    /**
     * Why crawl files cannot be made in {@code folder}, in words ("it is read-only"), or null
     * when they can: the folder is made if missing and a file is made in it and deleted, so a
     * read-only disk or a folder of someone else's says so now, not at the next crawl. Does
     * I/O: not on the FX thread.
     */
    public static String whyNotUsable(Path folder) {
        Path abs = folder.toAbsolutePath();
        for (Path p = abs; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    return (p.equals(abs) ? "that" : p.toString()) + " is a file, not a folder";
                }
                break;
            }
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".webprobe-", ".check");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return FileErrors.why(e);
        }
    }
}
