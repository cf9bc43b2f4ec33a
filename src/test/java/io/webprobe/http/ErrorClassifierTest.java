package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The closed-connection family: what each engine's libraries throw, said in one sentence. */
class ErrorClassifierTest {
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"500, 0.5 s", "2000, 2 s", "15000, 15 s",
        "1, 0.001 s", "1250, 1.25 s", "120000, 120 s"})
    void aTimeoutIsSaidInSecondsWhateverItsLength(long millis, String said) {
        assertThat(ErrorClassifier.timedOut(java.time.Duration.ofMillis(millis)).message())
                .isEqualTo("No complete response within " + said);
    }

    @Test
    void aConnectionTheServerClosedIsClosedWhateverTheLibraryCallsIt() {
        for (Throwable t : new Throwable[] {
            new IOException("Broken pipe"), // writing to a socket the server closed
            new ExecutionException(new EOFException("EOF reached while reading")), // sendAsync
            new IOException("EOF reached while reading", // send: the same, wrapped
                    new EOFException("EOF reached while reading")),
            new IOException("HTTP/1.1 header parser received no bytes"),
            new IOException("Connection closed"),
            // java.net.http's words for a stream an HTTP/2 server's GOAWAY left unprocessed
            // (nginx's keepalive_requests), after its own one retry was dropped too
            new IOException("request not processed by peer"),
            new ExecutionException(new IOException("request not processed by peer")),
        }) {
            ErrorClassifier.Classified c = ErrorClassifier.classify(t);
            assertThat(c.kind()).as(t.toString()).isEqualTo(ErrorKind.CLOSED);
            assertThat(c.message()).isEqualTo("The server closed the connection without answering");
        }
        // a clean close (FIN) is not a reset (RST): each is said as it is
        assertThat(ErrorClassifier.classify(new ErrorClassifier.ServerClosedException(
                "The server closed the connection without answering"))).isEqualTo(
                new ErrorClassifier.Classified(ErrorKind.CLOSED,
                        "The server closed the connection without answering"));
        for (Throwable t : new Throwable[] {new IOException("Connection reset by peer"),
                new java.net.SocketException("Connection reset")}) {
            assertThat(ErrorClassifier.classify(t)).as(t.toString()).isEqualTo(
                    new ErrorClassifier.Classified(ErrorKind.RESET,
                            "The server reset the connection"));
        }
    }

    /**
     * The kernel's ENETUNREACH reaches Java as a plain SocketException from connect (the event
     * loops' and Http1Probe's sockets) or inside a ConnectException (java.net.http): a connect
     * that failed, never a reset.
     */
    @Test
    void javaNetHttpsHeadersTooLargeAreSaidInPlainWordsOverHttp1AndHttp2() {
        ErrorClassifier.Classified expected = new ErrorClassifier.Classified(ErrorKind.IO,
                "The server's response headers are too large (over 384 KB)");
        for (Throwable t : new Throwable[] {
            new java.net.ProtocolException("Header size too big: 400033 > 393216"),
            new java.util.concurrent.ExecutionException(new IOException(
                    "Header size too big: 400033 > 393216",
                    new java.net.ProtocolException("Header size too big: 400033 > 393216"))),
            new java.net.ProtocolException("Size exceeds MAX_HEADERS_LIST_SIZE: 400033 > 393216"),
        }) {
            assertThat(ErrorClassifier.classify(t)).as(t.toString()).isEqualTo(expected);
        }
    }

    @Test
    void anUnreachableNetworkIsAFailedConnectInEveryEngine() {
        ErrorClassifier.Classified expected = new ErrorClassifier.Classified(ErrorKind.CONNECT,
                "Could not connect: the network is unreachable from here");
        for (Throwable t : new Throwable[] {
            new java.net.SocketException("Network is unreachable"),
            new java.net.SocketException("Network is unreachable (connect failed)"),
            new ConnectException("Network is unreachable"),
            new ExecutionException(new ConnectException("Network is unreachable")),
        }) {
            assertThat(ErrorClassifier.classify(t)).as(t.toString()).isEqualTo(expected);
        }
    }

    @Test
    void theTrustAdviceFollowsWhyTheCertificateWasRefused() {
        assertThat(ErrorClassifier.trustAdvice(ErrorKind.TLS_CERTIFICATE,
                "The site's certificate has expired", "--cacert FILE", "--insecure"))
                .isEqualTo("The site's certificate has expired. Use --insecure to skip the "
                        + "check.");
        assertThat(ErrorClassifier.trustAdvice(ErrorKind.TLS_CERTIFICATE,
                "The site's certificate is not trusted (self-signed or from an unknown "
                        + "authority)", "--cacert FILE", "--insecure"))
                .isEqualTo(ErrorClassifier.trustAdvice(ErrorKind.TLS_CERTIFICATE));
        assertThat(ErrorClassifier.trustAdvice(ErrorKind.TLS_CERTIFICATE, null, null,
                "--insecure")).doesNotContain("--cacert").endsWith("Use --insecure to skip "
                        + "the check.");
    }

    @Test
    void otherFailuresKeepTheirOwnClasses() {
        assertThat(ErrorClassifier.classify(new ConnectException("Connection refused")).kind())
                .isEqualTo(ErrorKind.REFUSED);
        assertThat(ErrorClassifier.classify(new IOException("something else")).kind())
                .isEqualTo(ErrorKind.IO);
    }

    /** A table's label follows why a certificate was refused, as its sentence does. */
    @Test
    void anOutOfDateCertificateIsLabelledSoAndOtherKindsByTheirOwnLabel() {
        assertThat(ErrorClassifier.label(ErrorKind.TLS_CERTIFICATE,
                "The site's certificate has expired")).isEqualTo("Expired certificate");
        assertThat(ErrorClassifier.label(ErrorKind.TLS_CERTIFICATE,
                "The site's certificate is not valid yet")).isEqualTo("Certificate not valid yet");
        assertThat(ErrorClassifier.label(ErrorKind.TLS_CERTIFICATE, "self-signed"))
                .isEqualTo("Untrusted certificate");
        assertThat(ErrorClassifier.label(ErrorKind.TLS_CERTIFICATE, null))
                .isEqualTo("Untrusted certificate");
        assertThat(ErrorClassifier.label(ErrorKind.TIMEOUT, "The site's certificate has expired"))
                .isEqualTo("Timeout");
    }

    @Test
    void aSentenceThatOnlyRestatesItsKindIsToldFromOneThatSaysMore() {
        assertThat(ErrorClassifier.saysOnlyItsKind(ErrorKind.DNS,
                ErrorClassifier.dnsFailure().message())).isTrue();
        assertThat(ErrorClassifier.saysOnlyItsKind(ErrorKind.REFUSED, "Connection refused"))
                .isTrue();
        assertThat(ErrorClassifier.saysOnlyItsKind(ErrorKind.TIMEOUT,
                ErrorClassifier.timedOut(java.time.Duration.ofSeconds(15)).message()))
                .as("the timeout is more").isFalse();
        assertThat(ErrorClassifier.saysOnlyItsKind(ErrorKind.CONNECT, "No route to host"))
                .isFalse();
        assertThat(ErrorClassifier.saysOnlyItsKind(ErrorKind.DNS, "Connection refused"))
                .as("another kind's sentence").isFalse();
    }
}
