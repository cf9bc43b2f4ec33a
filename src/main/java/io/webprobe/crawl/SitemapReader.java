package io.webprobe.crawl;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import io.webprobe.http.ContentDecoding;
import io.webprobe.http.FetchRequest;
import io.webprobe.http.FetchResponse;
import io.webprobe.http.HttpProbe;
import io.webprobe.http.ResponseBody;
import io.webprobe.http.Urls;
import io.webprobe.http.WebUrl;
import io.webprobe.http.WebUrlException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads XML and text sitemaps (and sitemap index files, plain or gzip) with crawler-commons'
 * parser, fetching through the crawl's probe. Bounded: at most {@link #MAX_SITEMAPS} files and
 * {@code maxUrls} URLs. A sitemap that cannot be fetched or parsed is skipped, logged and named
 * in a sentence ({@link SitemapFault}).
 * One call at a time.
 */
final class SitemapReader {
    private static final Logger log = LoggerFactory.getLogger(SitemapReader.class);
    static final int MAX_SITEMAPS = 200;
    private static final long MAX_SITEMAP_BYTES = 60L * 1024 * 1024; // protocol limit is 50 MB

    private final HttpProbe probe;
    private final Duration timeout;
    /** The most of one sitemap read, as it comes and once undone ({@link #MAX_SITEMAP_BYTES}). */
    private final long maxBytes;
    private final SiteMapParser parser = new SiteMapParser(false);
    /** Plain sentences about sitemaps that could not be read. */
    private final List<String> problems = new ArrayList<>();

    SitemapReader(HttpProbe probe, Duration timeout) {
        this(probe, timeout, MAX_SITEMAP_BYTES);
    }

    /** With another limit on a sitemap's size (tests: a small one is as good, and quick). */
    SitemapReader(HttpProbe probe, Duration timeout, long maxBytes) {
        this.probe = probe;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        // the parser drops a URL it finds invalid (one with a space) without a word: each <loc>
        // is first written as a browser writes it, so only what no browser can open is dropped
        parser.setURLFilter(SitemapReader::asBrowserWritesIt);
    }

    /** A sitemap's {@code <loc>} as a browser writes that URL, or null when it is none. */
    static String asBrowserWritesIt(String loc) {
        try {
            return WebUrl.parse(loc).requestUrl();
        } catch (WebUrlException e) {
            return null;
        }
    }

    /**
     * The page URLs the sitemaps list, in order, without duplicates (by {@link WebUrl#key()}),
     * each read as a browser reads it: a sitemap that lists {@code /café} or {@code /my page}
     * as written, not percent-encoded, means {@code /caf%C3%A9} and {@code /my%20page}.
     *
     * @param named the sitemaps robots.txt names (a missing one is worth a word; a missing
     *     default {@code /sitemap.xml} is not)
     */
    List<WebUrl> read(List<String> sitemapUrls, int maxUrls, boolean named) {
        Deque<String> todo = new ArrayDeque<>(sitemapUrls);
        Set<String> seenMaps = new HashSet<>();
        // a sitemap robots.txt names, or an index lists, is expected to be there
        Set<String> expected = named ? new HashSet<>(sitemapUrls) : new HashSet<>();
        Map<String, WebUrl> urls = new LinkedHashMap<>();
        while (!todo.isEmpty() && seenMaps.size() < MAX_SITEMAPS && urls.size() < maxUrls
                && !Thread.currentThread().isInterrupted()) {
            String mapUrl = todo.poll();
            if (!seenMaps.add(mapUrl)) {
                continue;
            }
            AbstractSiteMap map = fetch(mapUrl, expected.contains(mapUrl));
            if (map instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps()) {
                    todo.add(child.getUrl().toString());
                    expected.add(child.getUrl().toString());
                }
            } else if (map instanceof SiteMap sitemap) {
                for (SiteMapURL u : sitemap.getSiteMapUrls()) {
                    if (urls.size() >= maxUrls) {
                        break;
                    }
                    try {
                        WebUrl url = WebUrl.parse(u.getUrl().toString());
                        urls.putIfAbsent(url.key(), url);
                    } catch (WebUrlException e) {
                        log.debug("Sitemap {} lists an invalid URL {}", mapUrl, u.getUrl());
                    }
                }
            }
        }
        return new ArrayList<>(urls.values());
    }

    /** Plain sentences about sitemaps that could not be read, in the order met. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private AbstractSiteMap fetch(String mapUrl, boolean expected) {
        FetchResponse r = null;
        try {
            r = probe.fetch(new FetchRequest(URI.create(mapUrl), "GET", timeout,
                    maxBytes, (status, type) -> true));
            if (r.status() < 200 || r.status() >= 300 || r.body() == null) {
                if (expected) {
                    problems.add("The sitemap " + mapUrl + " could not be read: "
                            + (r.status() > 0 ? "it answered HTTP " + r.status()
                                    : r.errorMessage().isEmpty() ? "no answer"
                                            : lowerFirst(r.errorMessage())) + ".");
                }
                return null;
            }
            // one array: the sitemap parser reads no stream (up to 60 MB, one sitemap at a time)
            byte[] content = r.body().bytes();
            String type = r.contentType().isEmpty() ? "text/xml" : r.contentType();
            if (content.length > 1 && content[0] == (byte) 0x1f && content[1] == (byte) 0x8b) {
                // a gzip (sitemap.xml.gz) is undone here, no further than a sitemap is read:
                // the parser undid it to its end, however large (1 GB of spaces in a 1 MB
                // file took a worker 9 s, which Stop could not end, nor the crawl before it)
                ContentDecoding.Decoded undone = ContentDecoding.decode(ResponseBody.of(content),
                        "gzip", maxBytes);
                try (ResponseBody xml = undone.body()) {
                    if (undone.truncated()) {
                        problems.add("The sitemap " + mapUrl + " could not be read: uncompressed,"
                                + " it is larger than " + maxBytes / (1024 * 1024)
                                + " MB (a sitemap may hold 50 MB).");
                        return null;
                    }
                    if (undone.failure() == null) {
                        content = xml.bytes();
                        type = "application/octet-stream"; // the parser then reads what it is
                    }
                }
            } else if (type.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                // labelled gzip, and not: undone on its way (Content-Encoding: gzip, as Apache's
                // AddEncoding x-gzip .gz sends a sitemap.xml.gz); the parser would undo it again
                // and call it no sitemap
                type = "application/octet-stream";
            }
            return parser.parseSiteMap(type, content, new URL(mapUrl));
        } catch (UnknownFormatException | IOException | IllegalArgumentException e) {
            log.info("Sitemap {} not read: {}", mapUrl, e.getMessage());
            problems.add("The sitemap " + mapUrl + " could not be read: "
                    + SitemapFault.reason(r == null ? null : r.body()));
            return null;
        } finally {
            if (r != null) {
                r.release();
            }
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The default location when robots.txt names none: /sitemap.xml on the site's host. */
    static String defaultFor(URI site) {
        return site.getScheme().toLowerCase(java.util.Locale.ROOT) + "://"
                + Urls.hostAndPort(site) + "/sitemap.xml";
    }
}
