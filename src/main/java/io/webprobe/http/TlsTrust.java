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
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
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
                defaults = new TlsTrust(() -> new CheckingTrustManager(List.of(jdkTrust())),
                        true, "the JDK's certificate authorities");
            }
            return defaults;
        }
    }

    /** Any certificate for any name: for a test server with a self-signed certificate. */
    public static TlsTrust insecure() {
        return new TlsTrust(AcceptingTrustManager::new, false, "any certificate (not checked)");
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
            own = trustManager(store);
        } catch (GeneralSecurityException | IOException e) {
            throw new TrustException("The certificates in " + file + " cannot be used: "
                    + e.getMessage() + ".");
        }
        X509ExtendedTrustManager jdk = jdkTrust();
        return new TlsTrust(() -> new CheckingTrustManager(List.of(own, jdk)), true,
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
     * and a server choosing its site by SNI would answer with another certificate.
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
            throw ASKED_SOCKETS.remove(ssl) ? named(e) : e;
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
        if (verifies) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isIpLiteral(peer)) {
            try {
                // a fully qualified name's last dot is not sent, as browsers do
                p.setServerNames(List.of(new SNIHostName(peer.endsWith(".")
                        ? peer.substring(0, peer.length() - 1) : peer)));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (an underscore): connect without SNI
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
     * JDK's engine, which sends them).
     */
    private static boolean nativeNamesIt(String host) {
        return host.equalsIgnoreCase("localhost")
                || (host.indexOf('.') > 0 && !host.endsWith("."));
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0
                || !host.isEmpty() && host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** @param provider null for the JDK's */
    private static SSLContext context(TrustManager tm, Provider provider) {
        try {
            SSLContext c = provider == null ? SSLContext.getInstance("TLS")
                    : SSLContext.getInstance("TLS", provider);
            // engines and sockets note a server's request for a client certificate, which a
            // TLS 1.2 failure ("handshake failure") does not name
            c.init(new javax.net.ssl.KeyManager[] {CLIENT_CERT_ASKED},
                    new TrustManager[] {tm}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java has no TLS implementation", e);
        }
    }

    /**
     * Whether the server of this engine's handshake asked for a client certificate (native
     * engines only): then a failed handshake is that, whatever alert the server sent.
     */
    public static boolean clientCertificateAsked(SSLEngine engine) {
        return ASKED.contains(peer(engine));
    }

    /**
     * A failed handshake of this engine as the caller should report it: named a request for a
     * client certificate when the server made one (TLS 1.2 servers then say only "handshake
     * failure"), else as it is.
     */
    public static SSLException handshakeFailure(SSLEngine engine, SSLException e) {
        return clientCertificateAsked(engine) ? named(e) : e;
    }

    /**
     * The servers (host:port) that asked for a client certificate: by peer, since the engine a
     * native library hands its key manager may be the one inside the engine the caller holds.
     */
    private static final Set<String> ASKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static String peer(SSLEngine engine) {
        return engine.getPeerHost() + ":" + engine.getPeerPort();
    }

    /** The sockets of {@link #handshake} whose server asked for a client certificate. */
    private static final Set<Socket> ASKED_SOCKETS =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(
                    new java.util.WeakHashMap<>()));

    /** A failed handshake after the server asked for a client certificate says so. */
    private static SSLException named(SSLException e) {
        SSLHandshakeException named = new SSLHandshakeException(
                "Received fatal alert: certificate_required");
        named.initCause(e);
        return named;
    }

    /** Sends no client certificate, and remembers the engines whose server asked for one. */
    private static final javax.net.ssl.X509ExtendedKeyManager CLIENT_CERT_ASKED =
            new javax.net.ssl.X509ExtendedKeyManager() {
                @Override
                public String chooseEngineClientAlias(String[] keyType,
                        java.security.Principal[] issuers, SSLEngine engine) {
                    if (engine != null) {
                        ASKED.add(peer(engine));
                    }
                    return null;
                }

                @Override
                public String[] getClientAliases(String keyType,
                        java.security.Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseClientAlias(String[] keyType,
                        java.security.Principal[] issuers, java.net.Socket socket) {
                    if (socket != null) {
                        ASKED_SOCKETS.add(socket);
                    }
                    return null;
                }

                @Override
                public String[] getServerAliases(String keyType,
                        java.security.Principal[] issuers) {
                    return null;
                }

                @Override
                public String chooseServerAlias(String keyType,
                        java.security.Principal[] issuers, java.net.Socket socket) {
                    return null;
                }

                @Override
                public java.security.cert.X509Certificate[] getCertificateChain(String alias) {
                    return null;
                }

                @Override
                public java.security.PrivateKey getPrivateKey(String alias) {
                    return null;
                }
            };

    private static X509ExtendedTrustManager jdkTrust() {
        try {
            return trustManager(null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's certificate authorities cannot be read", e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore store)
            throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(
                TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** A certificate file that cannot be used; the message is a plain sentence. */
    public static final class TrustException extends Exception {
        private static final long serialVersionUID = 1L;

        public TrustException(String message) {
            super(message);
        }
    }

    /** Nobody trusts the chain (self-signed, unknown authority, expired...). */
    static final class UntrustedCertificate extends CertificateException {
        private static final long serialVersionUID = 1L;

        UntrustedCertificate(CertificateException cause) {
            super("The certificate is not trusted", cause);
        }
    }

    /** The chain is trusted but not issued for the host that was asked for. */
    static final class NameMismatch extends CertificateException {
        private static final long serialVersionUID = 1L;
        final String host;

        NameMismatch(String host, CertificateException cause) {
            super("The certificate is not for " + host, cause);
            this.host = host;
        }
    }

    /**
     * Trusts a chain when one of its delegates does, and when none does, says whether the name
     * was the problem: a chain that a delegate trusts without the identity check is a
     * {@link NameMismatch}, otherwise an {@link UntrustedCertificate}.
     */
    private static final class CheckingTrustManager extends ClientSide {
        private final List<X509ExtendedTrustManager> delegates;

        CheckingTrustManager(List<X509ExtendedTrustManager> delegates) {
            this.delegates = List.copyOf(delegates);
        }

        @FunctionalInterface
        private interface Check {
            void run(X509ExtendedTrustManager tm) throws CertificateException;
        }

        private void check(X509Certificate[] chain, String authType, String host, Check check)
                throws CertificateException {
            CertificateException first = null;
            CertificateException outOfDate = null;
            for (X509ExtendedTrustManager tm : delegates) {
                try {
                    check.run(tm);
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                    continue;
                }
                try {
                    CertificateDates.check(chain, tm.getAcceptedIssuers());
                    return;
                } catch (CertificateException e) {
                    outOfDate = e; // trusted, but out of date: another may trust it in date
                }
            }
            if (outOfDate != null) {
                throw new UntrustedCertificate(outOfDate);
            }
            boolean trustedWithoutName = false;
            for (X509ExtendedTrustManager tm : delegates) {
                try {
                    tm.checkServerTrusted(chain, authType);
                    trustedWithoutName = true;
                    break;
                } catch (CertificateException e) {
                    // not this one
                }
            }
            throw trustedWithoutName && host != null ? new NameMismatch(host, first)
                    : new UntrustedCertificate(first);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType, engine == null ? null : engine.getPeerHost(),
                    tm -> tm.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            String host = socket instanceof SSLSocket s && s.getHandshakeSession() != null
                    ? s.getHandshakeSession().getPeerHost() : null;
            check(chain, authType, host, tm -> tm.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            check(chain, authType, null, tm -> tm.checkServerTrusted(chain, authType));
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            List<X509Certificate> all = new ArrayList<>();
            for (X509ExtendedTrustManager tm : delegates) {
                all.addAll(List.of(tm.getAcceptedIssuers()));
            }
            return all.toArray(X509Certificate[]::new);
        }
    }

    /** A trust manager of a client: it is never asked to trust a client's certificate. */
    private abstract static class ClientSide extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine e)
                throws CertificateException {
            throw new CertificateException("This client does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket s)
                throws CertificateException {
            throw new CertificateException("This client does not accept client certificates");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType)
                throws CertificateException {
            throw new CertificateException("This client does not accept client certificates");
        }
    }

    /** Accepts every server certificate for every name (insecure). */
    private static final class AcceptingTrustManager extends ClientSide {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine e) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket s) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
