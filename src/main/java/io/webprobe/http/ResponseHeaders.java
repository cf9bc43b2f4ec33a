package io.webprobe.http;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A response's header fields, held as one text: each field a line {@code name: value\n}, the
 * form the crawl file's {@code headers} table keeps ({@link #text()}), with where each line
 * starts. A read-only list of {@link Header}s, each made when it is read; {@link #first} and
 * {@link #all} read fields by name without making any. A head of 30,000 tiny fields (within
 * {@link Http1ResponseParser#MAX_HEAD}) is ~0.3 MB here, against ~3.4 MB as a {@link Header}
 * and two strings per field (docs/benchmarks.md): what a response, a crawl's visit and the
 * store's queue hold grows with the head's bytes, never with its count of fields.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResponseHeaders extends AbstractList<Header> implements RandomAccess {
    /** No fields. */
    public static final ResponseHeaders NONE = new ResponseHeaders("", new int[] {0});

    private final String text;
    /** Where each field's line starts in {@link #text}; the last entry is its length. */
    private final int[] starts;

    private ResponseHeaders(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    /** These fields in the compact form (the same object when they are in it already). */
    public static ResponseHeaders of(List<Header> headers) {
        if (headers == null || headers.isEmpty()) {
            return NONE;
        }
        if (headers instanceof ResponseHeaders r) {
            return r;
        }
        StringBuilder sb = new StringBuilder(headers.size() * 32);
        int[] starts = new int[headers.size() + 1];
        int i = 0;
        for (Header h : headers) {
            starts[i++] = sb.length();
            sb.append(h.name()).append(": ").append(h.value()).append('\n');
        }
        starts[i] = sb.length();
        return new ResponseHeaders(sb.toString(), starts);
    }

    /** Every field, a line {@code name: value\n} each, as the crawl file keeps them. */
    public String text() {
        return text;
    }

    /**
     * About how many bytes of heap these fields hold: the text (one byte a char when every
     * char is Latin-1, as a head's bytes read one char each are) and four bytes a field.
     */
    public long heldBytes() {
        return text.length() + 4L * starts.length;
    }

    @Override
    public int size() {
        return starts.length - 1;
    }

    @Override
    public Header get(int index) {
        Objects.checkIndex(index, size());
        int from = starts[index];
        int colon = text.indexOf(':', from); // a name holds none (a token)
        return new Header(text.substring(from, colon),
                text.substring(colon + 2, starts[index + 1] - 1));
    }

    /** The first value of the field of this name (any case) as received, or "" when absent. */
    public String first(String name) {
        for (int i = 0; i < size(); i++) {
            if (named(i, name)) {
                return value(i, name);
            }
        }
        return "";
    }

    /** Every value of the field of this name (any case) as received, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>(1);
        for (int i = 0; i < size(); i++) {
            if (named(i, name)) {
                values.add(value(i, name));
            }
        }
        return values;
    }

    private boolean named(int i, String name) {
        int from = starts[i];
        return starts[i + 1] - from >= name.length() + 3 // name, ": ", value, LF
                && text.charAt(from + name.length()) == ':'
                && text.regionMatches(true, from, name, 0, name.length());
    }

    private String value(int i, String name) {
        return text.substring(starts[i] + name.length() + 2, starts[i + 1] - 1);
    }

    /**
     * Collects the fields of one head from its bytes, as {@link Http1ResponseParser} reads
     * them: names in lower case, each byte one char. Not thread-safe; reused head after head.
     */
    static final class Builder {
        /** A buffer grown beyond this for one large head is let go when it is built. */
        private static final int KEPT = 16 * 1024;

        private byte[] bytes = new byte[1024];
        private int length;
        private int[] starts = new int[32];
        private int count;

        /**
         * Adds the field {@code b[nameFrom..nameTo)}: {@code b[valueFrom..valueTo)}, unless its
         * name holds a character HTTP does not allow in one or its value a CR (as a
         * {@link Header} refuses them: nothing a browser reads either).
         *
         * @return whether it was added
         */
        boolean add(byte[] b, int nameFrom, int nameTo, int valueFrom, int valueTo) {
            if (nameFrom == nameTo) {
                return false;
            }
            for (int i = nameFrom; i < nameTo; i++) {
                if (!Header.isTokenChar(b[i])) {
                    return false;
                }
            }
            if (!plainValue(b, valueFrom, valueTo)) {
                return false;
            }
            int need = length + (nameTo - nameFrom) + 2 + (valueTo - valueFrom) + 1;
            if (need > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
            }
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = length;
            for (int i = nameFrom; i < nameTo; i++) {
                byte c = b[i];
                bytes[length++] = c >= 'A' && c <= 'Z' ? (byte) (c + 32) : c;
            }
            bytes[length++] = ':';
            bytes[length++] = ' ';
            System.arraycopy(b, valueFrom, bytes, length, valueTo - valueFrom);
            length += valueTo - valueFrom;
            bytes[length++] = '\n';
            return true;
        }

        /** Whether a value holds no CR or LF. */
        private static boolean plainValue(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] == '\r' || b[i] == '\n') {
                    return false;
                }
            }
            return true;
        }

        /**
         * Continues the last field's value with a space and {@code b[from..to)}: the rest of
         * it, folded onto a line of its own (obs-fold). Nothing when that holds a CR or LF.
         */
        void continueLast(byte[] b, int from, int to) {
            if (count == 0 || from == to || !plainValue(b, from, to)) {
                return;
            }
            int need = length + 1 + (to - from);
            if (need > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(need, bytes.length * 2));
            }
            length--; // the last field's '\n', written again after the rest
            bytes[length++] = ' ';
            System.arraycopy(b, from, bytes, length, to - from);
            length += to - from;
            bytes[length++] = '\n';
        }

        boolean isEmpty() {
            return count == 0;
        }

        /** Forgets the fields collected (an interim response's, or the last head's). */
        void clear() {
            length = 0;
            count = 0;
        }

        /** The fields collected so far, then cleared. */
        ResponseHeaders build() {
            if (count == 0) {
                return NONE;
            }
            int[] s = Arrays.copyOf(starts, count + 1);
            s[count] = length;
            ResponseHeaders built = new ResponseHeaders(
                    new String(bytes, 0, length, StandardCharsets.ISO_8859_1), s);
            if (bytes.length > KEPT) { // one response's large head is not held for the next
                bytes = new byte[1024];
                starts = new int[32];
            }
            clear();
            return built;
        }
    }
}
