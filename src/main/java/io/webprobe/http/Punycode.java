package io.webprobe.http;

/**
 * The Punycode encoder of RFC 3492 (section 6.3), for the labels {@link HostParser} must
 * encode itself because {@link java.net.IDN} would map some of their characters away, and its
 * decoder (section 6.2), for showing a host to people ({@link IdnDisplay}).
 * Stateless and thread-safe.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;

    private Punycode() {}

    /** The ASCII-compatible form of a label, with its "xn--" prefix. */
    static String toAce(String label) {
        int[] cps = label.codePoints().toArray();
        StringBuilder out = new StringBuilder("xn--");
        for (int cp : cps) {
            if (cp < 0x80) {
                out.append((char) cp);
            }
        }
        int basic = out.length() - 4;
        int handled = basic;
        if (basic > 0) {
            out.append('-');
        }
        int n = 0x80;
        long delta = 0;
        int bias = 72;
        while (handled < cps.length) {
            int m = Integer.MAX_VALUE;
            for (int cp : cps) {
                if (cp >= n && cp < m) {
                    m = cp;
                }
            }
            delta += (long) (m - n) * (handled + 1);
            n = m;
            for (int cp : cps) {
                if (cp < n) {
                    delta++;
                }
                if (cp == n) {
                    long q = delta;
                    for (int k = BASE; ; k += BASE) {
                        int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                        if (q < t) {
                            break;
                        }
                        out.append(digit((int) (t + (q - t) % (BASE - t))));
                        q = (q - t) / (BASE - t);
                    }
                    out.append(digit((int) q));
                    bias = adapt(delta, handled + 1, handled == basic);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return out.toString();
    }

    /**
     * The label an ASCII-compatible label ({@code xn--mller-kva}) encodes ({@code müller}), when
     * it is the one {@link #toAce} gives for it (a label encoded otherwise, or not at all, could
     * show one thing and be another) and holds a character outside ASCII; else null.
     */
    static String toUnicode(String ace) {
        if (ace.length() < 5 || !ace.regionMatches(true, 0, "xn--", 0, 4)) {
            return null;
        }
        String in = ace.substring(4).toLowerCase(java.util.Locale.ROOT);
        int delimiter = in.lastIndexOf('-');
        java.util.List<Integer> out = new java.util.ArrayList<>();
        (delimiter < 0 ? "" : in.substring(0, delimiter)).codePoints().forEach(out::add);
        long n = 0x80;
        long i = 0;
        int bias = 72;
        int at = delimiter < 0 ? 0 : delimiter + 1;
        while (at < in.length()) {
            long old = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                int d = at < in.length() ? value(in.charAt(at++)) : -1;
                if (d < 0 || i + d * w > Integer.MAX_VALUE) {
                    return null;
                }
                i += d * w;
                int t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
                if (d < t) {
                    break;
                }
                w *= BASE - t;
            }
            bias = adapt(i - old, out.size() + 1, old == 0);
            n += i / (out.size() + 1);
            i %= out.size() + 1;
            if (n > Character.MAX_CODE_POINT || n >= 0xD800 && n <= 0xDFFF) {
                return null;
            }
            out.add((int) i++, (int) n);
        }
        String label = out.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        return label.chars().allMatch(c -> c < 0x80) || !toAce(label).equals("xn--" + in)
                ? null : label;
    }

    /** A Punycode digit's value, or -1. */
    private static int value(char c) {
        return c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? c - '0' + 26 : -1;
    }

    private static int adapt(long delta, int points, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / points;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return (int) (k + ((BASE - TMIN + 1) * delta) / (delta + SKEW));
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }
}
