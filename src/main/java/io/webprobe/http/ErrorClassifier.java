package io.webprobe.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place where a failure becomes an {@link ErrorKind} and a plain sentence, for every
 * engine: the ping event loops, {@link Http1Probe} and {@link JdkHttpProbe}. {@link #classify}
 * reads an exception (and its causes); the factory methods name the failures an engine detects
 * itself (a deadline, a name that does not resolve). Messages never carry exception class
 * names. Stateless.
 */
public final class ErrorClassifier {
    private ErrorClassifier() {}

    /** A classified failure: its kind and a plain sentence for the user. */
    public record Classified(ErrorKind kind, String message) {}

    /** java.net.http's words for an HTTP/2 stream the server said it did not process. */
    private static final String NOT_PROCESSED = "not processed by peer";

    /**
     * Whether the server said it did not process the request: java.net.http's failure for a
     * stream above a GOAWAY's last-stream-id or refused with REFUSED_STREAM (RFC 9113 8.7),
     * which may be sent again on another connection.
     */
    static boolean notProcessed(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof IOException && c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).contains(NOT_PROCESSED)) {
                return true;
            }
        }
        return false;
    }

    private static final Classified DNS =
            new Classified(ErrorKind.DNS, "Host name could not be resolved");
    private static final Classified CONNECT_TIMEOUT =
            new Classified(ErrorKind.CONNECT_TIMEOUT, "Timed out while connecting");
    private static final Classified CANCELLED =
            new Classified(ErrorKind.CANCELLED, "Stopped before it finished");
    private static final Classified REFUSED =
            new Classified(ErrorKind.REFUSED, "Connection refused");
    private static final Classified NO_ROUTE = new Classified(ErrorKind.CONNECT, "No route to host");
    private static final Classified CLOSED_UNANSWERED = new Classified(ErrorKind.CLOSED,
            "The server closed the connection without answering");
    /** The sentence for a response whose headers arrived and whose body then broke off. */
    static final String CLOSED_IN_BODY =
            "The server closed the connection in the middle of the body";
    private static final Classified UNREACHABLE = new Classified(ErrorKind.CONNECT,
            "Could not connect: the network is unreachable from here");
    private static final Classified RESET =
            new Classified(ErrorKind.RESET, "The server reset the connection");
    /** A connection closed after a part of the response's head (Http1ResponseParser's). */
    private static final Classified CLOSED_IN_HEAD = new Classified(ErrorKind.CLOSED,
            "The server closed the connection in the middle of the response");

    /**
     * The sentences that say no more than their kind's label ("Host name could not be
     * resolved" beside "DNS lookup failed", "Connection refused" beside itself): a table
     * showing the label need not show them again. A sentence that adds something (the
     * timeout, what was wrong with the certificate, where the connection closed) is not one.
     */
    private static final java.util.Set<Classified> LABEL_ONLY =
            java.util.Set.of(DNS, CONNECT_TIMEOUT, CANCELLED, REFUSED, RESET);

    /**
     * Whether {@code message} says no more about a failure of {@code kind} than the kind's
     * {@link ErrorKind#label()} does (the same words, or the fixed sentence said for it).
     */
    public static boolean saysOnlyItsKind(ErrorKind kind, String message) {
        return kind != null && message != null && (message.equals(kind.label())
                || LABEL_ONLY.contains(new Classified(kind, message)));
    }

    /** The host name did not resolve. */
    public static Classified dnsFailure() {
        return DNS;
    }

    /** The TCP connection was not set up in time. */
    public static Classified connectTimeout() {
        return CONNECT_TIMEOUT;
    }

    /**
     * The request's deadline passed before the response (or the TLS handshake) completed. The
     * timeout is said in seconds, as the options give it ("2 s", "0.5 s", "15 s"), wherever the
     * sentence is shown.
     */
    public static Classified timedOut(Duration timeout) {
        return new Classified(ErrorKind.TIMEOUT, "No complete response within "
                + io.webprobe.Words.timeout(timeout));
    }

    /**
     * {@code failure} of a request whose response headers had arrived: a connection closed
     * then broke off the body, it did not go unanswered. java.net.http words such an end as
     * it words a connection closed before any answer (over https, an EOF under the TLS
     * layer), so the sentence is said here as {@link Http1ResponseParser} says it.
     */
    public static Classified afterHeaders(Classified failure) {
        return failure.equals(CLOSED_UNANSWERED)
                ? new Classified(ErrorKind.CLOSED, CLOSED_IN_BODY) : failure;
    }

    /** The job was stopped while the request was in flight. */
    public static Classified cancelled() {
        return CANCELLED;
    }

    /** The URL cannot be requested; {@code why} is a plain sentence. */
    public static Classified invalidUrl(String why) {
        return new Classified(ErrorKind.INVALID_URL, why);
    }

    /**
     * For a TLS failure, one sentence saying what is wrong with the site's certificate and how
     * to get past it with the command line's options; null for any other kind. The ping shows
     * it beside its figures.
     */
    public static String trustAdvice(ErrorKind kind) {
        return trustAdvice(kind, "--cacert FILE", "--insecure");
    }

    /**
     * As {@link #trustAdvice(ErrorKind)}, naming the options the way the caller offers them
     * (the desktop app names its settings).
     *
     * @param cacert how the user trusts a certificate file, e.g. "--cacert FILE"
     * @param insecure how the user skips the check, e.g. "--insecure"
     */
    public static String trustAdvice(ErrorKind kind, String cacert, String insecure) {
        return trustAdvice(kind, null, cacert, insecure);
    }

    /**
     * As {@link #trustAdvice(ErrorKind, String, String)}, following why the certificate was
     * refused: an out-of-date one is said so, and no certificate file is advised for it (a
     * file makes a certificate trusted, not in date), nor when the user gave one already.
     *
     * @param why the refused request's sentence ({@link #classify}), or null when not known
     * @param cacert how the user trusts a certificate file, or null when one is given already
     */
    public static String trustAdvice(ErrorKind kind, String why, String cacert,
            String insecure) {
        if (kind == ErrorKind.TLS_CERTIFICATE && outOfDate(why)) {
            return why + ". Use " + insecure + " to skip the check.";
        }
        if (kind == ErrorKind.TLS_CERTIFICATE && cacert == null) {
            return "The site's certificate is not trusted: neither the usual authorities nor "
                    + "the certificate file given vouch for it. Use " + insecure
                    + " to skip the check.";
        }
        String remedy = trustRemedy(kind, cacert, insecure);
        return switch (kind == null ? ErrorKind.IO : kind) {
            case TLS_CERTIFICATE -> "The site's certificate is not trusted (self-signed or from an"
                    + " unknown authority). " + remedy;
            case TLS_HOSTNAME -> "The site's certificate was issued for another host name. "
                    + remedy;
            case TLS -> "The secure connection (TLS) to the site could not be set up; check"
                    + " that the URL's port serves https.";
            default -> null;
        };
    }

    /**
     * For a TLS failure already named (a crawl's start page: "Could not fetch URL: the site's
     * certificate is not trusted …"), only how to get past it, one sentence; null for any other
     * kind.
     *
     * @param cacert how the user trusts a certificate file, e.g. "--cacert FILE"
     * @param insecure how the user skips the check, e.g. "--insecure"
     */
    public static String trustRemedy(ErrorKind kind, String cacert, String insecure) {
        return trustRemedy(kind, null, cacert, insecure);
    }

    /**
     * As {@link #trustRemedy(ErrorKind, String, String)}, following why: no certificate file
     * is offered for an out-of-date certificate (a file makes it trusted, not in date), nor
     * when the user gave one already.
     *
     * @param why the sentence that named the failure (any case), or null when not known
     * @param cacert how the user trusts a certificate file, or null when one is given already
     */
    public static String trustRemedy(ErrorKind kind, String why, String cacert,
            String insecure) {
        if (kind == null) {
            return null;
        }
        if (kind == ErrorKind.TLS_CERTIFICATE && (cacert == null || outOfDate(why))) {
            return "Use " + insecure + " to skip the check.";
        }
        return switch (kind) {
            case TLS_CERTIFICATE -> "Use " + cacert + " to trust it, or " + insecure
                    + " to skip the check.";
            case TLS_HOSTNAME -> "Use " + insecure + " to skip the check.";
            // the handshake's own sentence says what went wrong (plain http, no version in
            // common, a client certificate wanted): no one remedy fits them all
            default -> null;
        };
    }

    /** Classifies a failure; never throws. */
    public static Classified classify(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof IOException && t.getCause() != null
                && JDK_PARSER_STATE.matcher(text(t)).find()) {
            // java.net.http's note of where its parser was ("parsing HTTP/1.1 header,
            // receiving [Content-Ty], parser state [HEADER]") around the real failure: a
            // reset or a close mid-head was shown in those words, as an I/O error
            Classified under = classify(t.getCause());
            return under.equals(CLOSED_UNANSWERED) ? CLOSED_IN_HEAD : under;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
            // Conscrypt's, when its native glue cannot open the pipe every engine takes
            if (m.contains("too many open files")
                    || m.contains("unable to create application data")) {
                // this machine's limit, not the server: said so, not blamed on the server
                return new Classified(ErrorKind.IO, OUT_OF_FILES);
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TrustManagers.NameMismatch m) {
                return new Classified(ErrorKind.TLS_HOSTNAME,
                        "The site's certificate is not issued for " + m.host);
            }
            if (c instanceof TrustManagers.UntrustedCertificate) {
                return new Classified(ErrorKind.TLS_CERTIFICATE, untrustedWhy(c));
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return DNS;
            }
            if (c instanceof HttpConnectTimeoutException || c instanceof ConnectTimeout) {
                return CONNECT_TIMEOUT;
            }
            if (c instanceof CertPathBuilderException || c instanceof CertPathValidatorException) {
                // another trust manager than ours (a caller's own SSLContext)
                return new Classified(ErrorKind.TLS_CERTIFICATE, untrustedWhy(c));
            }
            if (c instanceof SSLException) {
                return tls(c);
            }
            if (c instanceof CancellationException || c instanceof ClosedByInterruptException
                    || c instanceof InterruptedException) {
                return CANCELLED;
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException
                    || c instanceof TimeoutException) {
                return new Classified(ErrorKind.TIMEOUT, "No complete response within the timeout");
            }
            if (c instanceof NoRouteToHostException) {
                return NO_ROUTE;
            }
            if (c instanceof SocketException && String.valueOf(c.getMessage())
                    .toLowerCase(Locale.ROOT).contains("network is unreachable")) {
                // the kernel's ENETUNREACH, a plain SocketException: a connect that failed,
                // not a server that reset anything
                return UNREACHABLE;
            }
            if (c instanceof TunnelRefused) {
                // its sentence names hosts, whose letters may read "refused" or "reset"
                return new Classified(ErrorKind.CONNECT, "Could not connect: " + text(c));
            }
            if (c instanceof ConnectException) {
                // java.net.http reports a refused connection as a ConnectException without a
                // message (the cause is a ClosedChannelException).
                String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
                if (c.getMessage() == null || msg.contains("refused")) {
                    return REFUSED;
                }
                if (msg.contains("reset")) {
                    return new Classified(ErrorKind.RESET, "The server reset the connection");
                }
                return new Classified(ErrorKind.CONNECT, "Could not connect: " + text(c));
            }
        }
        if (t instanceof ServerClosedException) {
            return new Classified(ErrorKind.CLOSED, t.getMessage());
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            Matcher big = JDK_HEADERS_TOO_LARGE.matcher(String.valueOf(c.getMessage()));
            if (c instanceof ProtocolException && big.find()) {
                return new Classified(ErrorKind.IO,
                        headersTooLarge(Long.parseLong(big.group(1))));
            }
        }
        if (t instanceof IOException && jdkWords(text(t)) != null) {
            return new Classified(ErrorKind.IO, jdkWords(text(t)));
        }
        if (t instanceof ProtocolException) {
            return new Classified(ErrorKind.IO, text(t));
        }
        if (t instanceof InvalidResponseException) {
            return new Classified(ErrorKind.IO, t.getMessage());
        }
        if (t instanceof NumberFormatException && jdkContentLength(t)) {
            // java.net.http's own reading of a HEAD's Content-Length lets Long.parseLong's
            // exception out: said as Http1ResponseParser says it
            Matcher bad = JDK_BAD_NUMBER.matcher(String.valueOf(t.getMessage()));
            return new Classified(ErrorKind.IO,
                    "Invalid Content-Length: " + (bad.find() ? bad.group(1) : "(empty)"));
        }
        if (t instanceof IOException && JDK_BODY_SHORT.matcher(text(t)).find()) {
            // java.net.http's words for a body that broke off before its Content-Length (its
            // connection reset, say): the connection broke, as Http1ResponseParser says it
            return new Classified(ErrorKind.CLOSED, CLOSED_IN_BODY);
        }
        if (t instanceof SocketException && !(t instanceof ConnectException)) {
            return RESET;
        }
        String msg = text(t).toLowerCase(Locale.ROOT);
        if (t instanceof EOFException || t.getCause() instanceof EOFException
                || msg.contains("reset")
                || msg.contains("closed")
                || msg.contains("broken pipe")
                || msg.contains("received no bytes")
                || msg.contains(NOT_PROCESSED)) {
            // the client library's wording ("header parser received no bytes"; "request not
            // processed by peer", an HTTP/2 stream a GOAWAY left out, nginx's keepalive_requests)
            // is not for users, nor the kernel's ("Broken pipe": the request written to a
            // socket the server closed)
            return msg.contains("reset") ? RESET : CLOSED_UNANSWERED;
        }
        if (t instanceof InterruptedIOException) {
            return CANCELLED;
        }
        if (t instanceof IOException) {
            return new Classified(ErrorKind.IO, text(t));
        }
        return new Classified(ErrorKind.IO, "Unexpected failure: " + text(t));
    }

    private static Classified tls(Throwable e) {
        String m = String.valueOf(e.getMessage());
        String lower = m.toLowerCase(Locale.ROOT);
        if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
            return new Classified(ErrorKind.TLS_HOSTNAME,
                    "The site's certificate is not issued for this host name");
        }
        return new Classified(ErrorKind.TLS, "The TLS handshake failed: " + tlsWhy(m));
    }

    /**
     * Webprobe's own process ran out of file descriptors: a request's message, naming no
     * setting; {@link #outOfFiles(String)} names the one that sets the connections.
     */
    public static final String OUT_OF_FILES = outOfFiles(null);

    /**
     * {@link #OUT_OF_FILES}, naming how the user sets the connections the way the caller
     * offers it (the command line's option, the desktop app's setting).
     *
     * @param connections e.g. "--concurrency" or "Settings › Concurrency"; null for none
     */
    public static String outOfFiles(String connections) {
        return "Webprobe ran out of open files (the limit this system sets, ulimit -n): use "
                + "fewer connections" + (connections == null ? "" : " (" + connections + ")")
                + " or raise the limit";
    }

    /**
     * java.net.http's refusal of a response head over its limit ({@code jdk.http.maxHeaderSize},
     * 384 KB by default, counted with 32 bytes more a field): "Header size too big: 400033 >
     * 393216" over HTTP/1.1, "Size exceeds MAX_HEADERS_LIST_SIZE: 400033 > 393216" over
     * HTTP/2. The number after "&gt;" is the limit.
     */
    private static final Pattern JDK_HEADERS_TOO_LARGE = Pattern.compile(
            "^(?:Header size too big|Size exceeds MAX_HEADERS_LIST_SIZE): \\d+ > (\\d+)");

    /** java.net.http's wrapper of a failure while it read a response's head. */
    private static final Pattern JDK_PARSER_STATE = Pattern.compile(
            "^(?:parsing HTTP/1\\.1 |HTTP/1\\.1 parser receiving ).*, parser state \\[");
    /** java.net.http's refusal of a first line that is not an HTTP/1.x status line. */
    private static final Pattern JDK_STATUS_LINE =
            Pattern.compile("^Invalid status line: \"(.*)\"$", Pattern.DOTALL);
    /** java.net.http's refusal of a chunk size, naming the character by its code. */
    private static final Pattern JDK_CHUNK_SIZE =
            Pattern.compile("^Illegal character in chunk size: (-?\\d+)$");

    /**
     * java.net.http's words for an answer that is not HTTP, said as {@link Http1ResponseParser}
     * says them (it shows the crawl's plain http), or null when {@code m} is none of them.
     */
    private static String jdkWords(String m) {
        Matcher line = JDK_STATUS_LINE.matcher(m);
        if (line.find()) {
            String l = line.group(1);
            return (l.startsWith("HTTP/1.") ? Http1ResponseParser.BAD_STATUS_LINE
                    : Http1ResponseParser.NOT_HTTP) + l;
        }
        if (m.startsWith("Unexpected 101 response")) {
            return Http1ResponseParser.SWITCHED_PROTOCOLS;
        }
        Matcher chunk = JDK_CHUNK_SIZE.matcher(m);
        if (chunk.find()) {
            int c = Integer.parseInt(chunk.group(1)) & 0xFF;
            String what = c > ' ' && c < 127 ? "'" + (char) c + "'"
                    : String.format("byte %#04x", c);
            return Http1ResponseParser.MALFORMED_BODY + what + " cannot begin a chunk size"
                    + " (Transfer-Encoding: chunked)";
        }
        return null;
    }

    /** Long.parseLong's message: {@code For input string: "abc"} (perhaps with a radix). */
    private static final Pattern JDK_BAD_NUMBER = Pattern.compile("^For input string: \"(.*)\"");

    /** Whether java.net.http threw {@code number} reading a response's Content-Length. */
    private static boolean jdkContentLength(Throwable number) {
        for (StackTraceElement e : number.getStackTrace()) {
            if (e.getClassName().equals("jdk.internal.net.http.Http1Response")
                    && e.getMethodName().equals("readBody")) {
                return true;
            }
        }
        return false;
    }

    /** java.net.http's message for a body cut short of its Content-Length. */
    private static final Pattern JDK_BODY_SHORT =
            Pattern.compile("^fixed content-length: \\d+, bytes received: \\d+");

    /**
     * The sentence of a response whose headers are beyond what the client reads, in words a
     * site's owner knows (the kind stays {@link ErrorKind#IO}).
     *
     * @param limitBytes the client's limit on a response's head
     */
    public static String headersTooLarge(long limitBytes) {
        return "The server's response headers are too large (over " + limitBytes / 1024
                + " KB)";
    }

    /** JSSE's alert, "Received fatal alert: handshake_failure" (JDK 25 puts "(name) " first). */
    private static final Pattern JDK_ALERT = Pattern.compile("received fatal alert: (\\w+)");
    /** BoringSSL's error code, as in "error:10000410:SSL routines:OPENSSL_internal:CODE (…". */
    private static final Pattern BORINGSSL_CODE = Pattern.compile(":OPENSSL_internal:(\\w+)");
    private static final Pattern BORINGSSL_ALERT =
            Pattern.compile("^(?:SSLV3|TLSV1)_ALERT_(\\w+)$");
    private static final String NO_VERSION = "no TLS version both sides support";
    private static final String NO_SUITE = "no cipher suite both sides support";
    private static final String BROKEN = "the server's answer broke the TLS protocol";
    /** BoringSSL's object addresses ("ssl=0x7f…"): never a user's business. */
    private static final Pattern NATIVE_ADDRESS = Pattern.compile("ssl=0x[0-9a-fA-F]+");
    /** BoringSSL's codes for a server's answer that is not well-formed TLS. */
    private static final Set<String> MALFORMED = Set.of(
            "EXCESSIVE_MESSAGE_SIZE", "DECODE_ERROR", "BAD_PACKET_LENGTH", "UNEXPECTED_MESSAGE",
            "UNEXPECTED_RECORD", "WRONG_CIPHER_RETURNED", "BAD_HANDSHAKE_RECORD",
            "DATA_LENGTH_TOO_LONG", "DECRYPTION_FAILED_OR_BAD_RECORD_MAC");

    /**
     * Plain words for why a handshake failed, from the JDK's message or from BoringSSL's error
     * code (the native engines, {@link NativeTls}): the same failure reads the same whichever
     * engine met it, and neither library's wording (addresses, source lines, codes) reaches
     * the user.
     */
    static String tlsWhy(String message) {
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        Matcher code = BORINGSSL_CODE.matcher(m);
        String boring = code.find() ? code.group(1) : null;
        String alert = null;
        Matcher a = JDK_ALERT.matcher(lower);
        if (a.find()) {
            alert = a.group(1);
        } else if (boring != null && (a = BORINGSSL_ALERT.matcher(boring)).matches()) {
            alert = a.group(1).toLowerCase(Locale.ROOT);
        }
        if (alert != null) {
            return switch (alert) {
                case "protocol_version" -> NO_VERSION;
                case "certificate_required" ->
                        "the server asks for a client certificate, which Webprobe does not send";
                default -> "the server refused it (" + alert.replace('_', ' ') + ")";
            };
        }
        if (lower.contains("unrecognized ssl message") || lower.contains("plaintext")
                || lower.contains("unable to parse tls packet header")) {
            return "the server did not answer in TLS (is the port serving plain http?)";
        }
        if (lower.contains("remote host terminated") || lower.contains("closed")) {
            return "the server closed the connection during the handshake";
        }
        if (lower.contains("no appropriate protocol") || "UNSUPPORTED_PROTOCOL".equals(boring)
                || "WRONG_VERSION_NUMBER".equals(boring)) {
            return NO_VERSION;
        }
        if (lower.contains("no appropriate cipher suite") || lower.contains("no negotiable cipher")
                || "NO_SHARED_CIPHER".equals(boring) || "NO_CIPHER_MATCH".equals(boring)
                || "NO_CIPHERS_AVAILABLE".equals(boring)) {
            return NO_SUITE;
        }
        if (boring != null) {
            String words = boring.toLowerCase(Locale.ROOT).replace('_', ' ');
            return MALFORMED.contains(boring) ? BROKEN + " (" + words + ")" : words;
        }
        if (lower.contains("exceeds the maximum allowed size")) {
            return BROKEN + " (excessive message size)";
        }
        if (NATIVE_ADDRESS.matcher(m).find() || m.isBlank() || m.equals("null")) {
            return "no details"; // BoringSSL without a code: its text is an address and a guess
        }
        return m;
    }

    /**
     * The words a table gives a failure of this kind: {@link ErrorKind#label}, unless why it
     * failed says more than its kind: a certificate refused for being out of date is an
     * "Expired certificate" (or "Certificate not valid yet"), as its sentence says, not an
     * "Untrusted certificate". The one mapping for every engine's failures.
     *
     * @param why the failed request's sentence ({@link #classify}), or null when not known
     */
    public static String label(ErrorKind kind, String why) {
        if (kind == ErrorKind.TLS_CERTIFICATE && outOfDate(why)) {
            return why.toLowerCase(Locale.ROOT).contains("certificate has expired")
                    ? "Expired certificate" : "Certificate not valid yet";
        }
        return kind.label();
    }

    private static final String EXPIRED = "The site's certificate has expired";
    private static final String NOT_YET_VALID = "The site's certificate is not valid yet";

    /** Whether the sentence says a certificate is expired or not valid yet (any case). */
    private static boolean outOfDate(String why) {
        String w = why == null ? "" : why.toLowerCase(Locale.ROOT);
        return w.contains("certificate has expired") || w.contains("certificate is not valid yet");
    }

    private static String untrustedWhy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateExpiredException) {
                return EXPIRED;
            }
            if (c instanceof CertificateNotYetValidException) {
                return NOT_YET_VALID;
            }
        }
        return "The site's certificate is not trusted (self-signed or from an unknown authority)";
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String text(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? "no details" : m;
    }

    /**
     * The server closed the connection before the response was complete; the message says
     * where ("in the middle of the body"). Thrown by {@link Http1ResponseParser}.
     */
    static final class ServerClosedException extends EOFException {
        private static final long serialVersionUID = 1L;

        ServerClosedException(String message) {
            super(message);
        }
    }

    /**
     * The server's answer is not valid HTTP where a body handler of java.net.http reads it
     * (its Content-Length); the message says what is wrong as {@link Http1ResponseParser}
     * says it ("Invalid Content-Length: abc"). Unchecked: a body handler cannot throw others.
     */
    static final class InvalidResponseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidResponseException(String message) {
            super(message);
        }
    }

    /** An HTTP proxy answered a {@code CONNECT} with no 2xx: its sentence says which. */
    static final class TunnelRefused extends ConnectException {
        private static final long serialVersionUID = 1L;

        TunnelRefused(String sentence) {
            super(sentence);
        }
    }

    /** The connect phase of a blocking socket timed out (distinct from a read timeout). */
    static final class ConnectTimeout extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        ConnectTimeout() {
            super("connect timed out");
        }
    }
}
