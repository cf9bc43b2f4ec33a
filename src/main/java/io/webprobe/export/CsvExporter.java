package io.webprobe.export;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes rows to one CSV file (RFC 4180 quoting, UTF-8, header row) through
 * {@link AtomicCsvFile}, so a failure (a full disk, a missing folder, a row that cannot be
 * turned into text) never leaves half a file. For several files written together, all or
 * nothing, use {@link ExportBatch}. Stateless and thread-safe.
 */
public final class CsvExporter {

    /**
     * Writes the header and one line per row.
     *
     * @throws ExportException with a plain message when the file cannot be written
     */
    public <T> void write(Path target, List<Column<T>> columns, Iterable<? extends T> rows)
            throws ExportException {
        new ExportBatch().add(target, columns, RowSource.<T>of(rows)).writeAll();
    }
}
