package io.webprobe.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code Link} response header (RFC 8288 3): comma-separated link values such as
 * {@code </canon>; rel="canonical", <https://x/p.pdf>; rel=alternate; type="application/pdf"}.
 * The target between {@code <} and {@code >} may hold commas and semicolons; parameter names
 * are case-insensitive, values are tokens or quoted strings ({@code \} escaping the next
 * character), and only the first {@code rel} of a link counts (RFC 8288 3.3). A link value that
 * cannot be read is skipped up to the next comma, as browsers do, without losing the links
 * after it. The targets are given as written: the caller resolves them against the URL that
 * answered. Stateless.
 */
public final class LinkHeader {
    /** Between the relations of one rel parameter ("canonical alternate"). */
    private static final java.util.regex.Pattern REL_SEPARATOR =
            java.util.regex.Pattern.compile("[ \t]+");


    /**
     * One link value.
     *
     * @param target the URI reference between the angle brackets, as written (spaces around it
     *     removed)
     * @param rels its relation types, lower case, in order; empty without a {@code rel}
     * @param anchor its {@code anchor} parameter (a context other than the response's own
     *     URL), or null
     */
    public record Link(String target, List<String> rels, String anchor) {
        public Link {
            rels = List.copyOf(rels);
        }

        /** Whether one of its relation types is {@code rel} (any case). */
        public boolean hasRel(String rel) {
            return rels.contains(rel.toLowerCase(Locale.ROOT));
        }
    }

    private LinkHeader() {}

    /** The links of one header field value, in order; none for null or "". */
    public static List<Link> parse(String value) {
        List<Link> links = new ArrayList<>();
        if (value == null) {
            return links;
        }
        Scanner s = new Scanner(value);
        while (true) {
            s.skipSpaceAndCommas();
            if (s.atEnd()) {
                return links;
            }
            Link link = s.linkValue();
            if (link != null) {
                links.add(link);
            } else {
                s.skipToComma();
            }
        }
    }

    /**
     * The target of the first link with relation type {@code rel} about the response itself (no
     * {@code anchor} naming another context) in these header fields, or null.
     *
     * @param fieldValues the values of every {@code Link} field of the response, in order
     */
    public static String target(List<String> fieldValues, String rel) {
        for (String value : fieldValues) {
            for (Link link : parse(value)) {
                if (link.hasRel(rel) && (link.anchor() == null || link.anchor().isEmpty())) {
                    return link.target();
                }
            }
        }
        return null;
    }

    /** Reads one field value from left to right. */
    private static final class Scanner {
        private final String v;
        private int i;

        Scanner(String v) {
            this.v = v;
        }

        boolean atEnd() {
            return i >= v.length();
        }

        void skipSpace() {
            while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t')) {
                i++;
            }
        }

        void skipSpaceAndCommas() {
            while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\t'
                    || v.charAt(i) == ',')) {
                i++;
            }
        }

        /** Past the next comma outside a quoted string or angle brackets (or to the end). */
        void skipToComma() {
            while (i < v.length()) {
                char c = v.charAt(i);
                if (c == ',') {
                    i++;
                    return;
                }
                if (c == '"') {
                    quoted();
                } else if (c == '<') {
                    int end = v.indexOf('>', i);
                    i = end < 0 ? v.length() : end + 1;
                } else {
                    i++;
                }
            }
        }

        /** {@code <target> *(; param)}, ending before a comma or at the end; null if not one. */
        Link linkValue() {
            if (v.charAt(i) != '<') {
                return null;
            }
            int end = v.indexOf('>', i + 1);
            if (end < 0) {
                i = v.length();
                return null;
            }
            String target = v.substring(i + 1, end).strip();
            i = end + 1;
            List<String> rels = null;
            String anchor = null;
            while (true) {
                skipSpace();
                if (atEnd() || v.charAt(i) == ',') {
                    return new Link(target, rels == null ? List.of() : rels, anchor);
                }
                if (v.charAt(i) != ';') {
                    return null; // not a parameter: the value is broken
                }
                i++;
                skipSpace();
                String name = token().toLowerCase(Locale.ROOT);
                skipSpace();
                String value = "";
                if (!atEnd() && v.charAt(i) == '=') {
                    i++;
                    skipSpace();
                    value = !atEnd() && v.charAt(i) == '"' ? quoted() : token();
                }
                if (name.equals("rel") && rels == null) {
                    rels = Arrays.stream(REL_SEPARATOR.split(value.toLowerCase(Locale.ROOT)))
                            .filter(r -> !r.isEmpty()).toList();
                } else if (name.equals("anchor") && anchor == null) {
                    anchor = value;
                }
            }
        }

        /** Characters up to a separator of parameters or links. */
        private String token() {
            int start = i;
            while (i < v.length() && "=;, \t\"".indexOf(v.charAt(i)) < 0) {
                i++;
            }
            return v.substring(start, i);
        }

        /** A quoted string from its opening quote, unescaped; an unclosed one runs to the end. */
        private String quoted() {
            StringBuilder sb = new StringBuilder();
            i++; // the opening quote
            while (i < v.length()) {
                char c = v.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\' && i < v.length()) {
                    c = v.charAt(i++);
                }
                sb.append(c);
            }
            return sb.toString();
        }
    }
}
