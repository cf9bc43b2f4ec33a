package io.webprobe.ui.common;

import io.webprobe.http.Urls;
import java.net.URI;

/**
 * A URL shown by its path and query when it is on a given site (the same scheme, host and
 * port), where the host would read the same on every line: the Crawl tab's "Now fetching"
 * lines, the Ping tab's histogram title when every URL pinged is on one site; and a URL cut
 * by its path's end where rows share its site (UrlEnds).
 */
public final class SiteUrls {
    private SiteUrls() {}

    /** Whether {@code url} is on {@code site}: the same scheme, host and port. */
    public static boolean onSite(URI site, String url) {
        String its = siteOf(url);
        return site != null && its != null && its.equals(siteOf(site));
    }

    /**
     * {@code url}'s site, its scheme, host and port ("http://127.0.0.1:8080", the port left
     * out when it is the scheme's own): two URLs on one site ({@link #onSite}) have the same;
     * null for none, a URL with no host, or one not as the engine writes them.
     */
    public static String siteOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            return siteOf(Urls.toUri(url));
        } catch (IllegalArgumentException e) {
            return null; // not a URL as the engine writes them: shown as it is
        }
    }

    private static String siteOf(URI u) {
        return u.getScheme() == null || Urls.host(u).isEmpty() ? null
                : u.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + Urls.hostAndPort(u);
    }

    /** {@code url} by its path and query when it is on {@code site}, else whole. */
    public static String shown(URI site, String url) {
        if (!onSite(site, url)) {
            return url;
        }
        return pathOf(url);
    }

    /**
     * {@code url}'s path, query and fragment, from the "/" after its host ("/" for none): its
     * scheme and host left out, whichever site it is on.
     */
    public static String pathOf(String url) {
        int scheme = url.indexOf("://");
        int authority = scheme < 0 ? 0 : scheme + 3; // "" (no canonical, say): "/"
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String rest = url.substring(end);
        return rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
    }
}
