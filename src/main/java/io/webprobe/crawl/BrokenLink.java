package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;

/**
 * A link from a crawled page to a URL that is broken (4xx, 5xx, failed request or an invalid
 * URL). One per source page and target. Immutable.
 *
 * @param sourceUrl the page containing the link
 * @param linkUrl the resolved link target (or the raw href when it is not a valid URL)
 * @param status the target's HTTP status, or 0
 * @param error the target's failure, or null
 * @param errorMessage plain explanation, or ""
 * @param anchorText the link text (or an image's alt text), whitespace collapsed
 * @param linkType where the link was found: a, img, srcset, script, css, icon, iframe,
 *     meta-refresh... (see {@code LinkExtractor})
 * @param finalUrl where the link ends up: the target itself, or the last URL of its redirect
 *     chain ("" for an href that is not a URL)
 * @param redirectChain the target's redirect chain when it redirects
 *     ({@code http://s/go [301] → http://s/gone [404]}), else ""
 */
public record BrokenLink(
        String sourceUrl,
        String linkUrl,
        int status,
        ErrorKind error,
        String errorMessage,
        String anchorText,
        String linkType,
        String finalUrl,
        String redirectChain)
        implements CrawlEvent {

    /** The status code as text, or the error label when there was no response. */
    public String statusText() {
        return status > 0 ? Integer.toString(status) : error == null ? "" : error.label();
    }
}
