package io.webprobe.crawl;

import io.webprobe.http.ErrorKind;
import io.webprobe.http.HttpProbe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Where a URL's redirects lead. Each hop of a crawl is its own row (with its status and the id
 * of the URL it redirects to), so a chain is followed through the rows: to a URL that answers
 * (the chain ends there, well or broken), back to a URL it passed (a loop), past
 * {@link HttpProbe#MAX_REDIRECTS} hops (too many; or to a URL whose redirect the crawl did not
 * follow because that many had led to it: its row says {@link ErrorKind#TOO_MANY_REDIRECTS}),
 * or to a URL the crawl did not fetch.
 * A link whose chain ends broken, in a loop or too long is a broken link of the page holding it.
 * Pure functions; thread-safe.
 */
public final class RedirectChains {

    /**
     * One URL as far as chains care.
     *
     * @param fetched whether the URL has a result (a queued URL of a stopped crawl has none)
     * @param redirectTo the resolved Location (or meta refresh target), or ""
     * @param redirectId the id of that URL when the crawl took it on, else 0
     * @param accepted whether its 4xx/5xx status is one the crawl accepts (not broken)
     */
    public record Node(long id, String url, boolean fetched, int status, ErrorKind error,
            String errorMessage, SkipReason skipped, String redirectTo, long redirectId,
            boolean accepted) {

        /** A node whose status, if any, the crawl was not told to accept. */
        public Node(long id, String url, boolean fetched, int status, ErrorKind error,
                String errorMessage, SkipReason skipped, String redirectTo, long redirectId) {
            this(id, url, fetched, status, error, errorMessage, skipped, redirectTo, redirectId,
                    false);
        }

        public Node {
            errorMessage = errorMessage == null ? "" : errorMessage;
            redirectTo = redirectTo == null ? "" : redirectTo;
        }

        /** Whether it sends the browser on: a 3xx with a Location, or a meta refresh. */
        boolean redirects() {
            return fetched && !redirectTo.isEmpty();
        }

        /** Broken in itself, as {@link CrawlResult#isBroken()} says. */
        public boolean broken() {
            return fetched && skipped == null && (CrawlResult.brokenStatus(status, accepted)
                    || (error != null && error != ErrorKind.CANCELLED));
        }

        /** The status code, the error label, or "Blocked"/"Skipped", as rows show it. */
        public String statusText() {
            if (!fetched) {
                return "not fetched";
            }
            if (skipped != null && status == 0) {
                return skipped.isBlock() ? "Blocked" : "Skipped";
            }
            return status > 0 ? Integer.toString(status) : error == null ? "" : error.label();
        }
    }

    /** How a chain ends. */
    public enum End {
        /** At a URL that answered without redirecting, not broken. */
        ARRIVED,
        /** At a broken URL (4xx, 5xx, a failed request, a bad Location). */
        BROKEN,
        /** At a URL the site keeps crawlers from. */
        BLOCKED,
        /** Back at a URL it passed. */
        LOOP,
        /** More than {@link HttpProbe#MAX_REDIRECTS} redirects. */
        TOO_MANY,
        /** At a URL the crawl did not fetch (out of its scope or limits, or stopped). */
        NOT_FOLLOWED
    }

    /**
     * A followed chain.
     *
     * @param hops the URLs passed, the first one first (at least one)
     * @param end how it ends
     * @param next for a loop, the URL it comes back to; when not followed, the URL it leads
     *     to; else ""
     */
    public record Chain(List<Node> hops, End end, String next) {
        public Chain {
            hops = List.copyOf(hops);
        }

        /** The last URL reached. */
        public Node last() {
            return hops.get(hops.size() - 1);
        }

        /**
         * Where the chain ends, for a link's {@code final_url} and "Ends at": its last URL, or
         * "" for a loop, which has no end (its last URL is only where it turns back: the
         * second of a→b→a, the first of a→a).
         */
        public String endUrl() {
            return end == End.LOOP ? "" : last().url();
        }

        /** Whether a link to the chain's first URL is a broken link. */
        public boolean broken() {
            return end == End.BROKEN || end == End.LOOP || end == End.TOO_MANY;
        }

        /**
         * Whether the chain fails in itself (a loop, too many redirects): then its first URL
         * is broken too, though it answered a plain 3xx.
         */
        public boolean failsInItself() {
            return end == End.LOOP || end == End.TOO_MANY;
        }

        /** Whether the first URL redirects at all. */
        public boolean redirects() {
            return hops.size() > 1 || !next.isEmpty();
        }

        /** E.g. {@code http://s/a [301] → http://s/b [404]}; a loop ends "→ URL (loop)". */
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (Node n : hops) {
                if (sb.length() > 0) {
                    sb.append(" → ");
                }
                sb.append(n.url()).append(" [").append(n.statusText()).append(']');
            }
            if (!next.isEmpty()) {
                sb.append(" → ").append(next).append(end == End.LOOP ? " (loop)" : "");
            }
            return sb.toString();
        }

        /** The error of a broken chain: the last hop's own, or the loop's, or too many. */
        public ErrorKind error() {
            return switch (end) {
                case LOOP -> ErrorKind.REDIRECT_LOOP;
                case TOO_MANY -> ErrorKind.TOO_MANY_REDIRECTS;
                default -> last().error();
            };
        }

        /** A plain sentence on why a link into this chain is broken, or "". */
        public String problem() {
            return switch (end) {
                case LOOP -> "Redirect loop: " + text();
                case TOO_MANY -> hops.size() > HttpProbe.MAX_REDIRECTS
                        ? "More than " + HttpProbe.MAX_REDIRECTS + " redirects: " + text()
                        // a later part of a chain the crawl met from further up (no number:
                        // a crawl file made when the limit was 10 reads true too)
                        : "Too many redirects: the crawl reached " + last().url()
                                + " at the end of the longest chain it follows and did not "
                                + "follow it further (" + text() + ")";
                case BROKEN -> hops.size() == 1 || last().error() == ErrorKind.INVALID_URL
                        ? last().errorMessage()
                        : "Redirects to " + last().url() + ", which "
                                + (last().status() > 0 ? "answered HTTP " + last().status()
                                        : "failed: " + (last().errorMessage().isEmpty()
                                                ? last().statusText() : last().errorMessage()))
                                + " (" + text() + ")";
                default -> "";
            };
        }
    }

    /**
     * What an export keeps of a chain: its text, and its failure when it fails in itself (a
     * loop, too many redirects), else null, with that failure in a sentence. Kept per
     * redirecting URL of a crawl, so text only, not the hops.
     */
    public record Summary(String text, ErrorKind failure, String problem) {
        public static Summary of(Chain c) {
            boolean fails = c.failsInItself();
            return new Summary(c.text(), fails ? c.error() : null, fails ? c.problem() : "");
        }
    }

    private RedirectChains() {}

    /**
     * Follows a URL's redirects.
     *
     * @param lookup the node of an id, or null when the id is unknown
     */
    public static Chain follow(Node first, LongFunction<Node> lookup) {
        List<Node> hops = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Node n = first;
        while (true) {
            hops.add(n);
            seen.add(n.id());
            if (!n.fetched()) {
                return new Chain(hops, End.NOT_FOLLOWED, "");
            }
            if (!n.redirects()) {
                End end = n.broken() ? End.BROKEN
                        : n.skipped() != null && n.skipped().isBlock() ? End.BLOCKED
                        : End.ARRIVED;
                return new Chain(hops, end, "");
            }
            if (n.error() == ErrorKind.TOO_MANY_REDIRECTS) {
                // the crawl stopped here: the limit of redirects had led to it by the way it came
                return new Chain(hops, End.TOO_MANY, n.redirectTo());
            }
            if (n.error() != null) {
                return new Chain(hops, End.BROKEN, n.redirectTo()); // a Location not followable
            }
            if (hops.size() > HttpProbe.MAX_REDIRECTS) {
                return new Chain(hops, End.TOO_MANY, n.redirectTo());
            }
            Node next = n.redirectId() > 0 ? lookup.apply(n.redirectId()) : null;
            if (next == null) {
                return new Chain(hops, End.NOT_FOLLOWED, n.redirectTo());
            }
            if (seen.contains(next.id())) {
                return new Chain(hops, End.LOOP, next.url());
            }
            n = next;
        }
    }
}
