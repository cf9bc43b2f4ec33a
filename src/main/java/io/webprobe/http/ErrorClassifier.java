package io.webprobe.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Maps the exceptions of {@code java.net.http} to an {@link ErrorKind} and a plain message. */
public final class ErrorClassifier {
    private ErrorClassifier() {}

    /** A classified failure. */
    public record Classified(ErrorKind kind, String message) {}

    /** Classifies a failure; never throws. */
    public static Classified classify(Throwable failure) {
        Throwable t = unwrap(failure);
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return new Classified(ErrorKind.DNS, "Host name could not be resolved");
            }
            if (c instanceof HttpConnectTimeoutException) {
                return new Classified(ErrorKind.CONNECT_TIMEOUT, "Timed out while connecting");
            }
            if (c instanceof SSLException) {
                return new Classified(ErrorKind.TLS, "TLS failure: " + text(c));
            }
            if (c instanceof CancellationException) {
                return new Classified(ErrorKind.CANCELLED, "Stopped before it finished");
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpTimeoutException) {
                return new Classified(ErrorKind.TIMEOUT, "No complete response within the timeout");
            }
            if (c instanceof NoRouteToHostException) {
                return new Classified(ErrorKind.CONNECT, "No route to host");
            }
            if (c instanceof ConnectException) {
                // java.net.http reports a refused connection as a ConnectException without a
                // message (the cause is a ClosedChannelException).
                String msg = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
                if (c.getMessage() == null || msg.contains("refused")) {
                    return new Classified(ErrorKind.REFUSED, "Connection refused");
                }
                return new Classified(ErrorKind.CONNECT, "Could not connect: " + text(c));
            }
        }
        String msg = text(t).toLowerCase(Locale.ROOT);
        if (t instanceof EOFException
                || t instanceof SocketException
                || msg.contains("reset")
                || msg.contains("closed")
                || msg.contains("received no bytes")) {
            return new Classified(ErrorKind.RESET, "Connection closed by the server: " + text(t));
        }
        if (t instanceof IOException) {
            return new Classified(ErrorKind.IO, text(t));
        }
        return new Classified(ErrorKind.IO, t.getClass().getSimpleName() + ": " + text(t));
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
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
