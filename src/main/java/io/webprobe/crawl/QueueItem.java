package io.webprobe.crawl;

import io.webprobe.http.Urls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A URL waiting in the frontier or being fetched. Only queued and in-flight URLs have one; a
 * finished URL lives in the crawl file alone. Its fields are fixed, except the retry state,
 * which only the worker holding the item touches (the frontier's lock orders one holder after
 * the next).
 */
final class QueueItem {
    final long id;
    /**
     * The URL as the crawl keeps, shows and requests it
     * ({@link io.webprobe.http.WebUrl#requestUrl()}): a "%" not followed by two hex digits is
     * kept as the link wrote it, so this is not always a URI ({@link #uri()} is).
     */
    final String url;
    final int depth;
    /** The page that first linked here (0 and "" for the start URL and sitemap URLs). */
    final long referrerId;
    final String referrer;
    final boolean external;
    /** The start URL or one of its own redirects (they widen the scope). */
    final boolean startChain;
    /** Redirects that led here without a page in between (0 for a link from a page). */
    final int redirectHops;
    /** Host plus the port requests go to, e.g. "example.com:443": the unit of politeness. */
    final String hostKey;
    /** Times this URL was asked again: after a 429/503, and once after a dropped connection. */
    int retries;
    /** Whether it was asked again after a dropped connection (once per URL). */
    boolean retriedAfterDrop;
    /** Whether it is queued again after a 429/503. */
    boolean awaitingRetry;
    /** The status that made it ask again (429 or 503), or 0. */
    int retriedStatus;
    /** A redirect that led here set a cookie (see {@link LinkGraph.PageLinks#redirect}). */
    boolean cookieChain;
    /** Asked again after a cookie was set: its earlier result is replaced. */
    boolean revisit;

    /**
     * @param hostKey host and port as {@link #hostKeyOf} gives it (callers share one instance
     *     per host)
     */
    QueueItem(long id, String url, String hostKey, int depth, long referrerId, String referrer,
            boolean external, boolean startChain, int redirectHops) {
        this.id = id;
        this.url = url;
        this.depth = depth;
        this.referrerId = referrerId;
        this.referrer = referrer;
        this.external = external;
        this.startChain = startChain;
        this.redirectHops = redirectHops;
        this.hostKey = hostKey;
    }

    /**
     * The frontier's level of the item ({@link Frontier}): its depth when its answer may take
     * on URLs of the site (a page of the site), -1 otherwise (an external link is only
     * checked), so that every URL is first found at the least depth that links to it.
     */
    static int level(QueueItem item) {
        return item.external ? -1 : item.depth;
    }

    /** One of the URLs the user gave (the start URL, a URL of a list check). */
    boolean isStart() {
        return startChain && referrerId == 0; // a start URL's own redirects have a referrer
    }

    /** The URL as a URI (parsed on demand: an item in a queue keeps only the text). */
    URI uri() {
        return Urls.toUri(url);
    }

    /**
     * The request target to send instead of the URI's, or null ({@link Urls#requestTarget}):
     * a "%" not followed by two hex digits goes as the browser sends it.
     */
    String target() {
        return Urls.requestTarget(url);
    }

    /** Host plus the port requests go to, e.g. "example.com:443". */
    static String hostKeyOf(URI uri) {
        return Urls.host(uri) + ":" + Urls.port(uri);
    }

    /** Packs items for the frontier's overflow on disk. */
    static byte[] encode(List<QueueItem> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(items.size() * 96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(items.size());
            for (QueueItem it : items) {
                out.writeLong(it.id);
                writeString(out, it.url);
                out.writeInt(it.depth);
                out.writeLong(it.referrerId);
                writeString(out, it.referrer);
                out.writeByte((it.external ? 1 : 0) | (it.startChain ? 2 : 0)
                        | (it.awaitingRetry ? 4 : 0) | (it.cookieChain ? 8 : 0)
                        | (it.revisit ? 16 : 0) | (it.retriedAfterDrop ? 32 : 0));
                out.writeShort(it.redirectHops);
                out.writeShort(it.retries);
                out.writeShort(it.retriedStatus);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks what {@link #encode} packed.
     *
     * @param hostKeys gives the shared host key of a URL
     */
    static List<QueueItem> decode(byte[] chunk, java.util.function.Function<String, String> hostKeys) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(chunk))) {
            int n = in.readInt();
            List<QueueItem> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                long id = in.readLong();
                String url = readString(in);
                int depth = in.readInt();
                long referrerId = in.readLong();
                String referrer = readString(in);
                int flags = in.readByte();
                int hops = in.readShort();
                QueueItem it = new QueueItem(id, url, hostKeys.apply(url), depth, referrerId,
                        referrer, (flags & 1) != 0, (flags & 2) != 0, hops);
                it.awaitingRetry = (flags & 4) != 0;
                it.cookieChain = (flags & 8) != 0;
                it.revisit = (flags & 16) != 0;
                it.retriedAfterDrop = (flags & 32) != 0;
                it.retries = in.readShort();
                it.retriedStatus = in.readShort();
                items.add(it);
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return url;
    }
}
