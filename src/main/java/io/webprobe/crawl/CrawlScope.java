package io.webprobe.crawl;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which discovered URLs a crawl follows, and the guards against crawler traps. Immutable.
 *
 * @param subdomains crawl every subdomain of the start domain (its host without "www."), not
 *     only the start host
 * @param include when not empty, a URL of the site is crawled only if one of these matches it
 *     (anywhere in the URL)
 * @param exclude URLs matching any of these are neither crawled nor checked, and hrefs that are
 *     no URL (a malformed URL, a bad mailto: address, a file: link) matching one are not
 *     reported as broken links ({@link #excludes})
 * @param maxUrlLength longer URLs are skipped as a likely trap
 * @param maxSegmentRepeats a path in which one segment occurs more often than this
 *     ({@code /a/b/a/b/a/b}) is skipped as a likely trap
 * @param maxQueryVariants how many different query strings one path may have before more are
 *     skipped (a calendar linking to {@code ?month=N+1} forever)
 */
public record CrawlScope(
        boolean subdomains,
        List<Pattern> include,
        List<Pattern> exclude,
        int maxUrlLength,
        int maxSegmentRepeats,
        int maxQueryVariants) {

    // the defaults as constants, so the command line's options can name them too
    public static final int DEFAULT_MAX_URL_LENGTH = 2000;
    public static final int DEFAULT_MAX_SEGMENT_REPEATS = 2;
    public static final int DEFAULT_MAX_QUERY_VARIANTS = 200;
    public static final CrawlScope DEFAULT = new CrawlScope(false, List.of(), List.of(),
            DEFAULT_MAX_URL_LENGTH, DEFAULT_MAX_SEGMENT_REPEATS, DEFAULT_MAX_QUERY_VARIANTS);

    public CrawlScope {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (maxUrlLength < 10) {
            throw new IllegalArgumentException("maxUrlLength must be at least 10");
        }
        if (maxSegmentRepeats < 1) {
            throw new IllegalArgumentException("maxSegmentRepeats must be at least 1");
        }
        if (maxQueryVariants < 1) {
            throw new IllegalArgumentException("maxQueryVariants must be at least 1");
        }
    }

    /**
     * Whether an include or exclude pattern is blank. An empty pattern matches every URL, so
     * an exclude would skip the whole site and an include would keep all of it: never what
     * was meant (an unset shell variable, an empty line). The Crawl settings skip a blank line;
     * the command line refuses a blank pattern.
     */
    public static boolean isBlankPattern(String regex) {
        return regex.isBlank();
    }

    /**
     * Why an include or exclude pattern can never match, as the end of a sentence naming it
     * ("can never match: …"), or null. Patterns are matched against the whole URL, as
     * Screaming Frog and lychee match theirs, so one anchored at the start of a path
     * ({@code ^/blog}) matches no URL: an include would keep only the start page, and an
     * exclude would leave in what it was to keep out. The one rule for the Crawl settings and
     * the command line, which refuse such a pattern as they refuse a blank one.
     */
    public static String neverMatches(String regex) {
        List<String> alternatives = topLevelAlternatives(regex);
        StringBuilder fromPath = new StringBuilder();
        StringBuilder anywhere = new StringBuilder();
        for (String a : alternatives) {
            String path = a.startsWith("^/") || a.startsWith("^\\/") ? a.substring(1) : null;
            if (path == null) {
                return null; // this branch can match: the pattern is not wrong
            }
            String or = fromPath.isEmpty() ? "" : "|";
            fromPath.append(or).append("^https?://[^/]+").append(path);
            anywhere.append(or).append(path);
        }
        return "can never match: patterns are matched against the whole URL, so write '"
                + fromPath + "' to match from the start of the path, or '" + anywhere
                + "' to match it anywhere in the URL";
    }

    /** The pattern's branches split at each | outside brackets, groups and escapes. */
    private static List<String> topLevelAlternatives(String regex) {
        List<String> out = new java.util.ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++; // the escaped character is a literal
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(start, i));
                start = i + 1;
            }
        }
        out.add(regex.substring(start));
        return out;
    }

    public CrawlScope withSubdomains(boolean s) {
        return new CrawlScope(s, include, exclude, maxUrlLength, maxSegmentRepeats, maxQueryVariants);
    }

    public CrawlScope withInclude(List<Pattern> p) {
        return new CrawlScope(subdomains, p, exclude, maxUrlLength, maxSegmentRepeats, maxQueryVariants);
    }

    public CrawlScope withExclude(List<Pattern> p) {
        return new CrawlScope(subdomains, include, p, maxUrlLength, maxSegmentRepeats, maxQueryVariants);
    }

    public CrawlScope withMaxUrlLength(int n) {
        return new CrawlScope(subdomains, include, exclude, n, maxSegmentRepeats, maxQueryVariants);
    }

    public CrawlScope withMaxSegmentRepeats(int n) {
        return new CrawlScope(subdomains, include, exclude, maxUrlLength, n, maxQueryVariants);
    }

    public CrawlScope withMaxQueryVariants(int n) {
        return new CrawlScope(subdomains, include, exclude, maxUrlLength, maxSegmentRepeats, n);
    }

    /** The domain whose subdomains are in scope: the host without a leading "www.". */
    static String domainOf(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    /**
     * Whether a URL belongs to the site rather than to another host: one of the site's hosts
     * (host[:port] as {@link io.webprobe.http.Urls#hostAndPort} gives them: the start URL's and
     * those its redirects led to), or, with {@link #subdomains}, a subdomain of the start's
     * domain. The one rule for a running crawl and for a stored one read back.
     *
     * @param startDomain the start URL's domain, {@link #siteDomain}
     */
    public boolean ofSite(java.net.URI uri, java.util.Set<String> siteHosts,
            String startDomain) {
        return ofSite(io.webprobe.http.Urls.hostAndPort(uri), io.webprobe.http.Urls.host(uri),
                siteHosts, startDomain);
    }

    /**
     * The same for a URL already taken apart (a parsed link): its host[:port] as
     * {@link io.webprobe.http.Urls#hostAndPort} gives it, and its host.
     */
    public boolean ofSite(String hostAndPort, String host, java.util.Set<String> siteHosts,
            String startDomain) {
        return siteHosts.contains(hostAndPort) || hostInScope(host, startDomain);
    }

    /** The domain whose subdomains belong to a site that starts at this URL. */
    public static String siteDomain(java.net.URI start) {
        return domainOf(io.webprobe.http.Urls.host(start));
    }

    /** Whether a host belongs to the site that starts at {@code startHost}. */
    boolean hostInScope(String host, String startDomain) {
        String h = host.toLowerCase(Locale.ROOT);
        return subdomains && (h.equals(startDomain) || h.endsWith("." + startDomain));
    }

    /**
     * The stateless reasons not to follow a URL, or null. {@code internal} URLs get every
     * check; external ones only the exclude patterns and the length limit.
     */
    SkipReason check(URI uri, String url, boolean internal) {
        return check(uri, url, internal, true);
    }

    /**
     * As above; without the include patterns when {@code applyInclude} is false (a redirect's
     * target: followed to learn whether the link that led there is broken).
     */
    SkipReason check(URI uri, String url, boolean internal, boolean applyInclude) {
        if (excludes(url)) {
            return SkipReason.EXCLUDED;
        }
        if (url.length() > maxUrlLength) {
            return SkipReason.URL_TOO_LONG;
        }
        if (!internal) {
            return null;
        }
        if (applyInclude && !include.isEmpty()
                && include.stream().noneMatch(p -> p.matcher(url).find())) {
            return SkipReason.NOT_INCLUDED;
        }
        if (repeatsSegments(Objects.toString(uri.getRawPath(), ""))) {
            return SkipReason.REPEATED_SEGMENTS;
        }
        return null;
    }

    /**
     * Whether an exclude pattern matches, anywhere in the text: a URL in its URI form (as the
     * crawl keeps it), or an href that is no URL as {@link #hrefAsMatched} gives it.
     */
    public boolean excludes(String text) {
        for (Pattern p : exclude) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an exclude pattern leaves out a URL as a crawl file keeps it (its request form,
     * {@link io.webprobe.http.WebUrl#requestUrl}): matched in its URI form, as the crawl
     * matched it when it found it. Compare's rule for the other crawl's URLs.
     */
    public boolean excludesUrl(String url) {
        if (exclude.isEmpty()) {
            return false;
        }
        try {
            return excludes(io.webprobe.http.Urls.toUri(url).toString());
        } catch (IllegalArgumentException e) {
            return false; // no URL (a redirect's Location as sent): never requested, so kept
        }
    }

    /**
     * Whether an exclude pattern leaves out an href that is no URL, matched as
     * {@link #hrefAsMatched} gives it: the crawl's rule, and compare's for the other crawl's.
     */
    public boolean excludesHref(String href) {
        return excludes(hrefAsMatched(href));
    }

    /**
     * An href that is no URL (a malformed URL, a bad mailto: address, a file: link) as the
     * exclude patterns see it: as written in the page, without the spaces around it (as the
     * crawl reports it), its scheme in lower case, as the crawl writes every URL's ({@code
     * HTTP://Example.com/} is matched as {@code http://example.com/}): it has no URL form, so
     * nothing else is normalised. So {@code ^mailto:} or {@code ^file:} leaves out those broken
     * links, {@code MAILTO:} ones too, as LinkChecker's {@code --ignore-url} does. The include
     * patterns never apply to such an href: it is never crawled.
     */
    public static String hrefAsMatched(String href) {
        int colon = href.indexOf(':');
        if (colon <= 0) {
            return href; // no scheme: a relative href
        }
        for (int i = 0; i < colon; i++) {
            // a scheme is an ASCII letter, then letters, digits, +, - and . (RFC 3986)
            char c = href.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean more = i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!letter && !more) {
                return href; // no scheme: "/a:b" or "a b:c"
            }
        }
        return href.substring(0, colon).toLowerCase(Locale.ROOT) + href.substring(colon);
    }

    /**
     * Whether a key of the URLs left out and counted (the crawl file's {@code skips}) is an
     * href that is no URL ({@link #hrefAsMatched}, ADR 0032) rather than a URL's dedup key:
     * a URL's key is an http(s) URL that parses, and such an href never does. Files written
     * before such hrefs were counted hold none.
     */
    public static boolean isHrefKey(String key) {
        if (!key.startsWith("http://") && !key.startsWith("https://")) {
            return true;
        }
        try {
            io.webprobe.http.WebUrl.parse(key);
            return false;
        } catch (io.webprobe.http.WebUrlException e) {
            return true;
        }
    }

    private boolean repeatsSegments(String path) {
        String[] parts = path.split("/");
        if (parts.length <= maxSegmentRepeats + 1) {
            return false;
        }
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (String p : parts) {
            if (!p.isEmpty() && counts.merge(p, 1, Integer::sum) > maxSegmentRepeats) {
                return true;
            }
        }
        return false;
    }
}
