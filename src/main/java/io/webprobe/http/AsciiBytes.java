package io.webprobe.http;

/**
 * ASCII text found in bytes without decoding them: a response's head, a page's or a
 * sitemap's first bytes. Case as given; stateless.
 */
public final class AsciiBytes {
    private AsciiBytes() {}

    /** Whether b[at..to) begins with {@code s}. */
    public static boolean startsWith(byte[] b, int at, int to, String s) {
        if (to - at < s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The first index of b[from..to) at which {@code s} begins, or -1. */
    public static int indexOf(byte[] b, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (startsWith(b, i, to, s)) {
                return i;
            }
        }
        return -1;
    }
}
