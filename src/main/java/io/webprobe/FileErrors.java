package io.webprobe;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file or folder could not be made, written or read, in plain words: the one mapping
 * from the JDK's file exceptions (whose own message is often only a path, or a decoder's
 * "Input length = 1") to the end of a sentence.
 */
public final class FileErrors {
    /** What {@link #why} says of a full disk (or a used-up quota). */
    public static final String DISK_FULL = "the disk is full";
    /**
     * What {@link #why} says of a file system mounted read-only (EROFS: a write-protected
     * card, a read-only mount or container volume), which no change of permissions mends.
     */
    public static final String READ_ONLY_DISK = "the disk or folder is read-only";

    private FileErrors() {}

    /**
     * Why a file could not be made or written: e.g. "the disk is full", "permission was
     * denied" (no full stop, no class names).
     */
    public static String why(Exception e) {
        String raw = e == null ? null : e.getMessage();
        String msg = String.valueOf(raw).toLowerCase(Locale.ROOT);
        if (msg.contains("no space left") || msg.contains("disk quota")) {
            return DISK_FULL;
        }
        // EROFS: the JDK's FileSystemException (its reason) and java.io's FileNotFoundException
        // ("x.csv (Read-only file system)") carry strerror's words
        if (msg.contains("read-only file system")) {
            return READ_ONLY_DISK;
        }
        if (e instanceof AccessDeniedException || msg.contains("permission denied")
                || msg.contains("read-only") || msg.contains("operation not permitted")) {
            return "permission was denied";
        }
        if (e instanceof NoSuchFileException nsf) {
            // creating a file in a folder that exists but takes none (/proc) says the same
            Path parent = nsf.getFile() == null ? null : Path.of(nsf.getFile()).getParent();
            return parent != null && Files.isDirectory(parent)
                    ? "the system does not allow it" : "its folder does not exist";
        }
        if (msg.contains("is a directory")) {
            return "it is a folder, not a file";
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not text in UTF-8"; // the JDK says only "Input length = 1"
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof NotDirectoryException) {
            return "part of its path is a file, not a folder";
        }
        if (e instanceof FileSystemException fse) {
            // without a reason its message is only the path, which the sentence already names
            return fse.getReason() != null ? lowerFirst(fse.getReason())
                    : "the system refused it";
        }
        if (raw == null) {
            return "the system gave no reason";
        }
        return raw;
    }

    /** Like {@link #why} for a file that could not be read: "no such file" where it is not. */
    public static String whyNotRead(Exception e) {
        return e instanceof NoSuchFileException ? "no such file" : why(e);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
