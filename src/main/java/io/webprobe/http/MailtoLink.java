package io.webprobe.http;

import java.util.Locale;

/**
 * The addresses of a {@code mailto:} link, checked for their form as LinkChecker checks them,
 * without asking the network: the addresses before the {@code ?} (RFC 6068: separated by
 * commas, percent-encoded where needed; semicolons too, as Outlook writes them and as
 * LinkChecker reads them: no address holds one outside quotes) and those of its {@code to},
 * {@code cc} and {@code bcc} fields, each an RFC 5322 addr-spec: a name of letters, digits
 * and {@code !#$%&'*+-/=?^_`{|}~} in dot-separated words, or in quotes, then {@code @}, then
 * a host name (an international one too) or an IP address in brackets ({@code [127.0.0.1]}, {@code
 * [IPv6:::1]}). Lenient where mail programs are: spaces around an address, a name with the
 * address in angle brackets ({@code Jane <jane@example.com>}), letters outside ASCII in the
 * name (RFC 6532), no address at all ({@code mailto:?subject=x}, a blank message). No
 * obsolete forms, comments or address lengths; a domain is never looked up.
 *
 * <p>Stateless and thread-safe.
 */
public final class MailtoLink {
    /** The start of every reason. */
    public static final String MALFORMED = "Malformed email address: ";

    private static final String UNCLOSED_QUOTE = "an unclosed quote in ";

    private MailtoLink() {}

    /**
     * What is wrong with the first malformed address of a {@code mailto:} href, as a sentence
     * ("Malformed email address: no @ in info.example.com"), or null when every address is
     * well formed.
     *
     * @param href a URL of the mailto scheme, as written
     */
    public static String problem(String href) {
        String s = WebUrlParser.clean(href);
        int end = s.indexOf('#');
        end = end < 0 ? s.length() : end;
        int from = s.indexOf(':') + 1;
        int query = s.indexOf('?', from);
        query = query < 0 || query > end ? end : query;
        String fault = addresses(s, from, query);
        if (fault != null && fault.startsWith(UNCLOSED_QUOTE) && query < end) {
            // mailto:"a?b"@example.com: the query starts at the ?, inside the quotes
            fault += " (a ? inside an address is written %3F)";
        }
        for (int i = query + 1; fault == null && i < end; ) {
            int amp = indexOf(s, '&', i, end);
            int eq = indexOf(s, '=', i, amp); // within the field: one pass over the href
            if (eq < amp) {
                String field = PercentEncoding.decodeToString(s, i, eq).toLowerCase(Locale.ROOT);
                if (field.equals("to") || field.equals("cc") || field.equals("bcc")) {
                    fault = addresses(s, eq + 1, amp);
                }
            }
            i = amp + 1;
        }
        return fault == null ? null : MALFORMED + fault;
    }

    /** Where {@code c} first stands in {@code s[from, to)}, or {@code to}. */
    private static int indexOf(String s, char c, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) != c) {
            i++;
        }
        return i;
    }

    /**
     * The fault of the first malformed address of a list separated by commas or semicolons, or
     * null.
     */
    private static String addresses(String s, int from, int to) {
        if (from >= to) {
            return null;
        }
        String list = PercentEncoding.decodeToString(s, from, to);
        if (list.indexOf('\uFFFD') >= 0 && s.indexOf('\uFFFD', from) < 0) {
            // %FF, %C3%28: bytes no UTF-8 text has, shown as written, not as "\uFFFD("
            return "an escape that is no UTF-8 character in " + shown(s.substring(from, to));
        }
        boolean quoted = false;
        boolean angle = false;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<' || c == '>') {
                angle = c == '<';
            } else if ((c == ',' || c == ';') && !angle) {
                String fault = mailbox(list.substring(start, i));
                if (fault != null) {
                    return fault;
                }
                start = i + 1;
            }
        }
        return mailbox(list.substring(start));
    }

    /** An address, or a name and an address in angle brackets; "" (a stray comma) is none. */
    private static String mailbox(String written) {
        String item = written.strip();
        if (item.isEmpty()) {
            return null;
        }
        int open = item.lastIndexOf('<');
        if (open >= 0 && item.endsWith(">")) {
            return addrSpec(item.substring(open + 1, item.length() - 1).strip(), shown(item));
        }
        return addrSpec(item, shown(item));
    }

    /** The longest address a reason names whole; a longer one is cut, with "…". */
    static final int SHOWN_LENGTH = 80;

    /**
     * An address as a reason names it: whole up to {@link #SHOWN_LENGTH} characters, else its
     * start and "…" (a 200,000-character href made a reason as long, in the crawl file, the
     * command line's line and the window's tooltip).
     */
    private static String shown(String address) {
        if (address.length() <= SHOWN_LENGTH) {
            return address;
        }
        int cut = SHOWN_LENGTH - 1;
        if (Character.isHighSurrogate(address.charAt(cut - 1))) {
            cut--;
        }
        return address.substring(0, cut) + "…";
    }

    /** The fault of an addr-spec, or null; {@code shown} is the address as the reason names it. */
    private static String addrSpec(String a, String shown) {
        int at;
        if (a.startsWith("\"")) {
            at = quotedEnd(a);
            if (at < 0) {
                return UNCLOSED_QUOTE + shown;
            }
            if (at < a.length() && a.charAt(at) != '@') {
                return "text between the closing quote and the @ in " + shown;
            }
            if (at >= a.length()) {
                return "no @ in " + shown;
            }
            for (int i = 1; i < at - 1; i++) {
                char c = a.charAt(i);
                if (c < ' ' || c == 0x7F) {
                    return "a control character before the @ in " + shown;
                }
            }
        } else {
            at = a.indexOf('@');
            if (at < 0) {
                return "no @ in " + shown;
            }
            String fault = dotAtom(a, at, shown);
            if (fault != null) {
                return fault;
            }
        }
        if (a.indexOf('@', at + 1) >= 0) {
            return "more than one @ in " + shown;
        }
        String domain = a.substring(at + 1);
        if (domain.isEmpty()) {
            return "nothing after the @ in " + shown;
        }
        return domain.startsWith("[") ? addressLiteral(domain, shown) : hostName(domain, shown);
    }

    /** Where a quoted name ends: the index after its closing quote, or -1 when unclosed. */
    private static int quotedEnd(String a) {
        for (int i = 1; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The fault of the name {@code a[0, at)} written as dot-separated words, or null. */
    private static String dotAtom(String a, int at, String shown) {
        if (at == 0) {
            return "nothing before the @ in " + shown;
        }
        if (a.charAt(0) == '.') {
            return "a dot at the start of " + shown;
        }
        if (a.charAt(at - 1) == '.') {
            return "a dot just before the @ in " + shown;
        }
        for (int i = 0; i < at; i++) {
            char c = a.charAt(i);
            if (c == '.' && a.charAt(i + 1) == '.') {
                return "two dots in a row in " + shown;
            }
            if (c != '.' && !isAtext(c)) {
                return WebUrlException.describe(c) + " before the @ in " + shown;
            }
        }
        return null;
    }

    /** RFC 5322 atext, and any letter beyond ASCII (RFC 6532). */
    private static boolean isAtext(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0
                || c >= 0x80 && c != 0xA0 && c != 0x3000 && !Character.isISOControl(c);
    }

    /** {@code [127.0.0.1]} or {@code [IPv6:::1]} (RFC 5321 address literals). */
    private static String addressLiteral(String domain, String shown) {
        int close = domain.length() - 1;
        boolean ok;
        if (domain.charAt(close) != ']') {
            ok = false;
        } else if (domain.regionMatches(true, 1, "IPv6:", 0, 5)) {
            ok = IpAddresses.parseIpv6(domain, 6, close) != null;
        } else {
            ok = isDottedQuad(domain, 1, close);
        }
        return ok ? null : "the domain of " + shown + " is not a valid IP address";
    }

    /** Four decimal numbers of 0 to 255 separated by dots. */
    private static boolean isDottedQuad(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + s.charAt(i) - '0';
                i++;
            }
            if (i == start || value > 255 || ++parts > 4) {
                return false;
            }
            if (i == to) {
                return parts == 4;
            }
            if (s.charAt(i) != '.') {
                return false;
            }
            i++;
        }
        return false;
    }

    /**
     * A host name: labels of letters, digits and hyphens, neither starting nor ending with a
     * hyphen, 1 to 63 of them each, 253 in all, after an international name is converted as
     * a browser converts it ({@code bücher.example} is {@code xn--bcher-kva.example}).
     */
    private static String hostName(String domain, String shown) {
        StringBuilder ascii = new StringBuilder(domain.length());
        try {
            HostParser.parse(domain, 0, domain.length(), ascii);
        } catch (WebUrlException e) {
            ascii.setLength(0);
        }
        int n = ascii.length();
        boolean ok = n > 0 && n <= 253;
        for (int label = 0, i = 0; ok && i <= n; i++) {
            char c = i < n ? ascii.charAt(i) : '.';
            if (c == '.') {
                ok = i > label && i - label <= 63 && ascii.charAt(label) != '-'
                        && ascii.charAt(i - 1) != '-';
                label = i + 1;
            } else {
                ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
            }
        }
        return ok ? null : "the domain of " + shown + " is not a valid host name";
    }
}
