package io.webprobe.http;

import io.webprobe.http.WebUrlException.Problem;
import java.net.IDN;

/**
 * The host parser of the WHATWG URL Standard (section 3.5) for special schemes, writing the
 * serialised host (section 3.6): {@code [IPv6]}, a dotted IPv4 address, or a lower-case ASCII
 * domain. A domain is percent-decoded, then converted with "domain to ASCII" (section 3.5).
 *
 * <p>Domain to ASCII: an ASCII domain is lower-cased, as the standard's fast path does. A
 * label with other characters goes through {@link IDN#toASCII} (IDNA2003: nameprep on Unicode
 * 3.2, then Punycode) instead of UTS #46 (non-transitional, Unicode 15). They agree on what
 * pages use (case folding, full-width forms, the ideographic full stop, ignorable code points,
 * Punycode). The deviation characters ß and ς are kept as browsers keep them ("faß.de" is
 * "xn--fa-hia.de", where IDNA2003 gives "fass.de"). Differences left: ZWJ and ZWNJ are
 * removed (UTS #46 keeps them where CheckJoiners allows, and refuses the label elsewhere);
 * characters assigned after Unicode 3.2 pass through unmapped (capital ẞ is not made "ss");
 * IDN refuses labels over 63 characters after conversion where browsers do not check lengths;
 * ASCII "xn--" labels are checked only by decoding them with {@link IDN#toUnicode}, not
 * revalidated. None of the web-platform-tests URL cases with an http(s) URL depends on
 * these.
 *
 * <p>Stateless and thread-safe.
 */
final class HostParser {
    /** Code points nameprep maps to nothing (RFC 3454 table B.1), which leave a label empty. */
    private static final String MAPPED_TO_NOTHING = "\u00AD\u034F\u1806\u180B\u180C\u180D"
            + "\u200B\u200C\u200D\u2060\uFE00\uFE01\uFE02\uFE03\uFE04\uFE05\uFE06\uFE07\uFE08"
            + "\uFE09\uFE0A\uFE0B\uFE0C\uFE0D\uFE0E\uFE0F\uFEFF";

    private static final char SHARP_S = '\u00DF';
    private static final char FINAL_SIGMA = '\u03C2';
    /** Unassigned in Unicode 3.2 (and still in Unicode 15): nameprep leaves them alone. */
    private static final char SHARP_S_STAND_IN = '\u2FE0';
    private static final char FINAL_SIGMA_STAND_IN = '\u2FE1';

    private HostParser() {}

    /**
     * Parses the host {@code s[from, to)} (not empty) and appends its serialisation to
     * {@code out}.
     *
     * @throws WebUrlException with the problem found
     */
    static void parse(String s, int from, int to, StringBuilder out) throws WebUrlException {
        if (s.charAt(from) == '[') {
            if (s.charAt(to - 1) != ']' || to - from < 2) {
                throw failure(Problem.INVALID_IPV6, s, from, to);
            }
            int[] address = IpAddresses.parseIpv6(s, from + 1, to - 1);
            if (address == null) {
                throw failure(Problem.INVALID_IPV6, s, from, to);
            }
            IpAddresses.appendIpv6(out, address);
            return;
        }
        int start = out.length();
        if (isPlainAscii(s, from, to)) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
        } else {
            int percent = s.indexOf('%', from);
            String domain = percent >= 0 && percent < to
                    ? PercentEncoding.decodeToString(s, from, to)
                    : s.substring(from, to);
            appendAscii(domain, s.substring(from, to), out);
        }
        int end = out.length();
        if (end == start) {
            throw failure(Problem.INVALID_DOMAIN, s, from, to);
        }
        for (int i = start; i < end; i++) {
            if (isForbiddenInDomain(out.charAt(i))) {
                throw new WebUrlException(Problem.FORBIDDEN_HOST_CHARACTER,
                        s.substring(from, to), out.charAt(i));
            }
        }
        if (IpAddresses.endsInNumber(out, start, end)) {
            long address = IpAddresses.parseIpv4(out, start, end);
            if (address == IpAddresses.FAILURE) {
                throw failure(Problem.INVALID_IPV4, s, from, to);
            }
            out.setLength(start);
            IpAddresses.appendIpv4(out, address);
        }
    }

    private static WebUrlException failure(Problem problem, String s, int from, int to) {
        return new WebUrlException(problem, s.substring(from, to));
    }

    /** ASCII, no escape, and no label starting "xn--": the standard's fast path applies. */
    private static boolean isPlainAscii(String s, int from, int to) {
        boolean labelStart = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '%') {
                return false;
            }
            if (labelStart && (c | 0x20) == 'x' && i + 3 < to && (s.charAt(i + 1) | 0x20) == 'n'
                    && s.charAt(i + 2) == '-' && s.charAt(i + 3) == '-') {
                return false;
            }
            labelStart = c == '.';
        }
        return true;
    }

    /** Domain to ASCII, label by label, appended to {@code out} lower case. */
    private static void appendAscii(String domain, String asWritten, StringBuilder out)
            throws WebUrlException {
        int labelStart = 0;
        for (int i = 0; i <= domain.length(); i++) {
            if (i < domain.length() && !isLabelSeparator(domain.charAt(i))) {
                continue;
            }
            if (labelStart > 0) {
                out.append('.');
            }
            appendLabel(domain.substring(labelStart, i), asWritten, out);
            labelStart = i + 1;
        }
    }

    private static void appendLabel(String label, String asWritten, StringBuilder out)
            throws WebUrlException {
        boolean ascii = true;
        boolean ignorableOnly = true;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            ascii &= c < 0x80;
            ignorableOnly &= MAPPED_TO_NOTHING.indexOf(c) >= 0;
        }
        String result;
        if (ascii) {
            result = label;
            if (startsWithAcePrefix(label)
                    && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
                throw new WebUrlException(Problem.INVALID_DOMAIN, asWritten);
            }
        } else if (ignorableOnly) {
            result = "";
        } else {
            try {
                result = toAscii(label);
            } catch (IllegalArgumentException e) {
                throw new WebUrlException(Problem.INVALID_DOMAIN, asWritten);
            }
        }
        for (int i = 0; i < result.length(); i++) {
            char c = result.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
    }

    /**
     * IDNA2003 ToASCII, except that ß and ς are kept as UTS #46 keeps them (nameprep would
     * make "faß" into "fass"): they stand in as code points unassigned in Unicode 3.2 while
     * IDN maps the rest, and the mapped label is then encoded here.
     */
    private static String toAscii(String label) {
        if (label.indexOf(SHARP_S) < 0 && label.indexOf(FINAL_SIGMA) < 0) {
            return IDN.toASCII(label, IDN.ALLOW_UNASSIGNED);
        }
        String stand = label.replace(SHARP_S, SHARP_S_STAND_IN)
                .replace(FINAL_SIGMA, FINAL_SIGMA_STAND_IN);
        String ace = IDN.toASCII(stand, IDN.ALLOW_UNASSIGNED);
        String mapped = IDN.toUnicode(ace, IDN.ALLOW_UNASSIGNED)
                .replace(SHARP_S_STAND_IN, SHARP_S).replace(FINAL_SIGMA_STAND_IN, FINAL_SIGMA);
        return Punycode.toAce(mapped);
    }

    private static boolean startsWithAcePrefix(String label) {
        return label.length() >= 4 && label.regionMatches(true, 0, "xn--", 0, 4);
    }

    /** The full stops IDNA treats as label separators. */
    private static boolean isLabelSeparator(char c) {
        return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
    }

    /** Forbidden domain code points (section 3.1), which includes every non-ASCII one here. */
    private static boolean isForbiddenInDomain(char c) {
        return switch (c) {
            case '#', '%', '/', ':', '<', '>', '?', '@', '[', '\\', ']', '^', '|' -> true;
            default -> c <= 0x20 || c >= 0x7F;
        };
    }
}
