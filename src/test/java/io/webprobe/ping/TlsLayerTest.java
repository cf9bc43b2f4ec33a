package io.webprobe.ping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.http.ErrorClassifier;
import io.webprobe.http.ErrorKind;
import io.webprobe.http.TlsTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

/** {@link TlsLayer} when its engine misbehaves: the connection fails, the run goes on. */
class TlsLayerTest {
    @Test
    void anEngineThatThrowsUncheckedFailsTheConnectionWithATlsErrorInPlainWords()
            throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(
                        InetAddress.getLoopbackAddress(), server.getLocalPort()));
                Socket peer = server.accept()) {
            TlsLayer layer = new TlsLayer(new Broken(TlsTrust.insecure().clientEngine(
                    "127.0.0.1", server.getLocalPort())));

            // the hello cannot even be made: a checked TLS error, classified as one
            assertThatThrownBy(() -> layer.handshake(ch)).isInstanceOf(SSLException.class)
                    .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isEqualTo(
                            new ErrorClassifier.Classified(ErrorKind.TLS, "The TLS handshake "
                                    + "failed: the TLS library failed on this connection")));
            peer.getOutputStream().write("x".getBytes(StandardCharsets.ISO_8859_1));
            assertThatThrownBy(() -> layer.write(ch,
                    ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))))
                    .isInstanceOf(SSLException.class);
        }
    }

    @Test
    void anEngineThatCannotBeMadeFailsItsConnectionWithTheSameSentence() {
        assertThatThrownBy(() -> TlsLayer.start(() -> {
            throw new IllegalArgumentException("ssl=0x7f00 bad parameters");
        })).isInstanceOf(SSLException.class)
                .satisfies(e -> assertThat(ErrorClassifier.classify(e)).isEqualTo(
                        new ErrorClassifier.Classified(ErrorKind.TLS, "The TLS handshake "
                                + "failed: the TLS library failed on this connection")));
    }

    /** A real engine whose wrap and unwrap fail unchecked, as a library's bug would. */
    private static final class Broken extends SSLEngine {
        private final SSLEngine real;

        Broken(SSLEngine real) {
            this.real = real;
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int off, int len, ByteBuffer dst) {
            throw new IllegalStateException("ssl=0x7f00 internal state");
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int off, int len) {
            throw new IllegalStateException("ssl=0x7f00 internal state");
        }

        @Override
        public Runnable getDelegatedTask() {
            return real.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            real.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return real.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            real.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return real.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return real.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return real.getEnabledCipherSuites();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            real.setEnabledCipherSuites(suites);
        }

        @Override
        public String[] getSupportedProtocols() {
            return real.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return real.getEnabledProtocols();
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            real.setEnabledProtocols(protocols);
        }

        @Override
        public SSLSession getSession() {
            return real.getSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            real.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return SSLEngineResult.HandshakeStatus.NEED_WRAP;
        }

        @Override
        public void setUseClientMode(boolean mode) {
            real.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return real.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            real.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return real.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            real.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return real.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            real.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return real.getEnableSessionCreation();
        }
    }
}
