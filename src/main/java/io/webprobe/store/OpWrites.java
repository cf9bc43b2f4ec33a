package io.webprobe.store;

import io.webprobe.crawl.CrawlSink.FragmentLink;
import io.webprobe.crawl.CrawlSink.InvalidHref;
import io.webprobe.crawl.CrawlSink.PageAnchors;
import io.webprobe.crawl.CrawlSink.LinkRow;
import io.webprobe.crawl.CrawlSink.NewUrl;
import io.webprobe.crawl.CrawlSink.Visit;
import io.webprobe.store.Op.Barrier;
import io.webprobe.store.Op.Counted;
import io.webprobe.store.Op.Discovered;
import io.webprobe.store.Op.Listed;
import io.webprobe.store.Op.Meta;
import io.webprobe.store.Op.Nudge;
import io.webprobe.store.Op.Rechecked;
import io.webprobe.store.Op.RecheckedPage;
import io.webprobe.store.Op.Revisiting;
import io.webprobe.store.Op.Spill;
import io.webprobe.store.Op.Stop;
import io.webprobe.store.Op.Unspilled;
import io.webprobe.store.Op.Visited;
import io.webprobe.store.Op.VisitedPart;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Each write of the crawl as the rows it binds to the writer's statements, in the open
 * transaction ({@link StoreWriter} runs and commits them). The writer thread's only.
 */
final class OpWrites {
    private final WriterStatements st;
    /** Links to each URL added since the counts were last written. */
    private final InlinkWrites inlinks;
    /** Rows of one write bound at most before they are run. */
    private final int executeRows;
    /** Run before bound rows go to SQLite ({@link StoreWriter.Tuning#beforeWrite()}). */
    private final Runnable beforeWrite;
    /** Rows of the write being applied bound since its rows last ran. */
    private int bound;
    /** A crawl ended in the transaction being built. */
    private boolean endedCrawl;
    /** The next link position of each page whose links came in parts, until its visit. */
    private final Map<Long, Integer> partsAt = new HashMap<>();

    /**
     * @param executeRows the rows of one write bound at most before they are run (a page of
     *     200,000 new links, or a sitemap of 50,000 URLs, is run in pieces: bound whole, its
     *     rows' values, boxed by the driver, held ~25 MB more)
     * @param beforeWrite run each time bound rows go to SQLite
     */
    OpWrites(WriterStatements st, InlinkWrites inlinks, int executeRows, Runnable beforeWrite) {
        this.st = st;
        this.inlinks = inlinks;
        this.executeRows = executeRows;
        this.beforeWrite = beforeWrite;
    }

    /** One more row of the write bound: the rows bound run once there are enough. */
    private void bound() throws SQLException {
        if (++bound >= executeRows) {
            bound = 0;
            beforeWrite.run();
            st.executeAll(); // still in the write's transaction: it is applied whole or not
        }
    }

    /** Whether a crawl ended in the transaction just committed; asking forgets it. */
    boolean takeEndedCrawl() {
        boolean ended = endedCrawl;
        endedCrawl = false;
        return ended;
    }

    void apply(Op op) throws SQLException {
        bound = 0;
        switch (op) {
            case Discovered d -> {
                for (NewUrl u : d.urls()) {
                    st.newUrl(u, d.at());
                    bound();
                }
            }
            case Visited v -> visited(v.visit(), v.at());
            case VisitedPart p -> visitedPart(p);
            case Listed l -> st.flag(l.id(), Schema.IN_SITEMAP);
            case Revisiting r -> st.flag(r.id(), Schema.REVISIT);
            case Rechecked r -> {
                st.recheck(r.id(), r.result(), r.redirectKey(), r.at());
                if (!r.headers().isEmpty()) {
                    st.headers(r.id(), r.headers());
                }
            }
            case RecheckedPage p -> recheckedPage(p);
            case Meta m -> {
                st.meta(m.key(), m.value());
                // the crawl ended: its data goes into the file itself once committed, so a
                // copy of the .webprobe file made while the app still has it open is whole
                endedCrawl |= m.key().equals("ended_at");
            }
            case Counted c -> st.counted(c.key(), c.reason());
            case Spill s -> st.spill(s.chunk(), s.items());
            case Unspilled u -> st.unspill(u.chunk());
            case Barrier b -> { }
            case Nudge n -> { }
            case Stop s -> { }
        }
    }

    private void visited(Visit v, long at) throws SQLException {
        Integer pos = partsAt.remove(v.id());
        if (pos == null && (v.revisit() || st.takePartial(v.id()))) {
            // the earlier visit's links go first (or those an earlier run wrote in parts
            // before it stopped): everything batched so far is written, then they are removed
            // (and the inlinks they gave taken back) before the new ones
            st.executeAll();
            st.forgetLinksOf(v.id());
        }
        if (v.revisit()) {
            st.revisited(); // a row counted before changes: the overview counts afresh
        }
        for (NewUrl u : v.discovered()) {
            st.newUrl(u, at);
            bound();
        }
        st.result(v.id(), v.result(), v.redirectTargetId(), at);
        links(v, pos == null ? 0 : pos, at);
    }

    /**
     * Part of a page's links ahead of its visit. The first part removes what earlier ones
     * left (a revisit's, or those of a run stopped midway) and marks the page's links as
     * partial until its result is written; the links go on at the position the last ended.
     */
    private void visitedPart(VisitedPart p) throws SQLException {
        Integer pos = partsAt.get(p.id());
        if (pos == null) {
            st.takePartial(p.id());
            st.executeAll();
            st.forgetLinksOf(p.id());
            st.flag(p.id(), Schema.LINKS_PARTIAL);
            st.executeAll(); // before the result that clears it, should that come in this batch
            pos = 0;
        }
        for (NewUrl u : p.discovered()) {
            st.newUrl(u, p.at());
            bound();
        }
        for (LinkRow l : p.links()) {
            link(p.id(), pos++, l, p.at());
        }
        partsAt.put(p.id(), pos);
    }

    /**
     * A page fetched again on request: its row keeps its place in the crawl's order and takes
     * the new result; its earlier links go (and the inlinks they gave), its links now are
     * stored with the URLs first found on it, queued.
     */
    private void recheckedPage(RecheckedPage p) throws SQLException {
        Visit v = p.visit();
        st.executeAll();
        st.forgetLinksOf(v.id());
        for (NewUrl u : v.discovered()) {
            st.newUrl(u, p.at());
            bound();
        }
        st.recheck(v.id(), v.result(), p.redirectKey(), p.at());
        links(v, 0, p.at());
    }

    /**
     * A visit's links (from position {@code pos}: its parts wrote those before), malformed
     * hrefs and header fields.
     */
    private void links(Visit v, int pos, long at) throws SQLException {
        for (LinkRow l : v.links()) {
            link(v.id(), pos++, l, at);
        }
        pos = 0;
        for (InvalidHref bad : v.invalid()) {
            st.invalid(v.id(), pos++, bad);
        }
        if (!v.headers().isEmpty()) {
            st.headers(v.id(), v.headers());
        }
        anchors(v);
    }

    private void link(long source, int pos, LinkRow l, long at) throws SQLException {
        if (l.target() != null && !st.isKnown(l.targetId())) {
            st.newUrl(l.target(), at); // its own page's visit is not stored yet
        }
        st.link(source, pos, l);
        inlinks.add(l.targetId());
        bound();
    }

    /**
     * The anchors a page defines (none kept when it defines too many: the flag says so) and
     * the fragments its links name, when the crawl checks anchors.
     */
    private void anchors(Visit v) throws SQLException {
        PageAnchors a = v.anchors();
        if (a != null) {
            st.flag(v.id(), Schema.ANCHORS_LISTED | (a.cut() ? Schema.ANCHORS_CUT : 0));
            for (String name : a.names()) {
                st.anchor(v.id(), name);
            }
        }
        int pos = 0;
        for (FragmentLink f : v.fragments()) {
            st.fragment(v.id(), pos++, f);
        }
    }
}
