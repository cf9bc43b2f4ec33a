package io.webprobe.http;

import java.security.Provider;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import org.conscrypt.Conscrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native TLS implementation the ping's event loops take their {@code SSLEngine}s from:
 * Conscrypt (BoringSSL behind the standard JSSE interfaces), found once per process. Under the
 * C1-only JIT Webprobe runs with (ADR 0009) the JDK's own TLS does its cipher work in plain
 * Java; BoringSSL uses the processor's AES instructions whatever the JIT, and an https ping
 * ran ~25 % more requests a second on a third less CPU (docs/decisions/0015).
 *
 * <p>Absent when Conscrypt has no native library for this platform, when the library cannot
 * be loaded (a temporary folder mounted {@code noexec}), or when the user asked for the JDK's
 * TLS with {@code -Dwebprobe.tls=jdk}: the engines then come from the JDK, which works the
 * same, only slower. Never throws.
 */
final class NativeTls {
    /** System property: {@code jdk} keeps every engine on the JDK's own TLS. */
    static final String PROPERTY = "webprobe.tls";

    private static final Logger LOG = LoggerFactory.getLogger(NativeTls.class);

    private NativeTls() {}

    /** The native provider, if this process can use it. */
    static Optional<Provider> provider() {
        return Optional.ofNullable(Holder.PROVIDER);
    }

    /** Whether the engine is one of the native provider's. */
    static boolean isNative(SSLEngine engine) {
        return Holder.PROVIDER != null && Conscrypt.isConscrypt(engine);
    }

    /** Loaded on first use: the native library is a few megabytes, and a crawl never asks. */
    private static final class Holder {
        static final Provider PROVIDER = load();
    }

    private static Provider load() {
        if ("jdk".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            LOG.debug("TLS from the JDK ({}=jdk)", PROPERTY);
            return null;
        }
        try {
            if (!Conscrypt.isAvailable()) {
                LOG.debug("TLS from the JDK: Conscrypt's native library did not load here");
                return null;
            }
            Provider p = Conscrypt.newProviderBuilder().setName("WebprobeConscrypt")
                    .provideTrustManager(false).build();
            Conscrypt.Version v = Conscrypt.version();
            LOG.debug("TLS from Conscrypt {}.{}.{}", v.major(), v.minor(), v.patch());
            return p;
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("TLS from the JDK: Conscrypt could not start", e);
            return null;
        }
    }
}
