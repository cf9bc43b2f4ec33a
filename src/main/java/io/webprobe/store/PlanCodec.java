package io.webprobe.store;

import io.webprobe.crawl.CrawlPlan;
import io.webprobe.crawl.CrawlScope;
import io.webprobe.crawl.Politeness;
import io.webprobe.crawl.SiteHeaders;
import io.webprobe.http.Header;
import io.webprobe.http.StatusSet;
import io.webprobe.http.Urls;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@link CrawlPlan} as rows of the {@code meta} table ({@code plan.threads = 8}…), so a crawl
 * file says how its crawl was made and a resume continues it the same way. A key missing from
 * an older file takes the plan's default; a file from before {@code plan.delay_ns} and
 * {@code plan.max_rps} has its per-host gap in whole ms ({@code plan.delay_ms}), which it
 * keeps. Request headers ({@link CrawlPlan#siteHeaders()}, ADR 0031): {@code plan.headers}
 * holds those that hold no secret, a line each ("Name: value"), and {@code plan.headers_not_kept}
 * the names of the others, a line each, never their values; both are written every time (empty
 * for none), so a plan changed in a resume leaves no stale line.
 */
final class PlanCodec {
    private static final String P = "plan.";
    /** How the keys of a list check's URLs begin: {@code plan.list.0}, {@code plan.list.1}… */
    static final String LIST_KEY = P + "list.";
    /** The first key after every {@link #LIST_KEY} one ('/' follows '.'). */
    static final String LIST_KEY_END = P + "list/";
    private static final String HEADERS = "headers";
    private static final String NOT_KEPT = "headers_not_kept";

    private PlanCodec() {}

    static Map<String, String> encode(CrawlPlan plan) {
        Map<String, String> m = new LinkedHashMap<>();
        // as asked: a URL typed with a stray "%" keeps it (CrawlPlan#requestTargets)
        m.put(P + "start_url", plan.requestUrl(plan.startUrl()));
        m.put(P + "threads", Integer.toString(plan.threads()));
        m.put(P + "max_depth", Integer.toString(plan.maxDepth()));
        m.put(P + "max_pages", Integer.toString(plan.maxPages()));
        m.put(P + "timeout_ms", Long.toString(plan.timeout().toMillis()));
        m.put(P + "user_agent", plan.userAgent());
        m.put(P + "max_body_bytes", Long.toString(plan.maxBodyBytes()));
        m.put(P + "check_external", Boolean.toString(plan.checkExternal()));
        m.put(P + "respect_robots", Boolean.toString(plan.respectRobots()));
        m.put(P + "follow_nofollow", Boolean.toString(plan.followNofollow()));
        m.put(P + "use_sitemaps", Boolean.toString(plan.useSitemaps()));
        m.put(P + "check_anchors", Boolean.toString(plan.checkAnchors()));
        CrawlScope s = plan.scope();
        m.put(P + "subdomains", Boolean.toString(s.subdomains()));
        putPatterns(m, P + "include.", s.include());
        putPatterns(m, P + "exclude.", s.exclude());
        m.put(P + "max_url_length", Integer.toString(s.maxUrlLength()));
        m.put(P + "max_segment_repeats", Integer.toString(s.maxSegmentRepeats()));
        m.put(P + "max_query_variants", Integer.toString(s.maxQueryVariants()));
        Politeness p = plan.politeness();
        m.put(P + "max_per_host", Integer.toString(p.maxPerHost()));
        // the gap exactly (1/300 s is 3,333,333 ns); delay_ms, cut to whole ms, only for
        // versions before these keys, which read it alone
        m.put(P + "delay_ms", Long.toString(p.delay().toMillis()));
        m.put(P + "delay_ns", Long.toString(p.delay().toNanos()));
        m.put(P + "max_rps", Double.toString(p.maxRequestsPerSecond()));
        m.put(P + "max_crawl_delay_ms", Long.toString(p.maxCrawlDelay().toMillis()));
        m.put(P + "max_retries", Integer.toString(p.maxRetries()));
        m.put(P + "max_retry_after_ms", Long.toString(p.maxRetryAfter().toMillis()));
        m.put(P + "retry_backoff_ms", Long.toString(p.retryBackoff().toMillis()));
        m.put(P + "allow_private", Boolean.toString(plan.allowPrivate()));
        m.put(P + "cookies", Boolean.toString(plan.cookies()));
        m.put(P + "insecure", Boolean.toString(plan.insecure()));
        m.put(P + "ca_cert_file", plan.caCertFile());
        m.put(P + "accept", plan.accept().toString());
        SiteHeaders h = plan.siteHeaders();
        m.put(P + HEADERS, String.join("\n", h.kept().stream().map(Header::line).toList()));
        m.put(P + NOT_KEPT, String.join("\n", h.notKept()));
        for (int i = 0; i < plan.list().size(); i++) {
            m.put(LIST_KEY + i, plan.requestUrl(plan.list().get(i)));
        }
        return m;
    }

    /**
     * @throws IllegalArgumentException when a value cannot be read back
     */
    static CrawlPlan decode(Map<String, String> meta) {
        String start = meta.get(P + "start_url");
        if (start == null) {
            throw new IllegalArgumentException("the crawl file has no start URL");
        }
        Map<URI, String> targets = new HashMap<>();
        CrawlPlan d = CrawlPlan.of(asked(start, targets), meta.getOrDefault(P + "user_agent",
                "Webprobe"));
        CrawlScope ds = d.scope();
        Politeness dp = d.politeness();
        CrawlScope scope = new CrawlScope(
                bool(meta, "subdomains", ds.subdomains()),
                patterns(meta, P + "include."),
                patterns(meta, P + "exclude."),
                integer(meta, "max_url_length", ds.maxUrlLength()),
                integer(meta, "max_segment_repeats", ds.maxSegmentRepeats()),
                integer(meta, "max_query_variants", ds.maxQueryVariants()));
        Politeness politeness = new Politeness(
                integer(meta, "max_per_host", dp.maxPerHost()),
                meta.containsKey(P + "delay_ns")
                        ? Duration.ofNanos(Long.parseLong(meta.get(P + "delay_ns")))
                        : millis(meta, "delay_ms", dp.delay()),
                millis(meta, "max_crawl_delay_ms", dp.maxCrawlDelay()),
                integer(meta, "max_retries", dp.maxRetries()),
                millis(meta, "max_retry_after_ms", dp.maxRetryAfter()),
                millis(meta, "retry_backoff_ms", dp.retryBackoff()),
                meta.containsKey(P + "max_rps") ? Double.parseDouble(meta.get(P + "max_rps"))
                        : dp.maxRequestsPerSecond());
        List<URI> list = new ArrayList<>();
        for (int i = 0; meta.containsKey(LIST_KEY + i); i++) {
            list.add(asked(meta.get(LIST_KEY + i), targets));
        }
        return d.toBuilder()
                .threads(integer(meta, "threads", d.threads()))
                .maxDepth(integer(meta, "max_depth", d.maxDepth()))
                .maxPages(integer(meta, "max_pages", d.maxPages()))
                .timeout(millis(meta, "timeout_ms", d.timeout()))
                .maxBodyBytes(Long.parseLong(meta.getOrDefault(P + "max_body_bytes",
                        Long.toString(d.maxBodyBytes()))))
                .checkExternal(bool(meta, "check_external", d.checkExternal()))
                .scope(scope)
                .respectRobots(bool(meta, "respect_robots", d.respectRobots()))
                .followNofollow(bool(meta, "follow_nofollow", d.followNofollow()))
                .useSitemaps(bool(meta, "use_sitemaps", d.useSitemaps()))
                .checkAnchors(bool(meta, "check_anchors", d.checkAnchors()))
                .politeness(politeness)
                .list(list)
                .requestTargets(targets)
                .allowPrivate(bool(meta, "allow_private", d.allowPrivate()))
                .cookies(bool(meta, "cookies", d.cookies()))
                .insecure(bool(meta, "insecure", d.insecure()))
                .caCertFile(meta.getOrDefault(P + "ca_cert_file", ""))
                .accept(meta.getOrDefault(P + "accept", "").isBlank() ? StatusSet.NONE
                        : StatusSet.parse(meta.get(P + "accept")))
                .siteHeaders(headers(meta))
                .build();
    }

    /** The request headers a file keeps, and the names of those it does not ("" for none). */
    private static SiteHeaders headers(Map<String, String> meta) {
        List<Header> kept = meta.getOrDefault(P + HEADERS, "").lines()
                .map(SiteHeaders::parseLine).toList();
        List<String> notKept = meta.getOrDefault(P + NOT_KEPT, "").lines().toList();
        return kept.isEmpty() && notKept.isEmpty() ? SiteHeaders.NONE
                : SiteHeaders.stored(kept, notKept);
    }

    /**
     * The URI of a start or list URL as stored (the crawl's form, {@link
     * CrawlPlan#requestUrl}), its request target put in {@code targets} when the URI cannot
     * say it.
     */
    private static URI asked(String url, Map<URI, String> targets) {
        URI uri = Urls.toUri(url);
        String target = Urls.requestTarget(url);
        if (target != null) {
            targets.put(uri, target);
        }
        return uri;
    }

    private static void putPatterns(Map<String, String> m, String prefix, List<Pattern> ps) {
        for (int i = 0; i < ps.size(); i++) {
            m.put(prefix + i, ps.get(i).pattern());
        }
    }

    private static List<Pattern> patterns(Map<String, String> meta, String prefix) {
        List<Pattern> out = new ArrayList<>();
        for (int i = 0; meta.containsKey(prefix + i); i++) {
            out.add(Pattern.compile(meta.get(prefix + i)));
        }
        return out;
    }

    private static boolean bool(Map<String, String> meta, String key, boolean dflt) {
        String v = meta.get(P + key);
        return v == null ? dflt : Boolean.parseBoolean(v);
    }

    private static int integer(Map<String, String> meta, String key, int dflt) {
        String v = meta.get(P + key);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static Duration millis(Map<String, String> meta, String key, Duration dflt) {
        String v = meta.get(P + key);
        return v == null ? dflt : Duration.ofMillis(Long.parseLong(v));
    }
}
