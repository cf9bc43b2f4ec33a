package io.webprobe.http;

/**
 * IPv4 and IPv6 host parsing and serialisation of the WHATWG URL Standard, sections 3.3
 * ("IPv4 parser", "ends in a number checker", "IPv6 parser") and 3.6 ("host serializer").
 * Accepts every form a browser does: {@code 0x7f.1}, octal {@code 0300.0250.0.1}, one number
 * for the whole address ({@code 3232235521}), {@code ::ffff:1.2.3.4}; refuses numbers out of
 * range. Works on a range of a char sequence so the URL parser needs no substring. Stateless
 * and thread-safe.
 */
final class IpAddresses {
    /** Returned by {@link #parseIpv4} for input that is not an IPv4 address. */
    static final long FAILURE = -1;
    /** Larger than any valid part: where part values stop growing (no overflow). */
    private static final long TOO_BIG = 1L << 33;

    private IpAddresses() {}

    /**
     * The "ends in a number checker": whether the last dot-separated label (a trailing dot
     * ignored) is all digits or a hexadecimal number, which makes the host an IPv4 address.
     */
    static boolean endsInNumber(CharSequence s, int from, int to) {
        int end = to;
        if (end > from && s.charAt(end - 1) == '.') {
            end--;
        }
        int start = end;
        while (start > from && s.charAt(start - 1) != '.') {
            start--;
        }
        if (start == end) {
            return false;
        }
        boolean digits = true;
        for (int i = start; i < end && digits; i++) {
            digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
        }
        if (digits) {
            return true;
        }
        if (end - start < 2 || s.charAt(start) != '0' || (s.charAt(start + 1) | 0x20) != 'x') {
            return false;
        }
        for (int i = start + 2; i < end; i++) {
            if (!PercentEncoding.isHex(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address in {@code s[from, to)} as an unsigned 32-bit value, or {@link #FAILURE}. */
    static long parseIpv4(CharSequence s, int from, int to) {
        int end = to;
        if (end > from && s.charAt(end - 1) == '.' && end - 1 > from) {
            end--; // "1.2.3.4." is 1.2.3.4
        }
        long[] numbers = new long[4];
        int count = 0;
        int partStart = from;
        for (int i = from; i <= end; i++) {
            if (i == end || s.charAt(i) == '.') {
                if (count == 4) {
                    return FAILURE;
                }
                long n = parseIpv4Number(s, partStart, i);
                if (n == FAILURE) {
                    return FAILURE;
                }
                numbers[count++] = n;
                partStart = i + 1;
            }
        }
        for (int i = 0; i < count - 1; i++) {
            if (numbers[i] > 255) {
                return FAILURE;
            }
        }
        long last = numbers[count - 1];
        if (last >= 1L << (8 * (5 - count))) {
            return FAILURE;
        }
        long address = last;
        for (int i = 0; i < count - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return address;
    }

    /** One part: decimal, "0x" hexadecimal or "0" octal; "" fails, "0x" alone is 0. */
    private static long parseIpv4Number(CharSequence s, int from, int to) {
        if (from == to) {
            return FAILURE;
        }
        int radix = 10;
        int i = from;
        if (to - from >= 2 && s.charAt(from) == '0' && (s.charAt(from + 1) | 0x20) == 'x') {
            radix = 16;
            i += 2;
        } else if (to - from >= 2 && s.charAt(from) == '0') {
            radix = 8;
            i++;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = Character.digit(s.charAt(i), radix);
            if (digit < 0 || s.charAt(i) > 'f') {
                return FAILURE; // Character.digit also takes non-ASCII digits
            }
            value = Math.min(TOO_BIG, value * radix + digit);
        }
        return value;
    }

    static void appendIpv4(StringBuilder out, long address) {
        out.append(address >>> 24).append('.').append((address >>> 16) & 0xFF).append('.')
                .append((address >>> 8) & 0xFF).append('.').append(address & 0xFF);
    }

    /** The IPv6 address in {@code s[from, to)} (without brackets) as 8 pieces, or null. */
    static int[] parseIpv6(CharSequence s, int from, int to) {
        int[] address = new int[8];
        int piece = 0;
        int compress = -1;
        int p = from;
        if (p < to && s.charAt(p) == ':') {
            if (p + 1 >= to || s.charAt(p + 1) != ':') {
                return null;
            }
            p += 2;
            piece++;
            compress = piece;
        }
        while (p < to) {
            if (piece == 8) {
                return null;
            }
            if (s.charAt(p) == ':') {
                if (compress >= 0) {
                    return null;
                }
                p++;
                piece++;
                compress = piece;
                continue;
            }
            int value = 0;
            int length = 0;
            while (length < 4 && p < to && PercentEncoding.isHex(s.charAt(p))) {
                value = value * 16 + PercentEncoding.hexValue(s.charAt(p));
                p++;
                length++;
            }
            if (p < to && s.charAt(p) == '.') {
                if (length == 0) {
                    return null;
                }
                p -= length;
                if (piece > 6) {
                    return null;
                }
                int numbersSeen = 0;
                while (p < to) {
                    int v4 = -1;
                    if (numbersSeen > 0) {
                        if (s.charAt(p) == '.' && numbersSeen < 4) {
                            p++;
                        } else {
                            return null;
                        }
                    }
                    if (p >= to || !isDigit(s.charAt(p))) {
                        return null;
                    }
                    while (p < to && isDigit(s.charAt(p))) {
                        int number = s.charAt(p) - '0';
                        if (v4 == -1) {
                            v4 = number;
                        } else if (v4 == 0) {
                            return null;
                        } else {
                            v4 = v4 * 10 + number;
                        }
                        if (v4 > 255) {
                            return null;
                        }
                        p++;
                    }
                    address[piece] = address[piece] * 0x100 + v4;
                    numbersSeen++;
                    if (numbersSeen == 2 || numbersSeen == 4) {
                        piece++;
                    }
                }
                if (numbersSeen != 4) {
                    return null;
                }
                break;
            } else if (p < to && s.charAt(p) == ':') {
                p++;
                if (p >= to) {
                    return null;
                }
            } else if (p < to) {
                return null;
            }
            address[piece] = value;
            piece++;
        }
        if (compress >= 0) {
            int swaps = piece - compress;
            piece = 7;
            while (piece != 0 && swaps > 0) {
                int t = address[piece];
                address[piece] = address[compress + swaps - 1];
                address[compress + swaps - 1] = t;
                piece--;
                swaps--;
            }
        } else if (piece != 8) {
            return null;
        }
        return address;
    }

    /** Writes "[...]": lower-case hex, the first longest run of two or more zero pieces as "::". */
    static void appendIpv6(StringBuilder out, int[] address) {
        int compress = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (address[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && address[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestLength = j - i;
                compress = i;
            }
            i = j;
        }
        out.append('[');
        boolean ignoreZero = false;
        for (int i = 0; i < 8; i++) {
            if (ignoreZero && address[i] == 0) {
                continue;
            }
            ignoreZero = false;
            if (compress == i) {
                out.append(i == 0 ? "::" : ":");
                ignoreZero = true;
                continue;
            }
            appendHex(out, address[i]);
            if (i != 7) {
                out.append(':');
            }
        }
        out.append(']');
    }

    private static void appendHex(StringBuilder out, int piece) {
        boolean started = false;
        for (int shift = 12; shift >= 0; shift -= 4) {
            int d = (piece >> shift) & 0xF;
            if (d != 0 || started || shift == 0) {
                out.append((char) (d < 10 ? '0' + d : 'a' + d - 10));
                started = true;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
