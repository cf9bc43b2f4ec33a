package io.webprobe.ui.common;

import java.nio.file.Path;

/** How exports name their files: the one the user chose, and companions beside it. */
public final class ExportPaths {
    private ExportPaths() {}

    /**
     * The name a save dialog suggests for an export of the crawl in {@code crawlFile}: its own
     * name (host and time) with {@code suffix} and ".csv", e.g.
     * "127.0.0.1_8080-2026-12-07-044208-view.csv"; "crawl.csv" then was every crawl's name, so
     * a second crawl's export into the same folder replaced the first's.
     */
    public static String suggestedName(Path crawlFile, String suffix) {
        String name = crawlFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + suffix + ".csv";
    }

    /** Adds ".csv" when the chosen name has no extension. */
    public static Path withCsvExtension(Path p) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + ".csv");
    }

    /** A companion file: "crawl.csv" with "-broken-links" gives "crawl-broken-links.csv". */
    public static Path companion(Path file, String suffix) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : ".csv";
        return file.resolveSibling(stem + suffix + ext);
    }
}
