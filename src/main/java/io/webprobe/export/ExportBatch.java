package io.webprobe.export;

import io.webprobe.FileErrors;
import io.webprobe.StdoutWriter;
import io.webprobe.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one export, written all or nothing: every file is written to a temporary file
 * first, and the targets are replaced only when all of them were written. If one fails, none is
 * replaced and the message says so. A target of {@code -} is standard output (the CSV is copied
 * there once all files are written). Not thread-safe; use once.
 */
public final class ExportBatch {
    /** The name that means standard output. */
    public static final Path STDOUT = Path.of("-");

    private record Part<T>(Path target, List<Column<T>> columns, RowSource<T> rows) {}

    private final List<Part<?>> parts = new ArrayList<>();
    /** Files streamed elsewhere (a request log), put in place with the others. */
    private final List<AtomicCsvFile> streamed = new ArrayList<>();
    private final Writer stdout;
    private final boolean bom;
    /** Rows written so far, read by other threads (one writer: this batch's). */
    private volatile long rowsWritten;

    /**
     * @param stdout where a target of {@code -} goes
     * @param bom whether files start with a UTF-8 byte-order mark (for Excel); standard
     *     output never does
     */
    public ExportBatch(Writer stdout, boolean bom) {
        this.stdout = stdout;
        this.bom = bom;
    }

    /** A batch of files only (no standard output), without byte-order marks. */
    public ExportBatch() {
        this(null, false);
    }

    /**
     * The rows written so far, over every file: a count that grows while {@link #writeAll()}
     * works, for a thread that waits on it (safe from any thread).
     */
    public long rowsWritten() {
        return rowsWritten;
    }

    /** Adds a file; nothing is written before {@link #writeAll()}. */
    public <T> ExportBatch add(Path target, List<Column<T>> columns, RowSource<T> rows) {
        parts.add(new Part<>(target, columns, rows));
        return this;
    }

    /** Adds a file already written by a stream (not yet in place); it joins the all or nothing. */
    public ExportBatch addStreamed(AtomicCsvFile file) {
        streamed.add(file);
        return this;
    }

    /**
     * Writes every file, then puts them in place.
     *
     * @throws ExportException with one plain sentence saying which file failed and that no
     *     file was changed (or, if a rename failed half way, exactly which files were)
     */
    public void writeAll() throws ExportException {
        List<AtomicCsvFile> written = new ArrayList<>(streamed);
        List<Path> stdoutCopies = new ArrayList<>();
        try {
            for (AtomicCsvFile f : streamed) {
                f.finish();
            }
            for (Part<?> p : parts) {
                if (p.target().equals(STDOUT)) {
                    Path tmp = tempForStdout();
                    stdoutCopies.add(tmp);
                    // a byte-order mark is for a file Excel opens: a pipe's reader would take
                    // it for part of the first column's name
                    AtomicCsvFile f = write(p, tmp, false);
                    f.finish();
                    f.replace();
                } else {
                    AtomicCsvFile f = write(p, p.target(), bom);
                    written.add(f);
                    f.finish();
                }
            }
        } catch (ExportException e) {
            written.forEach(AtomicCsvFile::close);
            deleteAll(stdoutCopies);
            if (e.path().equals(STDOUT) && parts.size() + streamed.size() == 1) {
                throw e; // what reached standard output cannot be taken back: no "nothing"
            }
            throw new ExportException(e.path(), stripNothingChanged(e.getMessage())
                    + (parts.size() + streamed.size() > 1 ? " No file was changed."
                            : " Nothing was changed."),
                    e.getCause());
        }
        List<Path> replaced = new ArrayList<>();
        for (AtomicCsvFile f : written) {
            try {
                f.replace();
                replaced.add(f.target());
            } catch (ExportException e) {
                written.forEach(AtomicCsvFile::close);
                deleteAll(stdoutCopies);
                String done = replaced.isEmpty() ? " No file was changed."
                        : " " + join(replaced) + (replaced.size() == 1 ? " was" : " were")
                                + " already written; the others were not changed.";
                throw new ExportException(e.path(), stripNothingChanged(e.getMessage()) + done,
                        e.getCause());
            }
        }
        try {
            for (Path tmp : stdoutCopies) {
                try (Reader in = Files.newBufferedReader(tmp, StandardCharsets.UTF_8)) {
                    in.transferTo(stdout);
                }
            }
            if (stdout != null) {
                stdout.flush();
                String why = StdoutWriter.failure(stdout); // a PrintWriter does not throw
                if (why != null) {
                    throw new ExportException(STDOUT, "Could not write to standard output: "
                            + why + ".", null);
                }
            }
        } catch (ExportException e) {
            throw e;
        } catch (IOException e) {
            throw new ExportException(STDOUT, "Could not write to standard output: "
                    + FileErrors.why(e) + ".", e);
        } finally {
            deleteAll(stdoutCopies);
        }
    }

    private <T> AtomicCsvFile write(Part<T> p, Path into, boolean bom) throws ExportException {
        String[] line = new String[p.columns().size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = p.columns().get(i).header();
        }
        AtomicCsvFile file = AtomicCsvFile.create(into, line, bom);
        try {
            p.rows().forEach(row -> {
                for (int i = 0; i < line.length; i++) {
                    line[i] = p.columns().get(i).cell(row);
                }
                file.write(line);
                rowsWritten++; // one writing thread: a plain increment of the volatile
            });
            file.checkHealthy();
            return file;
        } catch (ExportException e) {
            file.close();
            throw e;
        } catch (StoreException e) {
            // the crawl file could not be read: its own sentence, which names it
            file.close();
            throw new ExportException(p.target(), e.getMessage() + " Nothing was changed.", e);
        } catch (Exception e) {
            // a row that cannot be read or turned into text must not leave a half file either
            file.close();
            String why = e.getMessage() == null ? "a row could not be read" : e.getMessage();
            throw new ExportException(p.target(), "Could not write " + p.target() + ": "
                    + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why)
                    + ". Nothing was changed.", e);
        }
    }

    private static Path tempForStdout() throws ExportException {
        try {
            Path tmp = Files.createTempFile("webprobe-export-", ".csv");
            tmp.toFile().deleteOnExit(); // removed by the JVM's exit after Ctrl-C too
            return tmp;
        } catch (IOException e) {
            throw new ExportException(STDOUT, "Could not prepare the output: "
                    + FileErrors.why(e) + ". Nothing was changed.", e);
        }
    }

    private static void deleteAll(List<Path> files) {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // temporary
            }
        }
    }

    private static String stripNothingChanged(String m) {
        String tail = " Nothing was changed.";
        return m.endsWith(tail) ? m.substring(0, m.length() - tail.length()) : m;
    }

    private static String join(List<Path> paths) {
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            names.add(p.toString());
        }
        return String.join(", ", names);
    }
}
