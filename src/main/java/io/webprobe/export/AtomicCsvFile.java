package io.webprobe.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * A CSV file being written: rows go to a temporary file beside the target, which replaces the
 * target only on {@link #commit()}. Closing without committing deletes the temporary file, so
 * a failure never leaves half a file and never destroys an earlier file of the same name.
 * UTF-8, RFC 4180 quoting, "\n" line ends. One thread at a time.
 */
public final class AtomicCsvFile implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final ICSVWriter csv;
    private boolean done;

    private AtomicCsvFile(Path target, Path tmp, ICSVWriter csv) {
        this.target = target;
        this.tmp = tmp;
        this.csv = csv;
    }

    /**
     * Starts a file and writes its header row.
     *
     * @throws ExportException with a plain message when the folder is missing or not writable
     */
    public static AtomicCsvFile create(Path target, String[] header) throws ExportException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new NoSuchFileException(String.valueOf(dir));
            }
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            ICSVWriter w = new CSVWriterBuilder(new BufferedWriter(new OutputStreamWriter(
                    Files.newOutputStream(tmp), StandardCharsets.UTF_8), 1 << 16))
                    .withLineEnd("\n")
                    .build();
            AtomicCsvFile f = new AtomicCsvFile(target, tmp, w);
            f.write(header);
            return f;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    /** Appends a row (quoted only where needed). */
    public void write(String[] row) {
        csv.writeNext(row, false);
    }

    /**
     * Flushes and reports whether everything so far reached the disk.
     *
     * @throws ExportException when a write failed (a full disk, say)
     */
    public void checkHealthy() throws ExportException {
        if (csv.checkError()) {
            close();
            throw new ExportException(target, plainMessage(target, csv.getException()),
                    csv.getException());
        }
    }

    /** Finishes the file and moves it over the target. */
    public void commit() throws ExportException {
        checkHealthy();
        try {
            csv.close();
            try {
                Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            close();
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    public Path target() {
        return target;
    }

    /** Abandons the file unless committed: the temporary file is deleted. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            csv.close();
        } catch (IOException ignored) {
            // the file is being abandoned
        }
        deleteQuietly(tmp);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /** One sentence saying why a file could not be written. */
    static String plainMessage(Path target, Exception e) {
        String raw = e == null ? null : e.getMessage();
        String msg = String.valueOf(raw).toLowerCase(Locale.ROOT);
        String why;
        if (msg.contains("no space left") || msg.contains("disk quota")) {
            why = "the disk is full";
        } else if (e instanceof AccessDeniedException || msg.contains("permission denied")
                || msg.contains("read-only")) {
            why = "permission was denied";
        } else if (e instanceof NoSuchFileException) {
            why = "its folder does not exist";
        } else if (raw == null) {
            why = e == null ? "unknown error" : e.getClass().getSimpleName();
        } else {
            why = raw;
        }
        return "Could not write " + target + ": " + why + ". Nothing was changed.";
    }
}
