package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webprobe.testsupport.SelfSignedCertificate;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.StandardConstants;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cipher suites every engine offers: the JDK's with ChaCha20-Poly1305 first, or a native
 * engine's own order of the suites the JDK enables; and which engines are native.
 */
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
    void theJdksEnginesOfferItsSuitesWithChaChaFirstAndNativeOnesOnlySuitesTheJdkEnables()
            throws Exception {
        for (TlsTrust trust : List.of(TlsTrust.defaults(), TlsTrust.insecure())) {
            String[] jdk = trust.sslContext().getDefaultSSLParameters().getCipherSuites();
            String[] offered = trust.clientParameters().getCipherSuites();
            assertThat(offered).containsExactlyInAnyOrder(jdk);
            assertThat(offered[0]).contains("_CHACHA20_POLY1305_");
            SSLEngine engine = trust.clientEngine("example.org", 443, "http/1.1");
            String[] engines = engine.getSSLParameters().getCipherSuites();
            if (Conscrypt.isConscrypt(engine)) {
                // RSA key exchange: on in BoringSSL, off in the JDK's settings, so off here
                SSLContext boring = SSLContext.getInstance("TLS", NativeTls.provider().orElseThrow());
                boring.init(null, null, null);
                assertThat(boring.getDefaultSSLParameters().getCipherSuites())
                        .contains("TLS_RSA_WITH_AES_128_GCM_SHA256");
                assertThat(engines).doesNotContain("TLS_RSA_WITH_AES_128_GCM_SHA256");
                assertThat(engines).isNotEmpty().isSubsetOf(jdk)
                        .contains("TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
                                "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                                "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
            } else {
                assertThat(engines).containsExactly(offered);
            }
        }
    }

    @Test
    void thePingsEnginesAreNativeWhereConscryptShipsALibrary() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && List.of("amd64", "x86_64", "aarch64").contains(arch),
                "Conscrypt's library for this platform is not checked here");
        assertThat(NativeTls.provider()).isPresent();
        assertThat(Conscrypt.isConscrypt(TlsTrust.defaults().clientEngine("example.org", 443)))
                .isTrue();
        // the blocking engines stay on the JDK's TLS
        assertThat(TlsTrust.defaults().sslContext().getProvider().getName()).isEqualTo("SunJSSE");
        // BoringSSL sends no SNI for a name without a dot: such a host gets the JDK's engine,
        // which does, so a server that picks its site by name answers with the right one
        SSLEngine intranet = TlsTrust.defaults().clientEngine("wiki", 443);
        assertThat(Conscrypt.isConscrypt(intranet)).isFalse();
        assertThat(intranet.getSSLParameters().getServerNames())
                .containsExactly(new javax.net.ssl.SNIHostName("wiki"));
        assertThat(Conscrypt.isConscrypt(TlsTrust.defaults().clientEngine("127.0.0.1", 443)))
                .isTrue();
        assertThat(Conscrypt.isConscrypt(TlsTrust.defaults().clientEngine("localhost", 443)))
                .isTrue();
    }

    @Test
    void everyEngineSendsTheHostsNameToTheServerButNotAnAddress() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "loopback",
                "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        for (String host : List.of("localhost", "LocalHost", "example.org", "wiki",
                "example.org.")) {
            assertThat(namesSent(cert, trust.clientEngine(host, 443, "http/1.1")))
                    .as(host).containsExactly(host.replaceFirst("\\.$", "")
                            .toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(namesSent(cert, trust.clientEngine("127.0.0.1", 443))).isEmpty();
        assertThat(namesSent(cert, trust.clientEngine("[::1]", 443))).isEmpty();
    }

    /**
     * SNI cannot carry a name with an underscore ({@link SNIHostName} refuses it, and the
     * native engine cannot even be set up for it): the JDK's engine, no SNI, and the name
     * checked by {@link CertificateNames} since the JDK's own check would refuse it.
     */
    @Test
    void anUnderscoreNameGoesWithoutSniItsNameCheckedByUs() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir, "plain", "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.fromPemFile(cert.pem());
        SSLEngine engine = trust.clientEngine("a_b.localhost", 443, "http/1.1");
        assertThat(Conscrypt.isConscrypt(engine)).isFalse();
        assertThat(engine.getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
        assertThat(namesSent(cert, engine)).isEmpty();
        assertThat(trust.clientEngine("ab.localhost", 443).getSSLParameters()
                .getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
    }

    /** The server names a server engine sees in this client engine's first message. */
    private static List<String> namesSent(SelfSignedCertificate cert, SSLEngine client)
            throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        SSLEngine server = cert.serverContext().createSSLEngine();
        server.setUseClientMode(false);
        SSLParameters p = server.getSSLParameters();
        p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
            @Override
            public boolean matches(SNIServerName name) {
                seen.add(((SNIHostName) name).getAsciiName().toLowerCase(java.util.Locale.ROOT));
                return true;
            }
        }));
        server.setSSLParameters(p);
        ByteBuffer hello = ByteBuffer.allocate(client.getSession().getPacketBufferSize());
        client.beginHandshake();
        while (hello.position() == 0) {
            client.wrap(ByteBuffer.allocate(0), hello);
            for (Runnable task; (task = client.getDelegatedTask()) != null; ) {
                task.run();
            }
        }
        hello.flip();
        server.beginHandshake();
        server.unwrap(hello, ByteBuffer.allocate(server.getSession().getApplicationBufferSize()));
        for (Runnable task; (task = server.getDelegatedTask()) != null; ) {
            task.run();
        }
        TlsTrust.release(client);
        return seen;
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
