package io.webprobe.http;

import io.webprobe.FileErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Which server certificates a client trusts, for every engine (the ping event loops, the
 * blocking {@link Http1Probe} and {@link JdkHttpProbe}): the trust managers of the JDK's
 * {@link SSLContext} and of the native one the event loops use where it loads ({@link
 * NativeTls}), and whether host names are checked. Three kinds:
 * <ul>
 *   <li>{@link #defaults()}: the JDK's certificate authorities, host names checked;
 *   <li>{@link #fromPemFile(Path)}: the certificates of a PEM file (a self-signed server
 *       certificate or a private CA) <em>in addition to</em> the JDK's authorities, host names
 *       checked, so one list can mix intranet and public sites;
 *   <li>{@link #insecure()}: any certificate, no host name check.
 * </ul>
 *
 * <p>The trust manager behind the first two tells the two certificate failures apart: a chain
 * nobody trusts fails with a cause {@link ErrorClassifier} reads as
 * {@link ErrorKind#TLS_CERTIFICATE}, a trusted chain for another name as
 * {@link ErrorKind#TLS_HOSTNAME}. The insecure one accepts everything itself, which also turns
 * host name checking off for this context only (the JDK checks names inside the trust manager),
 * so no global switch such as {@code jdk.internal.httpclient.disableHostnameVerification} is
 * needed. Immutable and thread-safe.
 */
public final class TlsTrust {
    private static final Object DEFAULTS_LOCK = new Object();
    private static TlsTrust defaults;

    private final Supplier<TrustManager> trustManager;
    private final boolean verifies;
    private final String description;
    /** Built on first use (reading the JDK's authorities takes a few milliseconds). */
    private volatile SSLContext context;
    /** {@link #clientEngine}'s: native when {@link NativeTls} is there, else {@link #context}. */
    private volatile SSLContext engineContext;
    /**
     * The suites a native engine offers: those of its defaults the JDK's context enables too, in
     * the native order, so the JDK's choice of cipher suites ({@code jdk.tls.disabledAlgorithms},
     * which turns off RSA key exchange, and {@code jdk.tls.client.cipherSuites}) holds for the
     * native engines too; its other TLS settings (protocols, groups, signature schemes) do not
     * reach them. Set before {@link #engineContext}.
     */
    private String[] nativeSuites;

    private TlsTrust(Supplier<TrustManager> trustManager, boolean verifies, String description) {
        this.trustManager = trustManager;
        this.verifies = verifies;
        this.description = description;
    }

    /** The JDK's certificate authorities, host names checked. One instance. */
    public static TlsTrust defaults() {
        synchronized (DEFAULTS_LOCK) {
            if (defaults == null) {
                defaults = new TlsTrust(() -> new TrustManagers.CheckingTrustManager(List.of(TrustManagers.jdkTrust())),
                        true, "the JDK's certificate authorities");
            }
            return defaults;
        }
    }

    /** Any certificate for any name: for a test server with a self-signed certificate. */
    public static TlsTrust insecure() {
        return new TlsTrust(TrustManagers.AcceptingTrustManager::new, false, "any certificate (not checked)");
    }

    /**
     * The certificates in a PEM file, in addition to the JDK's authorities; host names are
     * still checked.
     *
     * @throws TrustException with a plain sentence when the file cannot be read or holds no
     *     certificate
     */
    public static TlsTrust fromPemFile(Path file) throws TrustException {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw notRead(file, e);
        } catch (CertificateException e) {
            if (e.getCause() instanceof IOException io
                    && (Files.isDirectory(file) || !Files.isReadable(file))) {
                throw notRead(file, io); // the parser met a read error (a folder, say)
            }
            // a damaged block (bad base64, not DER inside) is as unusable as no block at all
            throw new TrustException(file + " is not a PEM certificate file (it should hold "
                    + "-----BEGIN CERTIFICATE----- blocks).");
        }
        return fromCertificates(certs, file.toString());
    }

    /**
     * The certificates of a PEM stream, in addition to the JDK's authorities (the same checks
     * as {@link #fromPemFile}).
     *
     * @param name what the stream is, for messages
     * @throws TrustException when it holds no usable certificate
     */
    public static TlsTrust fromPem(InputStream in, String name) throws TrustException {
        try {
            return fromCertificates(CertificateFactory.getInstance("X.509")
                    .generateCertificates(in), name);
        } catch (CertificateException e) {
            throw new TrustException(name + " is not a PEM certificate file (it should hold "
                    + "-----BEGIN CERTIFICATE----- blocks).");
        }
    }

    private static TlsTrust fromCertificates(Collection<? extends Certificate> certs, Object file)
            throws TrustException {
        if (certs.isEmpty()) {
            throw new TrustException(file + " holds no certificate (it should hold "
                    + "-----BEGIN CERTIFICATE----- blocks).");
        }
        X509ExtendedTrustManager own;
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                store.setCertificateEntry("webprobe-" + i++, c);
            }
            own = TrustManagers.trustManager(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new TrustException("The certificates in " + file + " cannot be used: "
                    + e.getMessage() + ".");
        }
        X509ExtendedTrustManager jdk = TrustManagers.jdkTrust();
        return new TlsTrust(() -> new TrustManagers.CheckingTrustManager(List.of(own, jdk)), true,
                "the JDK's certificate authorities and " + file);
    }

    /** The JDK's context, for sockets and {@link JdkHttpProbe}'s client. */
    public SSLContext sslContext() {
        SSLContext c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    c = context(trustManager.get(), null);
                    context = c;
                }
            }
        }
        return c;
    }

    /**
     * The context {@link #clientEngine} creates engines from: the native one ({@link NativeTls})
     * with the same trust when this process has it, else {@link #sslContext()}.
     */
    private SSLContext engineContext() {
        SSLContext c = engineContext;
        if (c == null) {
            synchronized (this) {
                c = engineContext;
                if (c == null) {
                    c = NativeTls.provider().map(p -> context(trustManager.get(), p))
                            .orElseGet(this::sslContext);
                    if (c != sslContext()) {
                        Set<String> jdk = Set.of(sslContext().getDefaultSSLParameters()
                                .getCipherSuites());
                        nativeSuites = Stream.of(c.getDefaultSSLParameters().getCipherSuites())
                                .filter(jdk::contains).toArray(String[]::new);
                        if (nativeSuites.length == 0) {
                            // the JDK was told to offer only suites BoringSSL lacks: its own
                            // engines then, which can
                            c = sslContext();
                        }
                    }
                    engineContext = c;
                }
            }
        }
        return c;
    }

    /** False for {@link #insecure()}: certificates and host names are not checked. */
    public boolean verifies() {
        return verifies;
    }

    /** What is trusted, in words ("any certificate (not checked)"). */
    @Override
    public String toString() {
        return description;
    }

    /**
     * A client engine for one connection: SNI for a host name (not for an IP literal), host
     * name check unless insecure, and the given ALPN protocols. The engine is native (BoringSSL,
     * {@link NativeTls}) where this process can load it, else the JDK's; both check the same
     * certificates and fail with the same causes. A host name without a dot (an intranet's
     * {@code https://wiki/}; {@code localhost} aside) or ending in one always gets the JDK's: the native engine would not send it as SNI,
     * and a server choosing its site by SNI would answer with another certificate. So does a
     * name SNI cannot carry ({@code a_b.example}), which the native engine cannot even
     * configure; it goes without SNI, its name checked by {@link CertificateNames}.
     *
     * @param host the URI's host (an IPv6 literal may keep its brackets)
     * @param port the server's port
     * @param protocols ALPN protocol names, e.g. {@code "http/1.1"}
     */
    public SSLEngine clientEngine(String host, int port, String... protocols) {
        String peer = unbracket(host);
        SSLContext c = isIpLiteral(peer) || nativeNamesIt(peer) ? engineContext()
                : sslContext();
        SSLEngine engine = c.createSSLEngine(peer, port);
        engine.setUseClientMode(true);
        engine.setSSLParameters(parameters(engine.getSSLParameters(), peer, protocols,
                c == sslContext()));
        return engine;
    }

    /**
     * Makes the contexts {@link #clientEngine} takes its engines from (reading the JDK's
     * authorities, loading the native library: ~0.1 s the first time), so that a caller can
     * pay for it before its clock starts rather than on its first connection.
     */
    public void prepare() {
        engineContext();
    }

    /**
     * Ends an engine of {@link #clientEngine} whose connection is closed (after its
     * {@code closeOutbound}). A native engine's memory, BoringSSL's and outside the heap, is
     * freed now instead of whenever the collector finds the engine, so what a run holds does
     * not depend on how often the heap is collected. A JDK engine is left as it is: closing its
     * inbound side before the server's goodbye would end the TLS session the next connection
     * resumes.
     */
    public static void release(SSLEngine engine) {
        if (NativeTls.isNative(engine)) {
            try {
                engine.closeInbound();
            } catch (SSLException e) {
                // the server said no goodbye: nothing to keep either way
            }
            drain(engine);
        }
    }

    /**
     * A native engine frees its memory and its two file descriptors (the pipe BoringSSL's glue
     * makes for every connection) only once nothing is left to send: an engine whose socket
     * never connected still holds its hello, and kept both until the collector found it
     * (a ping of a port that refuses ran out of open files). What is left goes nowhere.
     */
    private static void drain(SSLEngine engine) {
        java.nio.ByteBuffer sink = null;
        for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
            if (sink == null) {
                sink = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            }
            sink.clear();
            try {
                if (engine.wrap(java.nio.ByteBuffer.allocate(0), sink).bytesProduced() == 0) {
                    return;
                }
            } catch (SSLException e) {
                return; // the collector frees it, as before
            }
        }
    }

    /**
     * Open files each https connection of {@link #clientEngine}'s engines holds besides its
     * socket: 2 with the native engines (the pipe Conscrypt's native glue opens for every
     * connection, whether or not it is ever used), 0 with the JDK's. Loads the native library
     * the first time, as {@link #prepare()} does.
     */
    public int filesPerEngine() {
        return engineContext() == sslContext() ? 0 : 2;
    }

    /**
     * Layers TLS over a connected socket and completes the handshake (blocking), configured as
     * {@link #clientEngine}.
     */
    public SSLSocket handshake(Socket connected, String host, int port, String... protocols)
            throws IOException {
        String peer = unbracket(host);
        SSLSocket ssl = (SSLSocket) sslContext().getSocketFactory().createSocket(connected, peer, port,
                true);
        ssl.setSSLParameters(parameters(ssl.getSSLParameters(), peer, protocols, true));
        try {
            ssl.startHandshake();
        } catch (SSLException e) {
            throw ClientCertificateRequests.handshakeFailure(ssl, e);
        }
        return ssl;
    }

    /**
     * The TLS parameters {@link JdkHttpProbe}'s client starts from: the context's defaults
     * with ChaCha20-Poly1305 offered first ({@link #chaChaFirst}). The client adds the host
     * name check, SNI and ALPN itself.
     */
    public SSLParameters clientParameters() {
        SSLParameters p = sslContext().getDefaultSSLParameters();
        p.setCipherSuites(chaChaFirst(p.getCipherSuites()));
        return p;
    }

    /**
     * The given cipher suites with the ChaCha20-Poly1305 ones moved to the front, the others in
     * their order; nothing added or dropped. For the JDK's TLS only: Webprobe runs on the JIT's
     * first tier (ADR 0009), where the JDK's AES-GCM runs without the processor's AES
     * instructions, and ChaCha20-Poly1305 was made for exactly that client: the https ping ran
     * ~15 % more requests a second with it (docs/benchmarks.md, "Ping"; ADR 0011). Browsers on
     * hardware without AES instructions order their offer the same way; the server still
     * chooses.
     */
    static String[] chaChaFirst(String[] suites) {
        String[] out = new String[suites.length];
        int n = 0;
        for (String s : suites) {
            if (s.contains("_CHACHA20_POLY1305_")) {
                out[n++] = s;
            }
        }
        for (String s : suites) {
            if (!s.contains("_CHACHA20_POLY1305_")) {
                out[n++] = s;
            }
        }
        return out;
    }

    /**
     * @param jdk whether the engine or socket is the JDK's: BoringSSL orders its suites by the
     *     processor's AES instructions itself, and is fast with either
     */
    private SSLParameters parameters(SSLParameters p, String peer, String[] protocols,
            boolean jdk) {
        p.setCipherSuites(jdk ? chaChaFirst(p.getCipherSuites()) : nativeSuites);
        if (verifies && CertificateNames.jdkChecks(peer)) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        // else a name the JDK refuses to check (an underscore): TrustManagers checks it
        // (CertificateNames), as the JDK's check would fail whatever the certificate says
        if (!isIpLiteral(peer)) {
            // a fully qualified name's last dot is not sent, as browsers do; a name SNI
            // cannot carry (an underscore) goes without SNI
            SNIHostName sni = CertificateNames.sniName(peer);
            if (sni != null) {
                p.setServerNames(List.of(sni));
            }
        }
        if (protocols.length > 0) {
            p.setApplicationProtocols(protocols);
        }
        return p;
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host;
    }

    private static TrustException notRead(Path file, IOException e) {
        return new TrustException("Could not read the certificate file " + file + ": "
                + FileErrors.whyNotRead(e) + ".");
    }

    /**
     * Whether the native engine sends this host name as SNI: {@code localhost} and names with
     * a dot inside, not one ending in a dot ({@code wiki}, {@code example.com.} go to the
     * JDK's engine, which sends them), and that SNI can carry at all (not {@code a_b.example}).
     */
    private static boolean nativeNamesIt(String host) {
        return (host.equalsIgnoreCase("localhost")
                || (host.indexOf('.') > 0 && !host.endsWith(".")))
                && CertificateNames.sniName(host) != null;
    }

    private static boolean isIpLiteral(String host) {
        return CertificateNames.isIpLiteral(host);
    }

    /** @param provider null for the JDK's */
    private static SSLContext context(TrustManager tm, Provider provider) {
        try {
            SSLContext c = provider == null ? SSLContext.getInstance("TLS")
                    : SSLContext.getInstance("TLS", provider);
            // engines and sockets note a server's request for a client certificate, which a
            // TLS 1.2 failure ("handshake failure") does not name
            c.init(new javax.net.ssl.KeyManager[] {ClientCertificateRequests.keyManager()},
                    new TrustManager[] {tm}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no TLS implementation", e);
        }
    }

    /** A certificate file that cannot be used; the message is a plain sentence. */
    public static final class TrustException extends Exception {
        private static final long serialVersionUID = 1L;

        public TrustException(String message) {
            super(message);
        }
    }

}
