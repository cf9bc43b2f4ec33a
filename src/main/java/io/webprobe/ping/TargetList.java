package io.webprobe.ping;

import io.webprobe.http.UrlSyntax;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A list of URLs as a user types it: one per line, blank lines and lines starting with '#'
 * ignored, a '#' after a space starting a comment at the end of a line (a URL has no spaces),
 * surrounding spaces and a byte-order mark at the start of the text or of a line (files joined
 * into one) trimmed. Bad lines are reported with their
 * line number and the reason, and skipped; a URL listed twice is pinged once, and counted in
 * {@link #duplicates()}. Immutable.
 *
 * @param urls the valid URLs, in order, without duplicates
 * @param problems the lines that are not URLs
 * @param duplicates lines that repeated a URL listed before them (left out)
 * @param requestTargets the path and query to send for URLs typed with a stray "%"
 *     ({@link PingPlan#requestTargets()}), as the first line with that URL wrote them
 */
public record TargetList(List<URI> urls, List<Problem> problems, int duplicates,
        Map<URI, String> requestTargets) {
    private static final java.util.regex.Pattern WHITESPACE =
            java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern TRAILING_COMMENT =
            java.util.regex.Pattern.compile("\\s+#.*$");

    /** A line that could not be used. */
    public record Problem(int line, String text, String reason) {
        @Override
        public String toString() {
            return "line " + line + ": " + reason;
        }
    }

    /** Why a line with bytes that are not UTF-8 is skipped. */
    public static final String NOT_UTF8 = "This line is not UTF-8 text (the file may be saved "
            + "in another encoding, such as Latin-1); save it as UTF-8.";

    public TargetList {
        urls = List.copyOf(urls);
        problems = List.copyOf(problems);
        requestTargets = Map.copyOf(requestTargets);
    }

    /**
     * The URLs of a file's bytes, read as UTF-8: a line with bytes that are not UTF-8 is a bad
     * line like any other (named and skipped, never pinged as the URL its replacement characters
     * would make), not a reason to refuse the whole file. The CLI's {@code --file} (a file or
     * standard input) reads through here; the Ping tab's Load decodes the same way.
     */
    public static TargetList parse(byte[] utf8) {
        return parse(text(utf8));
    }

    /**
     * A list file's text, without its byte-order mark: UTF-8, or UTF-16 when the file starts
     * with its mark, as Windows PowerShell's {@code > urls.txt} and Notepad's "Unicode" save
     * one (read as UTF-8, its NUL bytes made it no text at all). The CLI's {@code --file}, the
     * Ping tab's Load and the crawl's list Load read files through here.
     */
    public static String text(byte[] bytes) {
        java.nio.charset.Charset utf16 = bytes.length < 2 ? null
                : bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                        ? java.nio.charset.StandardCharsets.UTF_16LE
                : bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                        ? java.nio.charset.StandardCharsets.UTF_16BE
                : null;
        String text = new String(bytes,
                utf16 != null ? utf16 : java.nio.charset.StandardCharsets.UTF_8);
        // the mark is no part of the text (a list loaded into the app's box shows none)
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * Whether a file's bytes are not a text at all (a program, an image), so it is refused as a
     * whole rather than line by line: they hold a NUL, which no text list of URLs does,
     * and give no URL. The CLI's {@code --file} refuses such a file and the Ping tab's Load
     * keeps its list, both in one sentence.
     *
     * @param list what {@link #parse} made of the bytes
     */
    public static boolean notText(byte[] bytes, TargetList list) {
        // a NUL character of the text, not a NUL byte: UTF-16 text has a NUL in every
        // ASCII character
        return list.urls().isEmpty() && text(bytes).indexOf('\0') >= 0;
    }

    public static TargetList parse(String text) {
        Set<URI> urls = new LinkedHashSet<>();
        // a URL and the same with a #fragment are one request (the fragment is never sent):
        // the first as written is kept
        Set<URI> sent = new java.util.HashSet<>();
        Map<URI, String> requestTargets = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        int duplicates = 0;
        String[] lines = lines(text);
        for (int i = 0; i < lines.length; i++) {
            String line = content(lines[i]);
            if (line.isEmpty()) {
                continue;
            }
            if (line.indexOf('\uFFFD') >= 0) {
                // bytes that were not UTF-8, read as U+FFFD: as a URL it would be another one
                // (.../caf%EF%BF%BD for a Latin-1 .../café), pinged in its place
                problems.add(new Problem(i + 1, line, NOT_UTF8));
                continue;
            }
            int addresses = addresses(line);
            if (addresses > 1) {
                // pasted from one line of a mail or a sheet: one URL with "%20http://" in its
                // path, which got a 404 from the first server in place of the others
                problems.add(new Problem(i + 1, line, "This line holds " + addresses
                        + " addresses; put each URL on a line of its own."));
                continue;
            }
            try {
                URI u = UrlSyntax.parseUserUrl(line);
                if (!sent.add(io.webprobe.http.Urls.withoutFragment(u)) || !urls.add(u)) {
                    duplicates++;
                } else if (UrlSyntax.requestTarget(line) instanceof String target) {
                    requestTargets.put(u, target);
                }
            } catch (UrlSyntax.InvalidUrlException e) {
                problems.add(new Problem(i + 1, line, e.getMessage()));
            }
        }
        return new TargetList(new ArrayList<>(urls), problems, duplicates, requestTargets);
    }

    /**
     * The words of a line that start as a web address does ({@code http://}, {@code
     * https://}), the words split at whitespace, which no URL holds as typed; a list's line
     * or a command line's argument with more than one is several URLs.
     */
    public static int addresses(String line) {
        int n = 0;
        for (String word : WHITESPACE.split(line)) {
            if (word.regionMatches(true, 0, "http://", 0, 7)
                    || word.regionMatches(true, 0, "https://", 0, 8)) {
                n++;
            }
        }
        return n;
    }

    /** A list's text cut after its {@code max}th URL line, and how many URL lines it had. */
    public record Cut(String text, int urlLines) {}

    /**
     * The lines of a list up to its {@code max}th URL line (blank and comment lines count as
     * {@link #parse} counts them: not at all), and how many URL lines the whole list has.
     */
    public static Cut firstUrlLines(String text, int max) {
        String[] lines = lines(text);
        int urls = 0;
        int keep = lines.length;
        for (int i = 0; i < lines.length; i++) {
            if (!content(lines[i]).isEmpty() && ++urls == max) {
                keep = i + 1;
            }
        }
        return new Cut(urls > max ? String.join("\n", java.util.Arrays.copyOf(lines, keep))
                : text, urls);
    }

    private static String[] lines(String text) {
        return (text.startsWith("\uFEFF") ? text.substring(1) : text).split("\\R", -1);
    }

    /**
     * A line without its whitespace and trailing comment; "" for a blank or comment line. A
     * byte-order mark at its start is dropped too: files joined into one list (cat a.txt b.txt)
     * keep each file's mark at the start of its first line, where it is no part of a URL.
     */
    private static String content(String raw) {
        String line = raw.strip();
        while (line.startsWith("\uFEFF")) {
            line = line.substring(1).strip();
        }
        line = TRAILING_COMMENT.matcher(line).replaceFirst("");
        return line.startsWith("#") ? "" : line;
    }
}
