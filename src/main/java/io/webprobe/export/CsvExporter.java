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
import java.util.List;
import java.util.Locale;

/**
 * Writes rows to a CSV file (RFC 4180 quoting, UTF-8, header row) through a temporary file in
 * the same folder that is renamed over the target only when complete, so a failure (a full
 * disk, a missing folder) never leaves half a file. Stateless and thread-safe.
 */
public final class CsvExporter {

    /**
     * Writes the header and one line per row.
     *
     * @throws ExportException with a plain message when the file cannot be written
     */
    public <T> void write(Path target, List<Column<T>> columns, Iterable<? extends T> rows)
            throws ExportException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Path tmp = null;
        try {
            if (dir == null || !Files.isDirectory(dir)) {
                throw new NoSuchFileException(String.valueOf(dir));
            }
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".part");
            try (ICSVWriter csv =
                    new CSVWriterBuilder(
                                    new BufferedWriter(
                                            new OutputStreamWriter(
                                                    Files.newOutputStream(tmp),
                                                    StandardCharsets.UTF_8),
                                            1 << 16))
                            .withLineEnd("\n")
                            .build()) {
                String[] line = new String[columns.size()];
                for (int i = 0; i < line.length; i++) {
                    line[i] = columns.get(i).header();
                }
                csv.writeNext(line, false);
                for (T row : rows) {
                    for (int i = 0; i < line.length; i++) {
                        line[i] = columns.get(i).cell(row);
                    }
                    csv.writeNext(line, false);
                }
                csv.flush();
                if (csv.checkError()) {
                    throw new IOException("the file could not be written completely");
                }
            }
            move(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ExportException(target, plainMessage(target, e), e);
        } catch (RuntimeException e) {
            // a row that cannot be turned into text must not leave a half file either
            deleteQuietly(tmp);
            throw new ExportException(target, "Could not write " + target + ": " + e.getMessage()
                    + ". Nothing was changed.", e);
        }
    }

    private static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
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

    static String plainMessage(Path target, IOException e) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String why;
        if (msg.contains("no space left") || msg.contains("disk quota")) {
            why = "the disk is full";
        } else if (e instanceof AccessDeniedException || msg.contains("permission denied")
                || msg.contains("read-only")) {
            why = "permission was denied";
        } else if (e instanceof NoSuchFileException) {
            why = "its folder does not exist";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return "Could not write " + target + ": " + why + ". Nothing was changed.";
    }
}
