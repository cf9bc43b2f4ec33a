package io.webprobe.crawl;

import static io.webprobe.crawl.LinkExtractor.baseOf;
import static io.webprobe.crawl.LinkExtractor.collapseSpaces;
import static io.webprobe.crawl.LinkExtractor.webUrl;

import io.webprobe.crawl.LinkExtractor.Page;
import io.webprobe.crawl.LinkExtractor.WordCounter;
import io.webprobe.http.ResponseBody;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
 * link or an H1 stay until that one ends, since its text includes theirs, unless it spans more
 * than {@value #FOLD_AFTER} characters of the page (an unclosed link around the rest of it):
 * its text is then what it holds by that point (at most {@value #TEXT_CAP} characters), and
 * what it holds is read and dropped like the rest. jsoup reads the page through a
 * {@link TokenBoundingReader}, so that no single token (a text run, a tag, a comment, a
 * script) costs more than a bounded piece of it either: what a page of any size needs is
 * bounded.
 *
 * <p>The links found are the same as in a whole-document walk; the order differs only where
 * an element with a link of its own holds others (a {@code div} with a {@code style} URL
 * holding links: its children end, and are read, first). The charset is found as for a small
 * page ({@link HtmlCharset}): a byte order mark, else the header's, else a {@code <meta>} in
 * the first 5 KB, else UTF-8 when the bytes are UTF-8 and windows-1252 when they are not.
 */
final class LargePage {
    private final Document doc;
    private final String pageUrl;
    /** The page's encoding, its links' queries are encoded in. */
    private final Charset encoding;
    private final WordCounter words = new WordCounter();
    /** Open elements whose start the word count has seen (their content is being counted). */
    private final Set<Element> started = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Open links and H1s holding ended elements: where the page was when the first ended. */
    private final Map<Element, Long> readerSince = new IdentityHashMap<>();
    /** Links and H1s whose content is read as it ends: their text as it was then. */
    private final Map<Element, String> folded = new IdentityHashMap<>();
    /** Elements that ended inside a link or H1 and wait for it. */
    private final Set<Element> deferred = Collections.newSetFromMap(new IdentityHashMap<>());
    private final TokenBoundingReader input;
    private PageFacts facts;
    /** What a drain under way has read, removed once it ends ({@link #removeAll}); or null. */
    private List<Node> drained;

    /** Characters of the page a link or H1 may span before its content is read as it ends. */
    static final int FOLD_AFTER = 256 * 1024;
    /** Characters of such a link's or H1's text kept. */
    static final int TEXT_CAP = 64 * 1024;

    /** Whether the page's anchors and fragments are gathered ({@link Anchors}). */
    private final boolean anchors;

    /** Where the links go a slice at a time, or null. */
    private final LinkExtractor.Slices slices;

    private LargePage(Document doc, String pageUrl, Charset encoding,
            TokenBoundingReader input, boolean anchors, LinkExtractor.Slices slices) {
        this.slices = slices;
        this.doc = doc;
        this.pageUrl = pageUrl;
        this.encoding = encoding;
        this.input = input;
        this.anchors = anchors;
    }

    static Page extract(ResponseBody html, Charset headerCharset, String pageUrl) {
        return extract(html, headerCharset, pageUrl, doc -> { });
    }

    static Page extract(ResponseBody html, Charset headerCharset, String pageUrl,
            Consumer<Document> held) {
        return extract(html, headerCharset, pageUrl, false, held);
    }

    /**
     * As {@link #extract(ResponseBody, Charset, String)}, gathering the page's anchors when
     * {@code anchors}, showing {@code held} the document as it stands after each element is
     * read (tests look at how much of the page it holds).
     */
    static Page extract(ResponseBody html, Charset headerCharset, String pageUrl,
            boolean anchors, Consumer<Document> held) {
        return extract(html, headerCharset, pageUrl, anchors, null, held);
    }

    /** As above, handing the links to {@code slices} a slice at a time (null: all kept). */
    static Page extract(ResponseBody html, Charset headerCharset, String pageUrl,
            boolean anchors, LinkExtractor.Slices slices, Consumer<Document> held) {
        byte[] head = html.head(HtmlCharset.PROBE_BYTES);
        int bom = HtmlCharset.bomLength(head);
        Charset cs = HtmlCharset.of(head, bom, headerCharset);
        InputStream in = new BufferedInputStream(html.open(), 64 * 1024);
        try {
            in.skipNBytes(bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TokenBoundingReader reader = new TokenBoundingReader(new InputStreamReader(in, cs));
        try (StreamParser parser = new StreamParser(Parser.htmlParser())) {
            parser.parse(reader, pageUrl);
            LargePage page = new LargePage(parser.document(), pageUrl, cs, reader, anchors,
                    slices);
            Iterator<Element> it = parser.iterator();
            while (it.hasNext()) {
                page.ended(it.next());
                held.accept(page.doc);
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
        } else if (!inHead(el)) { // the head's own: walked with it
            Element reader = textReaderOf(el);
            if (reader == null) {
                take(el, !topLevel);
            } else {
                deferred.add(el);
                if (input.consumed() - readerSince.computeIfAbsent(reader,
                        r -> input.consumed()) > FOLD_AFTER) {
                    fold(reader);
                }
            }
        }
    }

    /**
     * Stops keeping a link's or H1's content for its text, and that of every link or H1 open
     * inside it: the text of each is what it holds now, and what has ended under them is read
     * and dropped now (in document order: the words are counted as ever), and from now on as
     * it ends.
     */
    private void fold(Element reader) {
        String text = collapseSpaces(reader.text());
        folded.put(reader, text.length() > TEXT_CAP ? text.substring(0, TEXT_CAP) : text);
        readerSince.remove(reader);
        if (drained != null) {
            drain(reader); // inside an outer link's or H1's drain, which removes at its end
            return;
        }
        drained = new ArrayList<>();
        try {
            drain(reader);
            removeAll(drained);
        } finally {
            drained = null;
        }
    }

    /**
     * Takes every element under {@code p} that has ended, and what has ended in those still
     * open (jsoup hands an element over when it has read a little past it, so elements after
     * it may have started already).
     */
    private void drain(Element p) {
        for (Element child : new ArrayList<>(p.children())) {
            if (deferred.contains(child)) {
                take(child, true);
            } else if (isTextReader(child) && !folded.containsKey(child)) {
                fold(child);
            } else {
                drain(child);
            }
        }
    }

    /** The facts, started (with the base URL the head gives, root and head walked) if new. */
    private PageFacts facts() {
        if (facts == null) {
            facts = new PageFacts(new LinkCollector(
                    baseOf(doc, webUrl(pageUrl), encoding), encoding), anchors, slices);
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
        // most elements hold none: getAllElements' stream cost a fifth of a large page's time
        List<Element> all = el.firstElementChild() == null ? List.of(el) : el.getAllElements();
        for (Element e : all) {
            f.visit(e, folded.remove(e));
            deferred.remove(e);
        }
        readerSince.remove(el);
        count(el);
        started.remove(el);
        if (remove) {
            remove(el);
        }
    }

    /** Removes a node read, or keeps it for the end of the drain under way. */
    private void remove(Node n) {
        if (drained == null) {
            n.remove();
        } else {
            drained.add(n);
        }
    }

    /**
     * Removes the nodes a drain read, their parents' other children kept in their order: each
     * parent's list of children is rebuilt once, where one removal at a time had jsoup number
     * the children left again at the next sibling asked for (a drain of the thousands of
     * elements a link or H1 held took the square of their count: seconds for one page).
     */
    private static void removeAll(List<Node> nodes) {
        Set<Node> gone = Collections.newSetFromMap(new IdentityHashMap<>());
        gone.addAll(nodes);
        Set<Element> parents = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : nodes) {
            if (n.parent() instanceof Element parent && parents.add(parent)) {
                List<Node> kept = new ArrayList<>(parent.childNodeSize());
                for (Node child : parent.childNodes()) {
                    if (!gone.contains(child)) {
                        kept.add(child);
                    }
                }
                parent.empty();
                parent.appendChildren(kept);
            }
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
            remove(n);
            n = next;
        }
    }

    /**
     * The outermost ancestor that reads this element's text (a link's anchor text, the H1)
     * and still keeps its content for it, or null.
     */
    private Element textReaderOf(Element el) {
        Element reader = null;
        for (Element p = el.parent(); p != null; p = p.parent()) {
            if (isTextReader(p) && !folded.containsKey(p)) {
                reader = p;
            }
        }
        return reader;
    }

    private static boolean isTextReader(Element el) {
        String name = el.normalName();
        return name.equals("a") || name.equals("area") || name.equals("h1");
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
