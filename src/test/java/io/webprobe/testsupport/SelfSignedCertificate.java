package io.webprobe.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate made for a test by the JDK's own keytool (no file is
 * shipped): its key store for a loopback TLS server and its PEM file for a client to trust.
 *
 * @param keyStore the PKCS12 key store (password {@link #PASSWORD})
 * @param pem the certificate alone, PEM-encoded
 */
public record SelfSignedCertificate(Path keyStore, Path pem) {
    public static final String PASSWORD = "changeit";

    /**
     * Makes a key pair and certificate valid for the given subject alternative names.
     *
     * @param dir where the files go
     * @param name a file name prefix
     * @param san keytool's SAN list, e.g. {@code "ip:127.0.0.1,dns:localhost"}
     */
    public static SelfSignedCertificate create(Path dir, String name, String san)
            throws IOException, InterruptedException {
        return create(dir, name, san, "+0d");
    }

    /**
     * As {@link #create}, valid for two days from {@code start}: keytool's
     * {@code -startdate}, e.g. {@code "-10d"} for one that expired eight days ago.
     */
    public static SelfSignedCertificate create(Path dir, String name, String san, String start)
            throws IOException, InterruptedException {
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + name, "-ext", "SAN=" + san, "-startdate", start, "-validity", "2",
                "-keystore", ks.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(),
                "-storepass", PASSWORD, "-file", pem.toString());
        return new SelfSignedCertificate(ks, pem);
    }

    /**
     * Makes a key pair and certificate valid for the given DNS names, which may hold what
     * keytool refuses: an underscore ({@code a_b.localhost}), which certificates name and
     * browsers accept. Built here in DER (RFC 5280: version 3, one subject alternative name
     * extension, ECDSA P-256 with SHA-256), valid from a day ago for two days.
     */
    public static SelfSignedCertificate forDnsNames(Path dir, String name, String... dnsNames)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        byte[] ecdsaSha256 = der(0x30, der(0x06, bytes(0x2A, 0x86, 0x48, 0xCE, 0x3D, 4, 3, 2)));
        byte[] cn = der(0x30, der(0x31, der(0x30, der(0x06, bytes(0x55, 4, 3)),
                der(0x0C, name.getBytes(StandardCharsets.UTF_8)))));
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC);
        Instant now = Instant.now();
        byte[] validity = der(0x30,
                der(0x17, utc.format(now.minus(Duration.ofDays(1))).getBytes(StandardCharsets.US_ASCII)),
                der(0x17, utc.format(now.plus(Duration.ofDays(1))).getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String dns : dnsNames) {
            names.writeBytes(der(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        byte[] san = der(0x30, der(0x06, bytes(0x55, 0x1D, 0x11)),
                der(0x04, der(0x30, names.toByteArray())));
        byte[] tbs = der(0x30, der(0xA0, der(0x02, bytes(2))),
                der(0x02, bytes(1, (int) (now.toEpochMilli() & 0x7F))), ecdsaSha256, cn,
                validity, cn, pair.getPublic().getEncoded(), der(0xA3, der(0x30, san)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] encoded = der(0x30, tbs, ecdsaSha256, der(0x03, bitString));
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));

        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", pair.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(ks)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(encoded)
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return new SelfSignedCertificate(ks, pem);
    }

    /** One DER element: tag, definite length, the contents concatenated. */
    private static byte[] der(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : contents) {
            body.writeBytes(c);
        }
        int n = body.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 4);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n & 0xFF);
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }

    /** A server-side context presenting this certificate. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }
}
