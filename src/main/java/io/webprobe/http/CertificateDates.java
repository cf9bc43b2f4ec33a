package io.webprobe.http;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The dates of a chain that a trust manager has already trusted, including those of its trust
 * anchor: Java's PKIX checks every certificate of the path except the anchor, so an expired
 * self-signed certificate given with {@code --cacert} (the anchor is the server's own
 * certificate) or an expired private CA was accepted, where curl and browsers refuse it.
 * Used by {@link TlsTrust}'s checking trust manager, so every engine and the crawl check alike.
 * Stateless.
 */
final class CertificateDates {
    private CertificateDates() {}

    /**
     * Checks the server's certificate and the anchor its path ends at, as PKIX builds it: at
     * the first certificate of the chain that is itself trusted, or else at the first one an
     * anchor issued. When several anchors could have issued it (a CA renewed under the same
     * name), one in date is enough. A path that ends nowhere this sees is left to the trust
     * manager that trusted it.
     *
     * @param chain the server's chain, its own certificate first
     * @param anchors the certificates the trust manager that accepted the chain trusts
     * @throws java.security.cert.CertificateExpiredException when one of them has expired
     * @throws java.security.cert.CertificateNotYetValidException when one is not valid yet
     */
    static void check(X509Certificate[] chain, X509Certificate[] anchors)
            throws CertificateException {
        if (chain == null || chain.length == 0) {
            return;
        }
        chain[0].checkValidity();
        for (X509Certificate c : chain) {
            if (endsAt(anchors, a -> sameCertificate(c, a))
                    || endsAt(anchors, a -> issued(a, c))) {
                return;
            }
        }
    }

    /**
     * Whether the path ends at one of the anchors that {@code ends} picks: true when one of
     * them is in date, false when none is picked.
     *
     * @throws CertificateException when every anchor picked is out of date
     */
    private static boolean endsAt(X509Certificate[] anchors,
            java.util.function.Predicate<X509Certificate> ends) throws CertificateException {
        CertificateException outOfDate = null;
        for (X509Certificate a : anchors) {
            if (ends.test(a)) {
                try {
                    a.checkValidity();
                    return true;
                } catch (CertificateException e) {
                    outOfDate = e;
                }
            }
        }
        if (outOfDate != null) {
            throw outOfDate;
        }
        return false;
    }

    /** The same certificate, or the same name and key (an anchor re-issued with new dates). */
    private static boolean sameCertificate(X509Certificate c, X509Certificate anchor) {
        return c.equals(anchor)
                || c.getSubjectX500Principal().equals(anchor.getSubjectX500Principal())
                        && c.getPublicKey().equals(anchor.getPublicKey());
    }

    private static boolean issued(X509Certificate anchor, X509Certificate c) {
        if (!anchor.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            return false;
        }
        try {
            c.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
