package io.webprobe.crawl;

import io.webprobe.http.CrawlHttpProbe;
import io.webprobe.http.Http1Probe;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.JdkHttpProbe;
import io.webprobe.http.TlsTrust;
import java.net.CookieManager;
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
        Duration connect =
                connectTimeout.compareTo(plan.timeout()) < 0 ? connectTimeout : plan.timeout();
        TlsTrust trust = trust(plan);
        // a proxy set for the JVM is honoured by java.net.http only: it then takes every request
        if (proxied()) {
            return new JdkHttpProbe(plan.userAgent(), connect, trust, plan.cookies());
        }
        // one cookie jar for http and https, as a browser has
        CookieManager jar = plan.cookies() ? JdkHttpProbe.newCookieJar() : null;
        return new CrawlHttpProbe(new Http1Probe(plan.userAgent(), connect, trust), jar,
                () -> new JdkHttpProbe(plan.userAgent(), connect, trust, jar));
    }

    private static boolean proxied() {
        return !System.getProperty("http.proxyHost", "").isEmpty()
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
