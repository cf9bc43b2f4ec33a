package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cipher suites every engine offers: the JDK's, with ChaCha20-Poly1305 first. */
class TlsTrustTest {
    @TempDir
    Path dir;

    @Test
    void chaChaFirstMovesOnlyTheChaChaSuitesToTheFrontKeepingTheOrderOfTheRest() {
        String[] in = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"};
        assertThat(TlsTrust.chaChaFirst(in)).containsExactly("TLS_CHACHA20_POLY1305_SHA256",
                "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384",
                "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(TlsTrust.chaChaFirst(new String[0])).isEmpty();
    }

    @Test
    void everyEngineOffersTheJdksSuitesWithChaChaFirst() throws Exception {
        for (TlsTrust trust : List.of(TlsTrust.defaults(), TlsTrust.insecure())) {
            String[] jdk = trust.sslContext().getDefaultSSLParameters().getCipherSuites();
            SSLEngine engine = trust.clientEngine("example.org", 443, "http/1.1");
            for (String[] offered : List.of(engine.getSSLParameters().getCipherSuites(),
                    trust.clientParameters().getCipherSuites())) {
                assertThat(offered).containsExactlyInAnyOrder(jdk);
                assertThat(offered[0]).contains("_CHACHA20_POLY1305_");
            }
        }
    }

    @Test
    void aServerThatFollowsTheClientsOrderAgreesOnChaCha() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "loopback",
                "ip:127.0.0.1");
        SSLContext server = cert.serverContext();
        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SSLParameters p = listener.getSSLParameters();
            p.setUseCipherSuitesOrder(false);   // as OpenSSL servers do by default
            listener.setSSLParameters(p);
            CompletableFuture<String> chosen = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket s = (SSLSocket) listener.accept()) {
                    s.startHandshake();
                    return s.getSession().getCipherSuite();
                } catch (Exception e) {
                    return "failed: " + e;
                }
            });
            TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
            try (Socket plain = new Socket(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort());
                    SSLSocket tls = trust.handshake(plain, "127.0.0.1", listener.getLocalPort())) {
                assertThat(tls.getSession().getCipherSuite()).contains("_CHACHA20_POLY1305_");
            }
            assertThat(chosen.get(30, TimeUnit.SECONDS)).contains("_CHACHA20_POLY1305_");
        }
        assertThat(Arrays.asList(TlsTrust.defaults().sslContext().getSupportedSSLParameters()
                .getCipherSuites())).anyMatch(s -> s.contains("_CHACHA20_POLY1305_"));
    }
}
