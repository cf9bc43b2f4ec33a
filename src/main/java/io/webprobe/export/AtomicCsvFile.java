package io.webprobe.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import io.webprobe.FileErrors;
import io.webprobe.StdoutWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A CSV file being written: rows go to a temporary file beside the target, which replaces the
 * target only on {@link #commit()}. Closing without committing deletes the temporary file, so
 * a failure never leaves half a file and never destroys an earlier file of the same name. A
 * target that is a symbolic link keeps it (the file it names is replaced); one that is not a
 * plain file ({@code /dev/null}, a named pipe, {@code /dev/stdout}) is written into directly,
 * since it cannot be replaced ({@link OutputTarget}).
 * UTF-8 (optionally with a byte-order mark, for spreadsheets), RFC 4180 quoting, "\n" line
 * ends. A cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab
 * or a carriage return) is written with a leading apostrophe ({@link #neutralise}).
 *
 * <p>A new file gets the permissions the user's umask gives; a replaced file keeps its own.
 * One thread at a time.
 */
public final class AtomicCsvFile implements AutoCloseable {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path target;
    /** Where the rows end up: the target with its links followed. */
    private final Path dest;
    /** The temporary file, or null when the target is written into directly. */
    private final Path tmp;
    private final ICSVWriter csv;
    private boolean finished;
    private boolean done;

    private AtomicCsvFile(Path target, Path dest, Path tmp, ICSVWriter csv) {
        this.target = target;
        this.dest = dest;
        this.tmp = tmp;
        this.csv = csv;
    }

    /**
     * Starts a file and writes its header row.
     *
     * @throws ExportException with a plain message when the folder is missing or not writable
     */
    public static AtomicCsvFile create(Path target, String[] header) throws ExportException {
        return create(target, header, false);
    }

    /**
     * Starts a file, with a UTF-8 byte-order mark first when {@code bom} (Excel then reads
     * the file as UTF-8), and writes its header row.
     */
    public static AtomicCsvFile create(Path target, String[] header, boolean bom)
            throws ExportException {
        OutputTarget where = OutputTarget.of(target);
        Path file = where.file();
        Path tmp = null;
        OutputStream out = null;
        try {
            if (where.inPlace()) {
                // a device, a pipe or standard output: appended to, as a shell's >> would
                out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            } else {
                tmp = partBeside(target, file);
                out = newPart(tmp);
            }
            if (bom) {
                out.write(UTF8_BOM);
            }
            ICSVWriter w = new CSVWriterBuilder(new BufferedWriter(
                    new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16))
                    .withLineEnd("\n")
                    .build();
            AtomicCsvFile f = new AtomicCsvFile(target, file, tmp, w);
            f.write(header);
            return f;
        } catch (IOException e) {
            closeQuietly(out); // the byte-order mark could not be written: a full disk, say
            deleteQuietly(tmp);
            if (e instanceof ExportException ex) {
                throw ex;
            }
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    private static void closeQuietly(OutputStream out) {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /**
     * Copies a finished file (a per-request log kept while a run went) to {@code target} by the
     * same rules as {@link #create}: through a temporary file moved over the target (a link
     * kept, a replaced file's permissions kept, a new one the umask's), or into a device or a
     * pipe directly.
     *
     * @throws ExportException with a plain message; the target is then unchanged
     */
    public static void copy(Path from, Path target) throws ExportException {
        OutputTarget where = OutputTarget.of(target);
        Path file = where.file();
        Path tmp = null;
        try {
            if (where.inPlace()) {
                try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND)) {
                    Files.copy(from, out);
                }
                return;
            }
            tmp = partBeside(target, file);
            try (OutputStream out = newPart(tmp)) {
                Files.copy(from, out);
            }
            moveOver(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            if (e instanceof ExportException ex) {
                throw ex;
            }
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    /**
     * A file written to standard output as it goes (nothing to replace: {@link #commit()}
     * flushes it, and standard output stays open), with its header row.
     *
     * @param stdout standard output as the caller writes it
     */
    public static AtomicCsvFile toStdout(java.io.Writer stdout, String[] header) {
        java.io.Writer shielded = new java.io.FilterWriter(stdout) {
            @Override
            public void flush() throws IOException {
                super.flush();
                String why = StdoutWriter.failure(out); // a PrintWriter does not throw
                if (why != null) {
                    throw new IOException(why);
                }
            }

            @Override
            public void close() throws IOException {
                flush(); // standard output stays open for what follows
            }
        };
        ICSVWriter w = new CSVWriterBuilder(new BufferedWriter(shielded, 1 << 16))
                .withLineEnd("\n")
                .build();
        AtomicCsvFile f = new AtomicCsvFile(ExportBatch.STDOUT, null, null, w);
        f.write(header);
        return f;
    }

    /** Appends a row (quoted only where needed; formula-like cells neutralised). */
    public void write(String[] row) {
        for (int i = 0; i < row.length; i++) {
            row[i] = neutralise(row[i]);
        }
        csv.writeNext(row, false);
    }

    /**
     * A cell as written: one that a spreadsheet would treat as a formula (starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading
     * apostrophe, as OWASP advises against CSV injection; others are unchanged.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
                ? "'" + cell : cell;
    }

    /**
     * Hands the rows buffered so far to the file (or the pipe) without finishing it.
     *
     * @throws ExportException when the write failed (a full disk, say)
     */
    public void flush() throws ExportException {
        try {
            csv.flush();
        } catch (IOException e) {
            close();
            throw new ExportException(target, plainMessage(target, e), e);
        }
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
        finish();
        replace();
    }

    /**
     * Writes everything to the temporary file and closes it; the target is not touched yet.
     *
     * @throws ExportException when the file could not be completed
     */
    void finish() throws ExportException {
        checkHealthy();
        try {
            csv.close();
            finished = true;
        } catch (IOException e) {
            close();
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    /** Moves a finished file over the target, keeping an existing target's permissions. */
    void replace() throws ExportException {
        if (!finished) {
            throw new IllegalStateException("finish() first");
        }
        if (tmp == null) {
            done = true; // written into directly: nothing to move
            return;
        }
        try {
            moveOver(tmp, dest);
            done = true;
        } catch (IOException e) {
            close();
            throw new ExportException(target, plainMessage(target, e), e);
        }
    }

    /**
     * The temporary file's name beside {@code file} (the target with its links followed).
     *
     * @throws IOException when the folder is missing or the target is a folder
     */
    private static Path partBeside(Path target, Path file) throws IOException {
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new NoSuchFileException(String.valueOf(file)); // its folder is missing
        }
        if (Files.isDirectory(file)) {
            throw new ExportException(target, "Could not write " + target + ": it is a "
                    + "folder. Nothing was changed.", null);
        }
        // a crawl (or any SQLite file) chosen by a slip, which the window's save dialog only
        // asks "Replace?" of: refused here, where every export replaces its file
        String database = io.webprobe.store.SqliteHeader.kind(file);
        if (database != null) {
            throw new ExportException(target, "Could not write " + target + ": it is "
                    + database + ", which Webprobe never overwrites; choose another name. "
                    + "Nothing was changed.", null);
        }
        return dir.resolve("." + file.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".part");
    }

    private static OutputStream newPart(Path tmp) throws IOException {
        // CREATE_NEW with no attributes: the file gets the user's umask, not 0600
        OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        // Ctrl-C or SIGTERM mid-export: the JVM's exit removes the part-written file
        // (once moved into place, the name is gone and nothing is removed)
        tmp.toFile().deleteOnExit();
        return out;
    }

    /** Moves a finished temporary file over its target, keeping the target's permissions. */
    private static void moveOver(Path tmp, Path dest) throws IOException {
        keepPermissions(dest, tmp);
        // on disk before the rename: after a power cut the name then holds the old file or
        // the whole new one, never an empty or part-written one
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void keepPermissions(Path existing, Path tmp) throws IOException {
        if (!Files.exists(existing)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing,
                PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (from != null && to != null) {
            Set<PosixFilePermission> perms = from.readAttributes().permissions();
            to.setPermissions(perms);
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
        if (target.equals(ExportBatch.STDOUT)) {
            return "Could not write to standard output: " + FileErrors.why(e) + ".";
        }
        return "Could not write " + target + ": " + FileErrors.why(e) + ". Nothing was changed.";
    }
}
