package io.webprobe.crawl;

import io.webprobe.http.WebUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The anchors one page defines ({@code id="x"} on any element, {@code <a name="x">}) and the
 * fragments its {@code a}/{@code area} links name ({@code page.html#x}), gathered while the
 * page is read when the plan checks anchors ({@link CrawlPlan#checkAnchors()}). A fragment is
 * judged later, in the crawl file, against the anchors its target page defines, as a browser
 * finds the element a URL's fragment indicates (HTML Standard, "find a potential indicated
 * element"): an element whose id is the fragment as the URL holds it, else one whose id is
 * the fragment percent-decoded (as UTF-8), else the top of the page for {@code ""} and for
 * {@code top} in any case.
 *
 * <p>Bounded, whatever the page: at most {@link #MAX_NAMES} names of at most
 * {@link #MAX_LENGTH} characters and {@link #MAX_CHARS} characters in all (a page that defines
 * more is {@link #cut()}: its names are not kept and no fragment to it is judged), and at most
 * {@link #MAX_FRAGMENTS} distinct fragments per page (the rest are not judged). Not
 * thread-safe; one per page.
 */
final class Anchors {
    /** Names a page may define and still be judged against. */
    static final int MAX_NAMES = 50_000;
    /** Characters of all its names together. */
    static final int MAX_CHARS = 1_000_000;
    /** A longer name (or fragment) is not kept, and a fragment that long is not judged. */
    static final int MAX_LENGTH = 1_024;
    /** Distinct (target, fragment) pairs of one page that are judged. */
    static final int MAX_FRAGMENTS = 10_000;

    /** A fragment a link of the page names: its target's dedup key, the fragment, its text. */
    record Ref(String key, String fragment, String anchorText) {}

    private final Set<String> names = new LinkedHashSet<>();
    private int chars;
    private boolean cut;
    private final Map<String, Ref> fragments = new LinkedHashMap<>();

    /** An id (or an a element's name) the page defines. */
    void name(String name) {
        if (cut || name.isEmpty() || name.length() > MAX_LENGTH || names.contains(name)) {
            return;
        }
        if (names.size() >= MAX_NAMES || chars + name.length() > MAX_CHARS) {
            cut = true;
            names.clear();
            return;
        }
        names.add(name);
        chars += name.length();
    }

    /**
     * A link of the page to {@code key} with this fragment (as the URL holds it,
     * percent-encoded as the URL parser leaves it); one that always finds its place, or too
     * long to judge, is not kept.
     *
     * @param text the link's text, asked for only when the pair is new on the page
     */
    void fragment(String key, String rawFragment, Supplier<String> text) {
        String fragment = withoutDirective(rawFragment);
        if (fragments.size() >= MAX_FRAGMENTS || fragment.length() > MAX_LENGTH
                || alwaysFound(fragment)) {
            return;
        }
        String pair = key + '\n' + fragment;
        if (!fragments.containsKey(pair)) {
            fragments.put(pair, new Ref(key, fragment, text.get()));
        }
    }

    /** The names the page defines, in page order; empty when {@link #cut()}. */
    List<String> names() {
        return List.copyOf(names);
    }

    /** Whether the page defines more names than are kept: fragments to it are not judged. */
    boolean cut() {
        return cut;
    }

    /** The distinct fragments the page's links name, in page order. */
    List<Ref> fragments() {
        return new ArrayList<>(fragments.values());
    }

    /**
     * The fragment of a redirect's Location, as a link of the redirecting URL to its target:
     * judged in place of the fragments of the links into the redirect, which a browser drops
     * for it (Fetch). Stored with an empty fragment when it always finds its place, or is too
     * long to judge: it still replaces theirs, and is not judged.
     */
    static CrawlSink.FragmentLink ofLocation(long targetId, String rawFragment) {
        String fragment = withoutDirective(rawFragment);
        if (alwaysFound(fragment) || fragment.length() > MAX_LENGTH) {
            return new CrawlSink.FragmentLink(targetId, "", null, "");
        }
        String decoded = decode(fragment);
        return new CrawlSink.FragmentLink(targetId, fragment,
                decoded.equals(fragment) ? null : decoded, "");
    }

    /**
     * The fragment without its fragment directive: what follows {@code :~:} (a text fragment,
     * {@code #:~:text=Setup}) is taken off it by the browser before it looks for the element
     * the fragment names (URL Fragment Text Directives, in every current browser), so
     * {@code #:~:text=x} is the top of the page and {@code #setup:~:text=x} is {@code #setup}.
     */
    static String withoutDirective(String fragment) {
        int directive = fragment.indexOf(":~:");
        return directive < 0 ? fragment : fragment.substring(0, directive);
    }

    /**
     * Whether a fragment finds its place on any HTML page: the empty one and {@code top} (ASCII
     * case-insensitive, after percent-decoding) are the top of the page.
     */
    static boolean alwaysFound(String fragment) {
        return fragment.isEmpty() || decode(fragment).equalsIgnoreCase("top");
    }

    /**
     * The fragment percent-decoded and read as UTF-8, as a browser decodes it
     * ({@link WebUrl#percentDecode}: a "%" not followed by two hex digits stays as it is, bytes
     * that are not UTF-8 become U+FFFD).
     */
    static String decode(String fragment) {
        return WebUrl.percentDecode(fragment);
    }
}
