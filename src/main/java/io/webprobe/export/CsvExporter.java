package io.webprobe.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes rows to a CSV file (RFC 4180 quoting, UTF-8, header row) through
 * {@link AtomicCsvFile}, so a failure (a full disk, a missing folder, a row that cannot be
 * turned into text) never leaves half a file. Stateless and thread-safe.
 */
public final class CsvExporter {

    /**
     * Writes the header and one line per row.
     *
     * @throws ExportException with a plain message when the file cannot be written
     */
    public <T> void write(Path target, List<Column<T>> columns, Iterable<? extends T> rows)
            throws ExportException {
        String[] line = new String[columns.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = columns.get(i).header();
        }
        try (AtomicCsvFile file = AtomicCsvFile.create(target, line)) {
            try {
                for (T row : rows) {
                    for (int i = 0; i < line.length; i++) {
                        line[i] = columns.get(i).cell(row);
                    }
                    file.write(line);
                }
            } catch (RuntimeException e) {
                // a row that cannot be turned into text must not leave a half file either
                throw new ExportException(target, "Could not write " + target + ": "
                        + e.getMessage() + ". Nothing was changed.", e);
            }
            file.commit();
        }
    }
}
