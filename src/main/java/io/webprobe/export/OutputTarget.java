package io.webprobe.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where an output file really is, and whether it can be replaced as a whole. A name that is a
 * symbolic link is followed, so the link stays and the file it names is replaced. A name that
 * is, or leads to, something other than a plain file ({@code /dev/null}, a named pipe, a
 * terminal, {@code /dev/stdout}) is written into as it is, as {@code curl -o} does: replacing it
 * would put a plain file where a device was.
 *
 * @param file the file to write (links followed), absolute
 * @param inPlace whether to write into it directly instead of replacing it
 */
record OutputTarget(Path file, boolean inPlace) {
    /** Links followed at most (the system's own limit is 40). */
    private static final int MAX_LINKS = 40;
    private static final Path PROC = Path.of("/proc");

    static OutputTarget of(Path target) {
        Path p = target.toAbsolutePath().normalize();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(p); i++) {
            if (p.startsWith(PROC)) {
                // /dev/stdout leads to /proc/self/fd/1, whose "link" names a pipe or a terminal
                return new OutputTarget(p, true);
            }
            try {
                Path parent = p.getParent();
                Path next = Files.readSymbolicLink(p);
                p = (parent == null ? next : parent.resolve(next)).normalize();
            } catch (IOException | UnsupportedOperationException e) {
                break; // an unreadable link: written through as it is
            }
        }
        boolean special = p.startsWith(PROC) || Files.exists(p)
                && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(p) && !Files.isSymbolicLink(p);
        return new OutputTarget(p, special);
    }

    /**
     * Whether this is one of the system's own files under /proc ({@code /proc/version},
     * {@code /proc/sys/...}) rather than a process's open file ({@code /proc/self/fd/1}, where
     * {@code /dev/stdout} leads): no place for output. Such a file passes the check of write
     * access when run as root and fails at the first write, after the work.
     */
    boolean systemFile() {
        return file.startsWith(PROC) && !(file.getNameCount() == 4
                && file.getName(2).toString().equals("fd"));
    }
}
