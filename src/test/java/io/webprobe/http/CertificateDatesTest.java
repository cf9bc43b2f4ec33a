package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The dates PKIX leaves out: the trust anchor's, whether it is the server's or its CA's. */
class CertificateDatesTest {
    @TempDir
    static Path dir;
    static X509Certificate expiredCa;
    /** The same CA's key and name, certified anew: in date. */
    static X509Certificate renewedCa;
    static X509Certificate leaf;
    static X509Certificate expiredLeaf;

    @BeforeAll
    @Timeout(240) // six keytool runs, each a JVM of its own
    static void certificates() throws Exception {
        Path ks = dir.resolve("ca.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-startdate", "-10d", "-validity", "2", "-keystore", ks);
        expiredCa = export(ks, "ca");
        keytool("-genkeypair", "-alias", "leaf", "-keyalg", "EC", "-dname", "CN=localhost",
                "-keystore", ks);
        leaf = signed(ks, "+0d");
        expiredLeaf = signed(ks, "-10d");
        keytool("-selfcert", "-alias", "ca", "-validity", "30", "-keystore", ks);
        renewedCa = export(ks, "ca");
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

    /** The leaf's key certified by the CA, valid two days from {@code start}. */
    private static X509Certificate signed(Path ks, String start) throws Exception {
        Path req = dir.resolve("leaf.csr");
        Path out = dir.resolve("leaf" + start + ".pem");
        keytool("-certreq", "-alias", "leaf", "-keystore", ks, "-file", req);
        keytool("-gencert", "-alias", "ca", "-keystore", ks, "-infile", req, "-outfile", out,
                "-rfc", "-startdate", start, "-validity", "2", "-ext", "SAN=dns:localhost");
        return read(Files.readAllBytes(out));
    }

    private static X509Certificate export(Path ks, String alias) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        return (X509Certificate) store.getCertificate(alias);
    }

    private static X509Certificate read(byte[] pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
    }

    private static void keytool(Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit"));
        for (Object a : args) {
            cmd.add(a.toString());
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
