package io.webprobe.http;

import java.net.Socket;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The servers that asked for a client certificate during a handshake: the client sends none
 * (the key manager of every {@link TlsTrust} context only takes note), and a failed handshake
 * with such a server is named for what it was, since a TLS 1.2 server then sends only
 * "handshake failure". Thread-safe.
 */
public final class ClientCertificateRequests {
    private ClientCertificateRequests() {}

    /** The key manager of every context {@link TlsTrust} builds: sends no certificate, notes. */
    static KeyManager keyManager() {
        return NOTING;
    }

    /** A failed handshake of this socket as the caller should report it (see the engine's). */
    static SSLException handshakeFailure(SSLSocket socket, SSLException e) {
        return ASKED_SOCKETS.remove(socket) ? named(e) : e;
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
    private static final Set<String> ASKED = ConcurrentHashMap.newKeySet();

    private static String peer(SSLEngine engine) {
        return engine.getPeerHost() + ":" + engine.getPeerPort();
    }

    /** The sockets of {@link TlsTrust#handshake} whose server asked for a client certificate. */
    private static final Set<Socket> ASKED_SOCKETS =
            Collections.synchronizedSet(Collections.newSetFromMap(
                    new WeakHashMap<>()));

    /** A failed handshake after the server asked for a client certificate says so. */
    private static SSLException named(SSLException e) {
        SSLHandshakeException named = new SSLHandshakeException(
                "Received fatal alert: certificate_required");
        named.initCause(e);
        return named;
    }

    /** Sends no client certificate, and remembers the engines whose server asked for one. */
    private static final X509ExtendedKeyManager NOTING =
            new X509ExtendedKeyManager() {
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
                        java.security.Principal[] issuers, Socket socket) {
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
                        java.security.Principal[] issuers, Socket socket) {
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

}
