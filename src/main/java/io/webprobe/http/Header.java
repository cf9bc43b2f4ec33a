package io.webprobe.http;

import java.util.Locale;
import java.util.Objects;

/**
 * One request header. Immutable.
 *
 * @param name the field name (token characters only)
 * @param value the field value (no CR or LF)
 */
public record Header(String name, String value) {
    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty() || !name.chars().allMatch(Header::isTokenChar)) {
            throw new IllegalArgumentException("'" + UrlSyntax.shortened(name)
                    + "' is not a valid header name");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Header " + name + " has a line break in its value");
        }
    }

    /**
     * Parses "Name: value" as typed on a command line.
     *
     * @throws IllegalArgumentException with a plain message when malformed
     */
    public static Header parse(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(
                    "'" + UrlSyntax.shortened(line) + "' is not a header; write it as "
                            + "'Name: value'");
        }
        return new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }

    /** True when the name matches, ignoring case (RFC 9110 5.1). */
    public boolean is(String other) {
        return name.toLowerCase(Locale.ROOT).equals(other.toLowerCase(Locale.ROOT));
    }

    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
