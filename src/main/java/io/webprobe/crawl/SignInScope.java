package io.webprobe.crawl;

import io.webprobe.http.SignInReach;
import io.webprobe.http.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which of a crawl's requests carry its {@link SiteHeaders} (a sign-in, a session cookie, a
 * token): those to the site's own URLs ({@code ofSite}, the scope as the start URL's redirects
 * widen it) on a start URL's host, or on the www and bare names of its domain and their
 * subdomains, by {@link SignInReach}'s rule for scheme and port: never from https down to
 * http, never to another port. A start URL that redirects to another domain (a sign-in page
 * of a third party, a site that moved) widens the crawl there, but its password stays with
 * the site it was given for. Immutable; safe from every worker.
 */
final class SignInScope implements Predicate<URI> {
    /** The start URLs by their domain ({@link CrawlScope#siteDomain}). */
    private final Map<String, List<URI>> startsByDomain;
    private final Predicate<URI> ofSite;

    private SignInScope(Map<String, List<URI>> startsByDomain, Predicate<URI> ofSite) {
        this.startsByDomain = startsByDomain;
        this.ofSite = ofSite;
    }

    /**
     * @param ofSite whether a URL belongs to the site (for a re-check of a stored row, which
     *     already says so, every URL)
     */
    static SignInScope of(CrawlPlan plan, Predicate<URI> ofSite) {
        List<URI> starts = plan.list().isEmpty() ? List.of(plan.startUrl()) : plan.list();
        Map<String, List<URI>> byDomain = new HashMap<>();
        for (URI start : starts) {
            byDomain.computeIfAbsent(CrawlScope.siteDomain(start), d -> new ArrayList<>())
                    .add(start);
        }
        return new SignInScope(Map.copyOf(byDomain), ofSite);
    }

    @Override
    public boolean test(URI uri) {
        if (!ofSite.test(uri)) {
            return false;
        }
        // the host and each domain above it ("a.b.example.com", "b.example.com", ...), and
        // its name without "www.", as CrawlScope.siteDomain writes a start's domain
        String host = Urls.host(uri);
        if (allows(CrawlScope.siteDomain(uri), uri)) {
            return true;
        }
        for (int dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
            if (allows(host.substring(dot + 1), uri)) {
                return true;
            }
        }
        return false;
    }

    private boolean allows(String domain, URI uri) {
        List<URI> starts = startsByDomain.get(domain);
        if (starts == null) {
            return false;
        }
        for (URI start : starts) {
            if (SignInReach.schemeAndPortAllow(start, uri)) {
                return true;
            }
        }
        return false;
    }
}
