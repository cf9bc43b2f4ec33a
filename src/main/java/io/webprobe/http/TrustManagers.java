package io.webprobe.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust managers behind {@link TlsTrust}: the JDK's, one that checks a chain against
 * several and names why it failed ({@link UntrustedCertificate}, {@link NameMismatch}, which
 * {@link ErrorClassifier} reads), and one that accepts anything ({@code --insecure}).
 */
final class TrustManagers {
    private TrustManagers() {}

    static X509ExtendedTrustManager jdkTrust() {
        try {
            return trustManager(null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK's certificate authorities cannot be read", e);
        }
    }

    static X509ExtendedTrustManager trustManager(KeyStore store)
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
    static final class CheckingTrustManager extends ClientSide {
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
                } catch (CertificateException e) {
                    outOfDate = e; // trusted, but out of date: another may trust it in date
                    continue;
                }
                checkNameTheJdkCannot(chain, host);
                return;
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

        /**
         * The name check for a host the JDK does not check (an underscore: {@link
         * CertificateNames}), whose connection asked for no JDK check ({@link TlsTrust}).
         */
        private static void checkNameTheJdkCannot(X509Certificate[] chain, String host)
                throws CertificateException {
            if (host != null && !CertificateNames.jdkChecks(host)
                    && (chain.length == 0 || !CertificateNames.matches(host, chain[0]))) {
                throw new NameMismatch(host, new CertificateException(
                        "No subject alternative DNS name matching " + host + " found."));
            }
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
    static final class AcceptingTrustManager extends ClientSide {
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
