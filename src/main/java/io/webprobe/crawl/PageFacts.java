package io.webprobe.crawl;

import static io.webprobe.crawl.LinkExtractor.anchorText;
import static io.webprobe.crawl.LinkExtractor.collapseSpaces;
import static io.webprobe.crawl.LinkExtractor.fetchedRel;
import static io.webprobe.crawl.LinkExtractor.hasRel;
import static io.webprobe.crawl.LinkExtractor.isHint;
import static io.webprobe.crawl.LinkExtractor.linkType;

import io.webprobe.crawl.LinkExtractor.Link;
import io.webprobe.crawl.LinkExtractor.Page;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What {@link LinkExtractor} learns from a page's elements, one element at a time: its links
 * (through a {@link LinkCollector}), the first canonical, description, H1 and meta refresh,
 * and the robots directives of every robots meta tag (joined with ", "; those of googlebot
 * meta tags follow as a line of their own, {@code "googlebot: …"}, see {@link
 * PageInfo#metaRobots()}).
 * Fed by a walk of a whole document or by a stream of a large one. Not thread-safe; one per
 * page.
 */
final class PageFacts {
    private final LinkCollector c;
    /** The page's anchors and its links' fragments, or null when anchors are not checked. */
    private final Anchors anchors;
    private Link refresh;
    private String canonical;
    private String description;
    private String h1;
    private String robots;
    private String googlebot;

    PageFacts(LinkCollector c) {
        this(c, false);
    }

    /** @param anchors whether to gather the page's anchors and fragments ({@link Anchors}) */
    PageFacts(LinkCollector c, boolean anchors) {
        this(c, anchors, null);
    }

    /**
     * @param slices where the page's links go a slice at a time, with what the page said of
     *     itself so far (its robots directives), or null to keep them all
     */
    PageFacts(LinkCollector c, boolean anchors, LinkExtractor.Slices slices) {
        this.c = slices == null ? c : c.slicedTo(slice -> slices.take(slice, info(0)));
        this.anchors = anchors ? new Anchors() : null;
    }

    /** Takes what this element says (not its descendants: they are visited on their own). */
    void visit(Element el) {
        visit(el, null);
    }

    /**
     * Takes what this element says, with {@code text} as its text when that is not all under
     * it any more (a link or H1 of a large page whose content was read and dropped on the
     * way, {@link LargePage}); null reads it from the element.
     */
    void visit(Element el, String text) {
        String tag = el.normalName();
        switch (tag) {
            case "a", "area" -> {
                String type = hasRel(el, "nofollow") ? tag + " nofollow" : tag;
                String attr = hrefOf(el);
                Link link = text == null ? c.add(el.attr(attr), el, type, el.hasAttr(attr))
                        : c.add(el.attr(attr), text, type, el.hasAttr(attr));
                if (anchors != null) {
                    if (tag.equals("a")) {
                        anchors.name(el.attr("name"));
                    }
                    if (link != null) {
                        fragment(el, link, text);
                    }
                }
            }
            case "link" -> {
                if (!isHint(el)) {
                    String type = linkType(el);
                    String fetched = type.equals("link") ? fetchedRel(el) : null;
                    Link link = c.add(el.attr("href"), "", type,
                            fetched == null ? type : fetched, el.hasAttr("href"));
                    if (type.equals("canonical") && canonical == null && link != null) {
                        canonical = link.requestUrl();
                    }
                    // <link rel=preload as=image imagesrcset>: the browser loads one of these
                    c.srcset(el, "imagesrcset", "");
                }
            }
            case "h1" -> {
                if (h1 == null) {
                    h1 = text != null ? text : collapseSpaces(el.text());
                }
            }
            case "img" -> {
                c.add(el.attr("src"), el, "img", el.hasAttr("src"));
                if (el.hasAttr("srcset")) {
                    c.srcset(el, anchorText(el));
                }
            }
            case "source" -> {
                c.add(el.attr("src"), "", "source", el.hasAttr("src"));
                c.srcset(el, "");
            }
            case "video", "audio" -> {
                c.add(el.attr("src"), "", tag, el.hasAttr("src"));
                c.add(el.attr("poster"), "", "poster", el.hasAttr("poster"));
            }
            case "script", "iframe", "frame", "embed", "track" ->
                    c.add(el.attr("src"), "", tag, el.hasAttr("src"));
            case "object" -> c.add(el.attr("data"), "", "object", el.hasAttr("data"));
            // what a browser still loads: a legacy background, an image button
            case "body", "table", "td", "th" ->
                    c.add(el.attr("background"), "", "background", el.hasAttr("background"));
            case "input" -> c.add(el.attr("src"), "", "input",
                    el.hasAttr("src") && el.attr("type").equalsIgnoreCase("image"));
            case "use", "image" -> { // SVG's: href, else the xlink:href SVG 2 replaced
                String href = el.hasAttr("href") ? el.attr("href") : el.attr("xlink:href");
                // a symbol of the page itself (<use href="#icon">) is no request
                String url = io.webprobe.http.WebUrl.trim(href);
                c.add(href, "", tag, !url.isEmpty() && !url.startsWith("#"));
            }
            case "style" -> {
                for (String u : CssUrls.urls(el.data())) {
                    c.addCss(u);
                }
            }
            case "meta" -> {
                String name = el.attr("name").toLowerCase(Locale.ROOT);
                if (refresh == null && el.attr("http-equiv").equalsIgnoreCase("refresh")) {
                    refresh = c.refresh(el.attr("content"));
                } else if (name.equals("description") && description == null) {
                    description = collapseSpaces(el.attr("content"));
                } else if (name.equals("robots")) {
                    // every robots tag counts, as search engines combine them: "index" in one
                    // and "nofollow" in the next is a nofollow page
                    robots = joined(robots, el.attr("content"));
                } else if (name.equals("googlebot")) {
                    googlebot = joined(googlebot, el.attr("content"));
                }
            }
            default -> { }
        }
        if (el.hasAttr("style")) {
            for (String u : CssUrls.urls(el.attr("style"))) {
                c.addCss(u);
            }
        }
        if (anchors != null) {
            anchors.name(el.attr("id"));
        }
    }

    /** The fragment of a link's href, if it has one, as the URL parser leaves it. */
    private void fragment(Element el, Link link, String text) {
        String href = el.attr(hrefOf(el));
        if (href.indexOf('#') < 0) {
            return;
        }
        String fragment;
        try {
            fragment = io.webprobe.http.WebUrl.parse(href, c.base).fragment();
        } catch (io.webprobe.http.WebUrlException e) {
            return; // the link itself parsed (as a whole): nothing to judge here
        }
        if (fragment != null) {
            anchors.fragment(link.key(), fragment,
                    () -> text != null ? text : anchorText(el));
        }
    }

    /** Directives so far with one more tag's content, lower case, joined with ", ". */
    private static String joined(String so, String content) {
        String c = content.strip().toLowerCase(Locale.ROOT);
        return so == null || so.isEmpty() ? c : c.isEmpty() ? so : so + ", " + c;
    }

    /** The page, given its title and word count. */
    Page page(String title, int words) {
        return new Page(title.strip(), List.copyOf(c.links.values()), List.copyOf(c.invalid),
                refresh, info(words), anchors);
    }

    /** What the page has said of itself so far, given its word count. */
    private PageInfo info(int words) {
        String meta = robots == null ? "" : robots;
        if (googlebot != null && !googlebot.isEmpty()) {
            meta = (meta.isEmpty() ? "" : meta + " | ") + PageInfo.GOOGLEBOT + ": " + googlebot;
        }
        return new PageInfo(canonical == null ? "" : canonical,
                description == null ? "" : description, h1 == null ? "" : h1,
                words, meta, "");
    }

    /**
     * The attribute that holds a link's URL: {@code href}, but for an SVG {@code <a>} that has
     * none, the {@code xlink:href} of SVG 1.1, which browsers still follow (an HTML
     * {@code <a>} has no such attribute).
     */
    private static String hrefOf(Element el) {
        return !el.hasAttr("href") && el.hasAttr("xlink:href")
                && Parser.NamespaceSvg.equals(el.tag().namespace()) ? "xlink:href" : "href";
    }
}
