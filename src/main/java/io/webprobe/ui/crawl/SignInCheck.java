package io.webprobe.ui.crawl;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlProbes;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.SignInReach;
import io.webprobe.http.TlsTrust;
import io.webprobe.http.Urls;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Whether a crawl's site asks for a sign-in, asked before the crawl is resumed. A resumed crawl
 * does not fetch its start URL again (it finished), so a site behind a password, resumed in
 * another window or after a restart (the sign-in is never stored), would answer every page
 * left with 401: its start URL is asked first, as the crawl asks it (the plan's certificates,
 * user agent and the sign-in held, if any), following its redirects that its sign-in may reach ({@link SignInReach}).
 * Blocks; called on a background thread.
 */
final class SignInCheck {
    /** Redirects followed on the site's host before giving up (no answer is then assumed). */
    static final int MAX_HOPS = 5;

    private SignInCheck() {}

    /**
     * What the plan's start URL answers now, with this sign-in, after its redirects on its
     * host: an HTTP status, or 0 when it did not answer (or the plan is a list check, which has
     * no site, or its certificate file cannot be read: the resume says so itself).
     */
    static int startStatus(CrawlPlan plan, SiteHeaders signIn) {
        if (plan.isList()) {
            return 0;
        }
        HttpProbe probe;
        try {
            probe = CrawlProbes.forPlan(plan);
        } catch (TlsTrust.TrustException | RuntimeException e) {
            return 0;
        }
        try (probe) {
            return startStatus(probe, plan, signIn);
        }
    }

    static int startStatus(HttpProbe probe, CrawlPlan plan, SiteHeaders signIn) {
        URI start = plan.startUrl();
        URI uri = start;
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            // only hops the sign-in may reach are followed (SignInReach, the crawl's rule too)
            // the start URL asked as the crawl asks it (as typed: /100%.html, not /100%25.html)
            FetchResponse r = probe.fetch(new FetchRequest(uri, "GET", plan.timeout(), 0,
                    FetchRequest.BodyPolicy.NEVER, signIn.headers(), false).withTarget(
                            hop == 0 ? Urls.requestTarget(plan.startRequestUrls().get(0))
                                    : null));
            try {
                if (!r.hasResponse()) {
                    return 0;
                }
                if (!r.isRedirect()) {
                    return r.status();
                }
                URI next = Urls.resolve(uri, r.location());
                if (!SignInReach.reaches(start, next)) {
                    return r.status(); // it leaves the site: that is the crawl's to find
                }
                uri = next;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return r.status();
            } finally {
                r.release();
            }
        }
        return 0;
    }
}
