package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webprobe.testsupport.SelfSignedCertificate;
import io.webprobe.testsupport.SelfSignedCertificate.Party;
import java.security.cert.CertificateExpiredException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dates PKIX leaves out: the trust anchor's, whether it is the server's or its CA's. */
class CertificateDatesTest {
    static X509Certificate expiredCa;
    /** The same CA's key and name, certified anew: in date. */
    static X509Certificate renewedCa;
    static X509Certificate leaf;
    static X509Certificate expiredLeaf;

    /** Made in this process: the dates are the point, not keytool (six JVMs, ~9 s). */
    @BeforeAll
    static void certificates() throws Exception {
        Instant now = Instant.now();
        Party ca = Party.create("Test CA");
        Party server = Party.create("localhost");
        expiredCa = SelfSignedCertificate.certifyCa(ca, ca, days(now, -10), days(now, -8));
        leaf = SelfSignedCertificate.certifyServer(server, ca, now, days(now, 2), "localhost");
        expiredLeaf = SelfSignedCertificate.certifyServer(server, ca, days(now, -10),
                days(now, -8), "localhost");
        renewedCa = SelfSignedCertificate.certifyCa(ca, ca, now, days(now, 30));
    }

    private static Instant days(Instant from, int days) {
        return from.plus(Duration.ofDays(days));
    }

    @Test
    void aTrustedServerCertificateThatIsItsOwnAnchorIsStillCheckedForItsDates() {
        assertThatThrownBy(() -> CertificateDates.check(new X509Certificate[] {expiredCa},
                new X509Certificate[] {expiredCa})).isInstanceOf(CertificateExpiredException.class);
        assertThatThrownBy(() -> CertificateDates.check(new X509Certificate[] {expiredLeaf},
                new X509Certificate[] {renewedCa})).isInstanceOf(CertificateExpiredException.class);
    }

    @Test
    void theAnchorThePathEndsAtIsCheckedButOneInDateIsEnough() {
        X509Certificate[] chain = {leaf};
        assertThatThrownBy(() -> CertificateDates.check(chain,
                new X509Certificate[] {expiredCa})).isInstanceOf(CertificateExpiredException.class);
        assertThatCode(() -> CertificateDates.check(chain,
                new X509Certificate[] {expiredCa, renewedCa})).doesNotThrowAnyException();
        // the server sends its CA's old copy; the anchor it matches is the renewed one
        assertThatCode(() -> CertificateDates.check(new X509Certificate[] {leaf, expiredCa},
                new X509Certificate[] {renewedCa})).doesNotThrowAnyException();
        // a path that ends at no anchor here is left to the trust manager that trusted it
        assertThatCode(() -> CertificateDates.check(chain, new X509Certificate[0]))
                .doesNotThrowAnyException();
    }
}
