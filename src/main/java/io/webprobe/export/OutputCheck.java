package io.webprobe.export;

import io.webprobe.FileErrors;
import io.webprobe.store.SqliteHeader;
import java.io.IOException;
import java.nio.file.AccessMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Checks output files before any work starts, so a long crawl is never lost to a typo in a
 * path: each folder exists and takes new files (tried for real, with a block written, so a full
 * disk is found before the work, not after), no target is a folder or an
 * existing file that cannot be replaced, none is an existing crawl file or other SQLite
 * database (a slip of the tab key must not destroy a crawl) or a file the command reads, no
 * file is named twice, and
 * {@code -} (standard output) is used at most once and only where the caller allows it. A
 * device or a pipe ({@code /dev/null}) only needs to be writable. Not thread-safe; use once.
 */
public final class OutputCheck {
    /** What the probe of a folder writes: enough that a full disk refuses it. */
    private static final int PROBE_BYTES = 64 * 1024;
    /** {@link #PROBE_BYTES} in words. */
    private static final String PROBE_SIZE = "64 KB";

    /** Writes the probe file: {@link Files#write}, or a test's stand-in. */
    interface ProbeWriter {
        void write(Path probe, byte[] bytes) throws IOException;
    }

    /** Checks that a file can be written, throwing why not: the JDK's check, or a test's. */
    interface WriteAccess {
        void check(Path file) throws IOException;
    }

    private record Output(String option, Path path) {}

    private final List<Output> outputs = new ArrayList<>();
    /** Crawl files in use (read, resumed or written), each with its SQLite side files. */
    private final List<Output> crawlFiles = new ArrayList<>();
    /** Other files the command reads (a list of URLs, a certificate): never an output. */
    private final List<Output> inputs = new ArrayList<>();
    private final boolean stdoutAllowed;
    private final ProbeWriter probeWriter;
    private final WriteAccess writeAccess;
    private boolean stdoutClosed;

    /**
     * @param stdoutAllowed whether {@code -} may name standard output
     */
    public OutputCheck(boolean stdoutAllowed) {
        this(stdoutAllowed, (probe, bytes) -> Files.write(probe, bytes));
    }

    /** With the probe written by {@code probeWriter} (a test's full disk). */
    OutputCheck(boolean stdoutAllowed, ProbeWriter probeWriter) {
        this(stdoutAllowed, probeWriter,
                file -> file.getFileSystem().provider().checkAccess(file, AccessMode.WRITE));
    }

    /**
     * With the probe written by {@code probeWriter} and an existing file's or device's
     * writability checked by {@code writeAccess} (a test's read-only disk, which a test cannot
     * mount).
     */
    OutputCheck(boolean stdoutAllowed, ProbeWriter probeWriter, WriteAccess writeAccess) {
        this.stdoutAllowed = stdoutAllowed;
        this.probeWriter = probeWriter;
        this.writeAccess = writeAccess;
    }

    /** Adds an output (ignored when null). */
    public OutputCheck add(String option, Path path) {
        if (path != null) {
            outputs.add(new Output(option, path));
        }
        return this;
    }

    /**
     * Adds a crawl file the command reads, resumes or writes ({@code option} names it, e.g.
     * "--db" or "the crawl file"): no output may name it, nor SQLite's side files beside it
     * ({@code -wal}, {@code -shm}, {@code -journal}), which a CSV would overwrite and SQLite
     * would later delete. Ignored when null.
     */
    public OutputCheck crawlFile(String option, Path file) {
        if (file != null) {
            crawlFiles.add(new Output(option, file));
        }
        return this;
    }

    /**
     * Adds a file the command reads ({@code option} names it, e.g. "--file"): an output naming
     * it would write over it once the work is done (ping --file urls.txt --csv urls.txt lost
     * the list). Ignored when null or {@code -} (standard input).
     */
    public OutputCheck input(String option, Path file) {
        if (file != null && !file.toString().equals("-")) {
            inputs.add(new Output(option, file));
        }
        return this;
    }

    /**
     * Says that the process's standard output is closed (it was started with {@code >&-}), so
     * {@code -} has nowhere to go and is refused.
     */
    public OutputCheck stdoutClosed(boolean closed) {
        this.stdoutClosed = closed;
        return this;
    }

    /** Whether one of the outputs is standard output. */
    public boolean usesStdout() {
        return outputs.stream().anyMatch(o -> o.path().equals(ExportBatch.STDOUT));
    }

    /**
     * Why a crawl file given as {@code -} cannot be taken (a standard stream: {@code --db -}
     * made a crawl file named "-" and sent the summary to stderr), or null for any other name.
     *
     * @param written whether the command writes the crawl file (crawl --db), or reads it
     */
    public static String standardStream(String option, Path crawlFile, boolean written) {
        return crawlFile == null || !crawlFile.equals(ExportBatch.STDOUT) ? null
                : option + " -: a crawl file is a database, read and written in place, so it "
                        + "cannot be standard " + (written ? "output" : "input") + "; give a "
                        + "file name (./- for a file named -).";
    }

    /** One plain sentence naming the first problem, or null when every output can be written. */
    public String problem() {
        for (Output c : crawlFiles) {
            String stream = standardStream(c.option(), c.path(), outputs.contains(c));
            if (stream != null) {
                return stream;
            }
        }
        Map<Path, Output> seen = new HashMap<>();
        for (Output o : outputs) {
            if (o.path().equals(ExportBatch.STDOUT)) {
                if (!stdoutAllowed) {
                    return o.option() + " -: standard output cannot be used here; give a file "
                            + "name.";
                }
                if (stdoutClosed) {
                    return "Standard output is closed, so " + o.option() + " - has nowhere to "
                            + "go; give a file name.";
                }
                Output other = seen.put(ExportBatch.STDOUT, o);
                if (other != null) {
                    return other.option() + " and " + o.option() + " both write to standard "
                            + "output; only one of them can.";
                }
                continue;
            }
            Path abs = o.path().toAbsolutePath().normalize();
            Path real = realFile(o.path());
            Output other = seen.put(real, o);
            if (other != null) {
                boolean sameName = other.path().toAbsolutePath().normalize().equals(abs);
                return other.option() + " and " + o.option() + " both name "
                        + (sameName ? o.path() : real + " (given as " + other.path() + " and "
                                + o.path() + ")") + "; give each its own file.";
            }
            String clash = clashWithCrawlFile(o);
            if (clash != null) {
                return clash;
            }
            for (Output in : inputs) {
                if (realFile(in.path()).equals(real)) {
                    return o.option() + " " + o.path() + " is the file given to " + in.option()
                            + "; give the output another name.";
                }
            }
            String database = isCrawlFileInUse(o) ? null : SqliteHeader.kind(o.path());
            if (database != null) {
                return o.option() + " " + o.path() + " is " + database + ", which Webprobe "
                        + "never overwrites; give the output another name.";
            }
            String why = problemWith(abs);
            if (why != null) {
                return o.option() + " " + o.path() + ": " + why;
            }
        }
        return null;
    }

    /**
     * The file a name really leads to, so that two names of one file (through a link to it, or
     * a link among its folders: {@code up/p.csv} with {@code up} a link to {@code .}) are one:
     * the links of the name followed, its folder's real path, and the file's own real path
     * when it exists.
     */
    static Path realFile(Path given) {
        Path file = OutputTarget.of(given).file();
        try {
            return file.toRealPath();
        } catch (IOException e) {
            // not there yet (or a link to nothing): its folder's real path and its name
        }
        Path dir = file.getParent();
        if (dir == null || file.getFileName() == null) {
            return file;
        }
        try {
            return dir.toRealPath().resolve(file.getFileName());
        } catch (IOException e) {
            return file; // a folder that is not there: refused below as such
        }
    }

    /** Whether an output is itself a crawl file the command writes (crawl --db). */
    private boolean isCrawlFileInUse(Output o) {
        return crawlFiles.stream().anyMatch(c -> c.path().equals(o.path())
                && c.option().equals(o.option()));
    }

    /** An output naming a crawl file in use (or one of its side files), or null. */
    private String clashWithCrawlFile(Output o) {
        Path out = realFile(o.path());
        for (Output c : crawlFiles) {
            if (c.path().equals(o.path()) && o.option().equals(c.option())) {
                continue; // the crawl file itself, when it is also an output (--db)
            }
            Path crawl = realFile(c.path());
            for (String side : new String[] {"", "-wal", "-shm", "-journal"}) {
                Path p = side.isEmpty() ? crawl : crawl.resolveSibling(crawl.getFileName() + side);
                if (out.equals(p)) {
                    return o.option() + " " + o.path() + (side.isEmpty()
                            ? " is the crawl file " : " belongs to the crawl file ")
                            + c.path() + "; give the output another name.";
                }
            }
        }
        return null;
    }

    /**
     * Why an existing file or device cannot be written, in {@link FileErrors#why}'s words
     * ("permission was denied", "the disk or folder is read-only"), or null when it can.
     */
    private String notWritable(Path file) {
        try {
            writeAccess.check(file);
            return null;
        } catch (IOException e) {
            return FileErrors.why(e);
        }
    }

    /** Why a file cannot be written there, or null. */
    private String problemWith(Path given) {
        OutputTarget where = OutputTarget.of(given);
        Path file = where.file();
        if (where.systemFile()) {
            return "that is one of the system's files under /proc, not a place for output; "
                    + "give a file name.";
        }
        if (where.inPlace()) {
            // a device or a pipe: written into, never replaced
            String why = notWritable(file);
            return why == null ? null : "it cannot be written: " + why + ".";
        }
        if (Files.isDirectory(file)) {
            return "that is a folder; give a file name.";
        }
        Path dir = file.getParent();
        if (dir == null || !Files.exists(dir)) {
            return "the folder " + (dir == null ? "" : dir + " ") + "does not exist.";
        }
        if (!Files.isDirectory(dir)) {
            return dir + " is not a folder.";
        }
        if (Files.exists(file)) {
            String why = notWritable(file);
            if (why != null) {
                return "the file exists and cannot be replaced: " + why + ".";
            }
        }
        Path probe = dir.resolve(".webprobe-check-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createFile(probe);
        } catch (IOException e) {
            return "files cannot be created in " + dir + ": " + FileErrors.why(e) + ".";
        }
        try {
            // a full disk still takes an empty file: write a block, as the export will
            probeWriter.write(probe, new byte[PROBE_BYTES]);
            return null;
        } catch (IOException e) {
            String why = FileErrors.why(e);
            // the disk may have some room left, only less than the probe: "the disk is full"
            // was untrue with 36 KB free
            return why.equals(FileErrors.DISK_FULL)
                    ? "less than " + PROBE_SIZE + " is free in " + dir + "."
                    : "files cannot be written in " + dir + ": " + why + ".";
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a probe left behind is harmless; the answer above stands
            }
        }
    }
}
