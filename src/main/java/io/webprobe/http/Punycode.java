package io.webprobe.http;

/**
 * The Punycode encoder of RFC 3492 (section 6.3), for the labels {@link HostParser} must
 * encode itself because {@link java.net.IDN} would map some of their characters away.
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
