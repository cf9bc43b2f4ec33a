package io.webprobe.crawl;

import static io.webprobe.crawl.LinkExtractor.baseOf;
import static io.webprobe.crawl.LinkExtractor.webUrl;

import io.webprobe.crawl.LinkExtractor.Collector;
import io.webprobe.crawl.LinkExtractor.Page;
import io.webprobe.crawl.LinkExtractor.WordCounter;
import io.webprobe.http.ResponseBody;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A large page read as a stream: jsoup hands over each element as it ends; its facts and
 * words are taken and it is removed from the document at once, so the memory a page needs no
 * longer grows with its size (a whole 10 MB document takes about 100 MB). Elements inside a
 * link or an H1 stay until that one ends, since its text includes theirs.
 *
 * <p>The links found are the same as in a whole-document walk; the order differs only where
 * an element with a link of its own holds others (a {@code div} with a {@code style} URL
 * holding links: its children end, and are read, first). The charset is found as for a small
 * page: a byte order mark, else the header's, else a {@code <meta>} in the first 5 KB, else
 * UTF-8.
 */
final class LargePage {
    private final Document doc;
    private final URI pageUrl;
    private final WordCounter words = new WordCounter();
    /** Open elements whose start the word count has seen (their content is being counted). */
    private final Set<Element> started = Collections.newSetFromMap(new IdentityHashMap<>());
    private PageFacts facts;

    private LargePage(Document doc, URI pageUrl) {
        this.doc = doc;
        this.pageUrl = pageUrl;
    }

    static Page extract(ResponseBody html, Charset headerCharset, URI pageUrl) {
        byte[] head = html.head(HtmlCharset.PROBE_BYTES);
        int bom = HtmlCharset.bomLength(head);
        Charset cs = HtmlCharset.of(head, bom, headerCharset);
        InputStream in = new java.io.BufferedInputStream(html.open(), 64 * 1024);
        try {
            in.skipNBytes(bom);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        InputStreamReader reader = new InputStreamReader(in, cs);
        try (StreamParser parser = new StreamParser(Parser.htmlParser())) {
            parser.parse(reader, pageUrl.toString());
            LargePage page = new LargePage(parser.document(), pageUrl);
            Iterator<Element> it = parser.iterator();
            while (it.hasNext()) {
                page.ended(it.next());
            }
            return page.facts().page(page.doc.title(), page.words.words);
        }
    }

    /** Takes what an element that has just ended says, unless it must wait for an ancestor. */
    private void ended(Element el) {
        Element parent = el.parent();
        if (parent == null || parent == doc) {
            return; // the root: walked with the head
        }
        boolean topLevel = parent.parent() == doc;
        if (topLevel && el.nameIs("head")) {
            facts(); // the head ends before any element of the body: its base is known now
        } else if (!inHead(el) && !insideTextReader(el)) { // the head's own: walked with it
            take(el, !topLevel);
        }
    }

    /** The facts, started (with the base URL the head gives, root and head walked) if new. */
    private PageFacts facts() {
        if (facts == null) {
            facts = new PageFacts(new Collector(baseOf(doc, webUrl(pageUrl))));
            Element root = doc.firstElementChild();
            if (root != null) {
                facts.visit(root);
            }
            if (doc.head() != null) {
                for (Element e : doc.head().getAllElements()) {
                    facts.visit(e);
                }
            }
        }
        return facts;
    }

    /**
     * Reads an ended element and what is left under it, and removes it (unless it is the body)
     * with the text before it, so that no parent piles up thousands of children either: jsoup
     * re-numbers a parent's children on every insert after a removal.
     */
    private void take(Element el, boolean remove) {
        PageFacts f = facts();
        for (Element e : el.getAllElements()) {
            f.visit(e);
        }
        count(el);
        started.remove(el);
        if (remove) {
            el.remove();
        }
    }

    /**
     * Counts the words of an element in document order, as a whole-document walk does over
     * the body ({@link LinkExtractor.WordCounter}): first the starts of its ancestors not yet
     * seen, each after the text before it; then the text before the element; then the element,
     * whose start is skipped if its first children were counted earlier.
     */
    private void count(Element el) {
        Deque<Element> opening = new ArrayDeque<>();
        for (Element p = el.parent(); p != null && p != doc && !started.contains(p);
                p = p.parent()) {
            opening.push(p);
        }
        for (Element p : opening) {
            countTextBefore(p);
            words.head(p, 0);
            started.add(p);
        }
        boolean resumed = started.contains(el);
        if (!resumed) {
            countTextBefore(el);
        }
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node n, int depth) {
                if (!(resumed && n == el)) {
                    words.head(n, depth);
                }
            }

            @Override
            public void tail(Node n, int depth) {
                words.tail(n, depth);
            }
        }, el);
    }

    /** Counts and removes the text nodes just before an element (below the body only). */
    private void countTextBefore(Element el) {
        Element parent = el.parent();
        if (parent == null || parent == doc || parent.parent() == doc) {
            return; // the root's children: outside the body
        }
        Node first = el;
        while (first.previousSibling() != null && !(first.previousSibling() instanceof Element)) {
            first = first.previousSibling();
        }
        for (Node n = first; n != el; ) {
            Node next = n.nextSibling();
            NodeTraversor.traverse(words, n);
            n.remove();
            n = next;
        }
    }

    /** Whether an ancestor reads this element's text (a link's anchor text, the H1). */
    private static boolean insideTextReader(Element el) {
        for (Element p = el.parent(); p != null; p = p.parent()) {
            String name = p.normalName();
            if (name.equals("a") || name.equals("area") || name.equals("h1")) {
                return true;
            }
        }
        return false;
    }

    private boolean inHead(Element el) {
        for (Element p = el.parent(); p != null && p != doc; p = p.parent()) {
            if (p.parent() != null && p.parent().parent() == doc) {
                return p.nameIs("head"); // p is a child of the root
            }
        }
        return false;
    }
}
