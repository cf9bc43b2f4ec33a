package io.webprobe.ui.common;

import io.webprobe.http.Urls;
import java.net.URI;

/**
 * A URL shown by its path and query when it is on a given site (the same scheme, host and
 * port), where the host would read the same on every line: the Crawl tab's "Now fetching"
 * lines, the Ping tab's histogram title when every URL pinged is on one site.
 */
public final class SiteUrls {
    private SiteUrls() {}

    /** Whether {@code url} is on {@code site}: the same scheme, host and port. */
    public static boolean onSite(URI site, String url) {
        if (site == null || url == null) {
            return false;
        }
        try {
            URI u = Urls.toUri(url);
            return u.getScheme() != null && site.getScheme() != null
                    && u.getScheme().equalsIgnoreCase(site.getScheme())
                    && !Urls.host(u).isEmpty()
                    && Urls.hostAndPort(u).equals(Urls.hostAndPort(site));
        } catch (IllegalArgumentException e) {
            return false; // not a URL as the engine writes them: shown as it is
        }
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
