package io.webprobe.http;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) for test data: objects become {@link LinkedHashMap},
 * arrays {@link List}, strings {@link String}, numbers {@link BigDecimal}, and true, false and
 * null themselves. Anything malformed (trailing commas, single quotes, control characters in
 * strings, text after the value) is an {@link IllegalArgumentException} naming the offset.
 */
final class Json {
    private final String s;
    private int p;

    private Json(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.p != text.length()) {
            throw json.error("text after the value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (p >= s.length()) {
            throw error("a value expected");
        }
        char c = s.charAt(p);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        p++;
        skipSpace();
        if (peek() == '}') {
            p++;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("a string key expected");
            }
            String key = string();
            skipSpace();
            expect(':');
            if (map.put(key, value()) != null) {
                throw error("duplicate key " + key);
            }
            skipSpace();
            if (peek() == ',') {
                p++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        p++;
        skipSpace();
        if (peek() == ']') {
            p++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            if (peek() == ',') {
                p++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        p++; // the opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (p >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(p++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (p >= s.length()) {
                throw error("unterminated escape");
            }
            char e = s.charAt(p++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (p + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    int cp = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(s.charAt(p++), 16);
                        if (d < 0) {
                            throw error("bad \\u escape");
                        }
                        cp = cp * 16 + d;
                    }
                    sb.append((char) cp); // surrogates pass through as written
                }
                default -> throw error("bad escape \\" + e);
            }
        }
    }

    private BigDecimal number() {
        int start = p;
        if (peek() == '-') {
            p++;
        }
        if (peek() == '0') {
            p++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("a value expected");
        }
        if (peek() == '.') {
            p++;
            if (!isDigit(peek())) {
                throw error("digits expected after the point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            p++;
            if (peek() == '+' || peek() == '-') {
                p++;
            }
            if (!isDigit(peek())) {
                throw error("digits expected in the exponent");
            }
            digits();
        }
        return new BigDecimal(s.substring(start, p));
    }

    private void digits() {
        while (isDigit(peek())) {
            p++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, p)) {
            throw error("a value expected");
        }
        p += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        p++;
    }

    private int peek() {
        return p < s.length() ? s.charAt(p) : -1;
    }

    private void skipSpace() {
        while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t'
                || s.charAt(p) == '\n' || s.charAt(p) == '\r')) {
            p++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("JSON: " + what + " at offset " + p);
    }
}
