package io.webprobe.crawl;

import io.webprobe.http.CrawlHttpProbe;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.TlsTrust;
import java.net.CookieManager;
import java.net.ProxySelector;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The HTTP backend a crawl plan asks for: {@link CrawlHttpProbe} (plain http over the lean
 * blocking client, https over java.net.http, HTTP/2 where the server offers it),
 * the plan's certificate trust (the usual authorities, a PEM file besides them, or any
 * certificate) and its cookie setting. One rule for the command line, the desktop app, resume
 * and re-check.
 */
public final class CrawlProbes {
    /** The longest connect timeout, whatever the request timeout. */
    public static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private CrawlProbes() {}

    /**
     * A probe for the plan.
     *
     * @param connectTimeout the TCP connect timeout (at most the plan's request timeout)
     * @throws TlsTrust.TrustException with a plain sentence when the certificate file cannot be
     *     read
     */
    public static HttpProbe forPlan(CrawlPlan plan, Duration connectTimeout)
            throws TlsTrust.TrustException {
        return forPlan(plan, connectTimeout, trust(plan));
    }

    /**
     * A probe for the plan that trusts {@code trust} ({@link #trust} of the plan, read before:
     * a certificate file that is a named pipe gives its certificates once).
     *
     * @param connectTimeout the TCP connect timeout (at most the plan's request timeout)
     */
    public static HttpProbe forPlan(CrawlPlan plan, Duration connectTimeout, TlsTrust trust) {
        Duration connect =
                connectTimeout.compareTo(plan.timeout()) < 0 ? connectTimeout : plan.timeout();
        // a proxy set for the JVM: java.net.http takes it from the default selector, ours is
        // given it, so a request goes the same way through either (before, java.net.http took
        // every request then, and sent a stray "%" of /a%zz as %25, another URL)
        return forPlan(plan, connect, trust, proxied() ? ProxySelector.getDefault() : null);
    }

    /**
     * A probe for the plan whose plain-http requests (and the https ones java.net.http cannot
     * make as a browser does) go through the HTTP proxy {@code proxies} names, null for none.
     */
    static HttpProbe forPlan(CrawlPlan plan, Duration connect, TlsTrust trust,
            ProxySelector proxies) {
        // one cookie jar for http and https, as a browser has
        CookieManager jar = plan.cookies() ? JdkHttpProbe.newCookieJar() : null;
        return new CrawlHttpProbe(new Http1Probe(plan.userAgent(), connect, trust, proxies), jar,
                () -> new JdkHttpProbe(plan.userAgent(), connect, trust, jar));
    }

    private static boolean proxied() {
        return !System.getProperty("http.proxyHost", "").isEmpty()
                || !System.getProperty("https.proxyHost", "").isEmpty()
                || Boolean.getBoolean("java.net.useSystemProxies");
    }

    /** A probe for the plan with the usual connect timeout. */
    public static HttpProbe forPlan(CrawlPlan plan) throws TlsTrust.TrustException {
        return forPlan(plan, MAX_CONNECT_TIMEOUT);
    }

    /** The certificates the plan trusts. */
    public static TlsTrust trust(CrawlPlan plan) throws TlsTrust.TrustException {
        if (plan.insecure()) {
            return TlsTrust.insecure();
        }
        if (!plan.caCertFile().isEmpty()) {
            return TlsTrust.fromPemFile(Path.of(plan.caCertFile()));
        }
        return TlsTrust.defaults();
    }
}
