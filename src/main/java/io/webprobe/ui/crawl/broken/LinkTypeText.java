package io.webprobe.ui.crawl.broken;

import java.util.Locale;
import java.util.Map;

/**
 * A link's type as a user reads it: the words Screaming Frog's SEO Spider uses where it has
 * them (Hyperlink, Image, CSS, JavaScript, Canonical, HTTP Redirect, Meta Refresh...), not
 * the tag or attribute the crawl stores ("a", "img", "css-url"). The tables of links show
 * these words (they sort and are searched by them); the CSV keeps the stored names, a format
 * the README documents.
 */
public final class LinkTypeText {
    private LinkTypeText() {}

    /** What a stored type of a nofollow link ends with ("a nofollow"). */
    private static final String NOFOLLOW = " nofollow";

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("a", "Hyperlink"),
            Map.entry("area", "Hyperlink"),
            Map.entry("img", "Image"),
            Map.entry("srcset", "Image"),
            Map.entry("input", "Image"),
            Map.entry("image", "Image"),
            Map.entry("use", "Image"),
            Map.entry("apple-touch-startup-image", "Image"),
            Map.entry("background", "Background image"),
            Map.entry("poster", "Video poster"),
            Map.entry("source", "Media"),
            Map.entry("video", "Video"),
            Map.entry("audio", "Audio"),
            Map.entry("track", "Subtitles"),
            Map.entry("script", "JavaScript"),
            Map.entry("modulepreload", "JavaScript"),
            Map.entry("css", "CSS"),
            Map.entry("css-url", "Used by CSS"),
            Map.entry("icon", "Icon"),
            Map.entry("mask-icon", "Icon"),
            Map.entry("canonical", "Canonical"),
            Map.entry("canonical-header", "HTTP Canonical"),
            Map.entry("alternate", "Alternate"),
            Map.entry("link", "Link element"),
            Map.entry("preload", "Preload"),
            Map.entry("prefetch", "Prefetch"),
            Map.entry("manifest", "Manifest"),
            Map.entry("compression-dictionary", "Compression dictionary"),
            Map.entry("iframe", "Iframe"),
            Map.entry("frame", "Frame"),
            Map.entry("embed", "Embedded object"),
            Map.entry("object", "Embedded object"),
            Map.entry("redirect", "HTTP Redirect"),
            Map.entry("meta-refresh", "Meta Refresh"),
            Map.entry("refresh-header", "HTTP Refresh"),
            Map.entry("sitemap", "Sitemap"),
            Map.entry("list", "URL list"));

    /**
     * The type's words ("Hyperlink" for "a" and for "a nofollow": the tables that show them
     * have a Nofollow column of their own); a type without words of its own as stored.
     */
    public static String word(String type) {
        if (type == null) {
            return "";
        }
        String base = type.endsWith(NOFOLLOW)
                ? type.substring(0, type.length() - NOFOLLOW.length()) : type;
        return WORDS.getOrDefault(base.toLowerCase(Locale.ROOT), base);
    }

    /** As {@link #word}, and "(nofollow)" after it for a nofollow link ("Hyperlink (nofollow)"). */
    public static String withNofollow(String type) {
        return type != null && type.endsWith(NOFOLLOW) ? word(type) + " (nofollow)"
                : word(type);
    }
}
