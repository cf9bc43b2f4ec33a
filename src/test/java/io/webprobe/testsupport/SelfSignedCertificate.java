package io.webprobe.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
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
