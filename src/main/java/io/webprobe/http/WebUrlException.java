package io.webprobe.http;

/**
 * Why a string is not an http or https URL: either the URL Standard's parser returns failure
 * for it, or it is a URL of another scheme ({@link Problem#NOT_HTTP}), which a crawler skips
 * rather than reports. The message is a short lower-case phrase ("the port is out of range")
 * for composing sentences; {@link #problem()} and {@link #detail()} let callers word their
 * own. Carries no stack trace: links fail often and are not bugs. Immutable.
 */
public final class WebUrlException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong. */
    public enum Problem {
        /** Another scheme (mailto:, ftp:, javascript:...); the detail is the scheme. */
        NOT_HTTP,
        /** A relative reference with no base URL to resolve it against. */
        MISSING_SCHEME,
        /** Nothing between "//" (or the user name's "@") and the path or port. */
        MISSING_HOST,
        /** The host has a character no host name may contain; see {@link #character()}. */
        FORBIDDEN_HOST_CHARACTER,
        /** The host is not a valid (internationalised) domain name. */
        INVALID_DOMAIN,
        /** The host ends in a number but is not a valid IPv4 address. */
        INVALID_IPV4,
        /** The host is in brackets but is not a valid IPv6 address. */
        INVALID_IPV6,
        /** The port has something other than digits; the detail is the port as written. */
        INVALID_PORT,
        /** The port is above 65535; the detail is the port as written. */
        PORT_OUT_OF_RANGE,
    }

    private final Problem problem;
    private final String detail;
    private final int character;

    WebUrlException(Problem problem, String detail) {
        this(problem, detail, -1);
    }

    WebUrlException(Problem problem, String detail, int character) {
        super(reason(problem, detail, character), null, false, false);
        this.problem = problem;
        this.detail = detail;
        this.character = character;
    }

    public Problem problem() {
        return problem;
    }

    /** The part concerned as written (the host, the port, the scheme), or "". */
    public String detail() {
        return detail;
    }

    /** For {@link Problem#FORBIDDEN_HOST_CHARACTER}, the character; otherwise -1. */
    public int character() {
        return character;
    }

    private static String reason(Problem problem, String detail, int c) {
        return switch (problem) {
            case NOT_HTTP -> "not an http or https URL";
            case MISSING_SCHEME -> "no http:// or https:// at the start";
            case MISSING_HOST -> "no host name";
            case FORBIDDEN_HOST_CHARACTER -> "the host name contains " + describe(c);
            case INVALID_DOMAIN -> "the host name is not a valid domain name";
            case INVALID_IPV4 -> "the host is not a valid IPv4 address";
            case INVALID_IPV6 -> "the host is not a valid IPv6 address";
            case INVALID_PORT -> "the port is not a number";
            case PORT_OUT_OF_RANGE -> "the port is out of range";
        };
    }

    /** A character as a reader would name it: {@code "["}, "a space", "a control character". */
    static String describe(int c) {
        if (c == ' ' || c == 0xA0 || c == 0x3000) {
            return "a space";
        }
        if (c < 0x20 || c == 0x7F) {
            return "a control character";
        }
        return "\"" + Character.toString(c) + "\"";
    }
}
