package io.webprobe.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
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
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed server certificate made for a test, in this process (no file is shipped and
 * no keytool is started): its key store for a loopback TLS server and its PEM file for a
 * client to trust. Built in DER (RFC 5280: version 3, one subject alternative name
 * extension, ECDSA P-256 with SHA-256). {@link #certifyCa} and {@link #certifyServer} make
 * the certificates of a test's own certificate authority the same way.
 *
 * @param keyStore the PKCS12 key store (password {@link #PASSWORD})
 * @param pem the certificate alone, PEM-encoded
 */
public record SelfSignedCertificate(Path keyStore, Path pem) {
    public static final String PASSWORD = "changeit";

    /**
     * Makes a key pair and certificate valid from now for two days for the given subject
     * alternative names.
     *
     * @param dir where the files go
     * @param name a file name prefix, also the certificate's common name
     * @param san the names as keytool writes them, e.g. {@code "ip:127.0.0.1,dns:localhost"}
     */
    public static SelfSignedCertificate create(Path dir, String name, String san)
            throws IOException, InterruptedException {
        return create(dir, name, san, "+0d");
    }

    /**
     * As {@link #create}, valid for two days from {@code start}, written as keytool's
     * {@code -startdate} offset in days, e.g. {@code "-10d"} for one that expired eight days
     * ago.
     */
    public static SelfSignedCertificate create(Path dir, String name, String san, String start)
            throws IOException, InterruptedException {
        if (!start.matches("[+-]\\d+d")) {
            throw new IllegalArgumentException("start must be like +0d or -10d: " + start);
        }
        Instant from = Instant.now().plus(Duration.ofDays(Long.parseLong(
                start.substring(start.startsWith("+") ? 1 : 0, start.length() - 1))));
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String entry : san.split(",")) {
            int colon = entry.indexOf(':');
            String kind = entry.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = entry.substring(colon + 1);
            switch (kind) {
                case "dns" -> names.writeBytes(der(0x82, value.getBytes(StandardCharsets.US_ASCII)));
                // an IP literal, so no lookup happens
                case "ip" -> names.writeBytes(der(0x87, InetAddress.getByName(value).getAddress()));
                default -> throw new IllegalArgumentException("unknown name kind: " + entry);
            }
        }
        try {
            return build(dir, name, names.toByteArray(), from, from.plus(Duration.ofDays(2)));
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /**
     * Makes a key pair and certificate valid for the given DNS names, which may hold what
     * keytool refuses: an underscore ({@code a_b.localhost}), which certificates name and
     * browsers accept. Valid from a day ago for two days.
     */
    public static SelfSignedCertificate forDnsNames(Path dir, String name, String... dnsNames)
            throws IOException, GeneralSecurityException {
        Instant now = Instant.now();
        return build(dir, name, dnsNames(dnsNames), now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(1)));
    }

    private static SelfSignedCertificate build(Path dir, String name, byte[] generalNames,
            Instant notBefore, Instant notAfter) throws IOException, GeneralSecurityException {
        Party self = Party.create(name);
        X509Certificate cert = sign(self, self, notBefore, notAfter,
                subjectAltNames(generalNames));

        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", self.keys().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(ks)) {
            store.store(out, PASSWORD.toCharArray());
        }
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
        return new SelfSignedCertificate(ks, pem);
    }

    /** A key pair (ECDSA P-256) and the common name it is certified under. */
    public record Party(String name, KeyPair keys) {
        public static Party create(String name) throws GeneralSecurityException {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return new Party(name, g.generateKeyPair());
        }
    }

    /**
     * A certificate authority's certificate (basic constraints, critical, cA true) for
     * {@code subject}'s key, signed by {@code issuer}'s: itself for a root.
     */
    public static X509Certificate certifyCa(Party subject, Party issuer, Instant notBefore,
            Instant notAfter) throws GeneralSecurityException {
        byte[] basicConstraints = der(0x30, der(0x06, bytes(0x55, 0x1D, 0x13)),
                der(0x01, bytes(0xFF)), der(0x04, der(0x30, der(0x01, bytes(0xFF)))));
        return sign(subject, issuer, notBefore, notAfter, basicConstraints);
    }

    /** A server's certificate for {@code subject}'s key and DNS names, signed by {@code issuer}. */
    public static X509Certificate certifyServer(Party subject, Party issuer, Instant notBefore,
            Instant notAfter, String... dnsNames) throws GeneralSecurityException {
        return sign(subject, issuer, notBefore, notAfter, subjectAltNames(dnsNames(dnsNames)));
    }

    /** The general names (RFC 5280) of these DNS names, concatenated. */
    private static byte[] dnsNames(String... dnsNames) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        for (String dns : dnsNames) {
            names.writeBytes(der(0x82, dns.getBytes(StandardCharsets.US_ASCII)));
        }
        return names.toByteArray();
    }

    /** The subject alternative name extension holding these general names. */
    private static byte[] subjectAltNames(byte[] generalNames) {
        return der(0x30, der(0x06, bytes(0x55, 0x1D, 0x11)), der(0x04, der(0x30, generalNames)));
    }

    /** Version 3, ECDSA with SHA-256, the one extension given (DER, with its OID). */
    private static X509Certificate sign(Party subject, Party issuer, Instant notBefore,
            Instant notAfter, byte[] extension) throws GeneralSecurityException {
        byte[] ecdsaSha256 = der(0x30, der(0x06, bytes(0x2A, 0x86, 0x48, 0xCE, 0x3D, 4, 3, 2)));
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .withZone(ZoneOffset.UTC);
        byte[] validity = der(0x30,
                der(0x17, utc.format(notBefore).getBytes(StandardCharsets.US_ASCII)),
                der(0x17, utc.format(notAfter).getBytes(StandardCharsets.US_ASCII)));
        byte[] serial = der(0x02, bytes(1, SERIALS.getAndIncrement() & 0x7F));
        byte[] tbs = der(0x30, der(0xA0, der(0x02, bytes(2))), serial, ecdsaSha256,
                commonName(issuer.name()), validity, commonName(subject.name()),
                subject.keys().getPublic().getEncoded(), der(0xA3, der(0x30, extension)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(issuer.keys().getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bitString = new byte[signature.length + 1]; // no unused bits
        System.arraycopy(signature, 0, bitString, 1, signature.length);
        byte[] encoded = der(0x30, tbs, ecdsaSha256, der(0x03, bitString));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(encoded));
    }

    private static byte[] commonName(String name) {
        return der(0x30, der(0x31, der(0x30, der(0x06, bytes(0x55, 4, 3)),
                der(0x0C, name.getBytes(StandardCharsets.UTF_8)))));
    }

    private static final AtomicInteger SERIALS = new AtomicInteger(1);

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
