package io.webprobe.crawl;

import io.webprobe.http.MailtoLink;
import io.webprobe.http.WebUrl;
import io.webprobe.http.WebUrlException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A check on the hrefs of a scheme other than http(s), which a crawl reports as broken links
 * (invalid links) where it finds them wrong; hrefs of the other schemes (tel:, javascript:,
 * data:, ftp:) are skipped. Crawls made before a check existed did not make it, so a crawl file
 * records the checks its crawl made ({@code href_checks}), and compare calls none of a check's
 * broken links new (or fixed) unless both crawls made it. Stateless and thread-safe.
 */
public enum HrefCheck {
    /** A {@code mailto:} link with a malformed address ({@link MailtoLink}). */
    MAILTO("mailto"),
    /**
     * Any {@code file:} link: it names a file on the author's computer, which browsers do not
     * open from a web page.
     */
    FILE("file");

    /** The reason a file: link is broken. */
    static final String FILE_LINK = "A file: link: browsers do not open it from a web page";

    /** The reason a file: URL an image, a script, a frame or a stylesheet names is broken. */
    static final String FILE_RESOURCE = "A file: URL: browsers do not load it from a web page";

    /** The reason a file: canonical is broken. */
    static final String FILE_CANONICAL = "A file: canonical URL: search engines ignore it, as "
            + "a canonical names the page's own web address";

    private final String scheme;

    HrefCheck(String scheme) {
        this.scheme = scheme;
    }

    /** The scheme it checks, as written in the crawl file ("mailto"). */
    public String scheme() {
        return scheme;
    }

    /**
     * What is wrong with an href of this check's scheme, as a sentence, or null when nothing
     * is.
     *
     * @param type the link's type (a, img, canonical...), which says what a file: URL fails at;
     *     for a {@code <link>} of type link that loads a resource, its rel ("preload")
     */
    String problem(String href, String type) {
        return switch (this) {
            case MAILTO -> MailtoLink.problem(href);
            case FILE -> fileUrl(type);
        };
    }

    /**
     * The reason a file: URL of this link type is broken: a link is not followed, an image, a
     * script or a frame is not loaded, and a canonical is ignored by search engines. A {@code
     * <link>} of type link (rel=next, author, license...) is a link, but one that loads a
     * resource comes with its rel as its type ("preload", "manifest", {@link
     * LinkExtractor#fetchedRel}): not loaded, as an image. Debian's
     * copy of the Python documentation names each page's own file as its canonical (527
     * pages): read as a link visitors click, it said what was not the fault.
     */
    static String fileUrl(String type) {
        return switch (type) {
            case "a", "area", "meta-refresh", "refresh-header", "alternate", "link" -> FILE_LINK;
            case "canonical", "canonical-header" -> FILE_CANONICAL;
            default -> FILE_RESOURCE;
        };
    }

    /** The check of a scheme (lower case, as the URL parser names it), or null when none. */
    static HrefCheck ofScheme(String scheme) {
        for (HrefCheck c : values()) {
            if (c.scheme.equals(scheme)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The check that found an href broken, by its scheme read as the crawl reads it, or null
     * for an href of no checked scheme (an http URL a browser refuses, a relative one).
     */
    public static HrefCheck of(String href) {
        try {
            WebUrl.parse(href);
            return null;
        } catch (WebUrlException e) {
            return e.problem() == WebUrlException.Problem.NOT_HTTP ? ofScheme(e.detail())
                    : null;
        }
    }

    /**
     * Whether an href is a mailto: link (as the crawl reads its scheme), which the mail
     * program opens, however malformed its address.
     */
    public static boolean isMailto(String href) {
        return of(href) == MAILTO;
    }

    /** The checks a crawl of this version makes. */
    public static Set<HrefCheck> all() {
        return EnumSet.allOf(HrefCheck.class);
    }

    /** The checks as the crawl file keeps them: their schemes, comma-separated ("file,mailto"). */
    public static String encode(Collection<HrefCheck> checks) {
        return checks.stream().map(HrefCheck::scheme).sorted().collect(Collectors.joining(","));
    }

    /**
     * The checks a crawl file names ({@link #encode}); none for null (a file made before the
     * checks were recorded, whose crawl made none). A scheme this version does not know (a
     * newer Webprobe's check) is left out: this version reads its broken links as any other.
     */
    public static Set<HrefCheck> decode(String value) {
        Set<HrefCheck> checks = EnumSet.noneOf(HrefCheck.class);
        if (value != null && !value.isBlank()) {
            Arrays.stream(value.split(",")).map(s -> ofScheme(s.trim().toLowerCase(Locale.ROOT)))
                    .filter(java.util.Objects::nonNull).forEach(checks::add);
        }
        return checks;
    }
}
