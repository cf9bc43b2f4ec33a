package io.webprobe.store;

import io.webprobe.crawl.CrawlResult;
import io.webprobe.crawl.RedirectChains;
import io.webprobe.http.ErrorKind;
import io.webprobe.crawl.SkipReason;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's table over a crawl file: which finished URLs match a filter and a search, in
 * which order (as an array of ids, so a million rows cost 8 MB, not a million row objects), and
 * the rows of a page of ids. Each query scans the URL table once and sorts in Java: numbers by
 * value, text ignoring case, ties by id. Text sorts of more than {@value #RANK_CACHE_FROM} rows
 * remember every row's rank for that column until the file changes, so filtering and searching
 * a sorted million-row crawl stays under a second after the first sort.
 *
 * <p>Uses its reader's connection: one thread at a time, as the reader.
 */
public final class UrlQuery {
    /** Text sorts of more rows than this rank the whole column once and keep the ranks. */
    static final int RANK_CACHE_FROM = 150_000;
    /**
     * The sort key of a row without a value (no answer, so no time or size): below every value,
     * 0 included, as SQLite orders NULL. A 0 ms answer on loopback once tied with a timeout.
     */
    private static final long NO_VALUE = Long.MIN_VALUE / 4;

    /**
     * What to list.
     *
     * @param filter which rows
     * @param search text the URL or the title must contain (ignoring case), or ""
     * @param sort the sort column ({@link UrlField#SEQ} for the crawl's order)
     * @param descending whether largest (or Z) comes first
     */
    public record Request(UrlFilter filter, String search, UrlField sort, boolean descending) {
        public Request {
            search = search == null ? "" : search.strip();
        }

        /** Every finished row in the crawl's order. */
        public static final Request ALL = new Request(UrlFilter.ALL, "", UrlField.SEQ, false);

        /** Whether rows that finish later always come after the ones before (appendable). */
        public boolean inCrawlOrder() {
            return sort == UrlField.SEQ && !descending;
        }
    }

    /**
     * The matching ids in order.
     *
     * @param ids the ids
     * @param lastSeq the highest completion number in the file when it was read: rows after it
     *     are new
     * @param revisits the rows asked again by then ({@link Schema#REVISITS_KEY})
     * @param whole whether these are all the matching ids, not those to append
     */
    public record Ids(long[] ids, long lastSeq, long revisits, boolean whole) {
        /** All the matching ids of a file whose rows were never asked again. */
        public Ids(long[] ids, long lastSeq) {
            this(ids, lastSeq, 0, true);
        }
    }

    /**
     * One URL row.
     *
     * @param id its id in the file
     * @param seq its completion number
     * @param result what the crawl found
     * @param redirectChain the whole chain for a redirect ({@code a [301] → b [200]}), or ""
     * @param chainError for a redirect whose chain fails in itself (a loop, too many
     *     redirects), that failure ({@link RedirectChains.Chain#error}), else null
     * @param chainProblem for a redirect whose chain fails or ends broken (a 404 at its end),
     *     why in a sentence ({@link RedirectChains.Chain#problem}, as the broken links CSV
     *     says it), else ""
     */
    public record Row(long id, long seq, CrawlResult result, String redirectChain,
            io.webprobe.http.ErrorKind chainError, String chainProblem) {

        public Row {
            chainProblem = chainProblem == null ? "" : chainProblem;
        }

        /** A row whose redirects, if any, do not fail in themselves. */
        public Row(long id, long seq, CrawlResult result, String redirectChain) {
            this(id, seq, result, redirectChain, null, "");
        }

        /** Broken in itself, or a redirect into a loop or too many redirects. */
        public boolean broken() {
            return result.isBroken() || chainError != null;
        }

        /** The status as the table shows it: the chain's failure ("Redirect loop") first. */
        public String statusText() {
            return chainError != null ? chainError.label() : result.statusText();
        }

        /**
         * {@link #statusText()} in a word or two ("Loop", "Refused"), for a Status column too
         * narrow for it.
         */
        public String statusWord() {
            return chainError != null ? chainError.word() : result.statusWord();
        }

        /**
         * Why it is broken, in words: the chain's failure first; for a redirect that is not
         * broken itself but whose chain ends broken, where it ends.
         */
        public String reason() {
            return chainProblem.isEmpty() ? result.reason() : chainProblem;
        }

        /**
         * Whether {@link #reason()} only says again what {@link #statusText()} says
         * ({@code CrawlResult#reasonRepeatsStatus}): the table leaves its cell empty.
         */
        public boolean reasonRepeatsStatus() {
            return chainProblem.isEmpty() && chainError == null && result.reasonRepeatsStatus();
        }
    }

    private record Ranks(long dataVersion, int[] rankById) {}

    /** A row's text key: {@code key} is the text in lower case (compared first). */
    private record Text(long id, String key, String text) {
        static Text of(long id, String text) {
            String t = text == null ? "" : text;
            return new Text(id, t.toLowerCase(java.util.Locale.ROOT), t);
        }
    }

    private static final Comparator<Text> TEXT_ORDER = Comparator
            .comparing(Text::key)
            .thenComparing(Text::text)
            .thenComparingLong(Text::id);
    /** Z first, but equal texts still by id, as numbers sort. */
    private static final Comparator<Text> TEXT_ORDER_DESC = Comparator
            .comparing(Text::key, Comparator.reverseOrder())
            .thenComparing(Text::text, Comparator.reverseOrder())
            .thenComparingLong(Text::id);

    private final CrawlReader reader;
    private final Connection conn;
    private final Map<UrlField, Ranks> ranks = new EnumMap<>(UrlField.class);
    private final DuplicateTitles duplicates;
    private final int rankCacheFrom;

    /** Works on the reader's connection (registers the workspace's SQL functions there). */
    public UrlQuery(CrawlReader reader) throws StoreException {
        this(reader, RANK_CACHE_FROM);
    }

    /** @param rankCacheFrom text sorts of more rows than this keep every row's rank */
    UrlQuery(CrawlReader reader, int rankCacheFrom) throws StoreException {
        this.reader = reader;
        this.rankCacheFrom = rankCacheFrom;
        this.conn = reader.connection();
        this.duplicates = new DuplicateTitles(reader);
        try {
            WorkspaceSql.install(conn);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
    }

    /** The matching ids, sorted. */
    public Ids ids(Request r) throws StoreException {
        long revisits = revisits(); // before the rows: one asked again meanwhile moves it
        Ids sorted = sorted(r);
        return new Ids(sorted.ids(), sorted.lastSeq(), revisits, true);
    }

    private Ids sorted(Request r) throws StoreException {
        long lastSeq = lastSeq();
        java.util.function.LongPredicate only = keep(r.filter());
        boolean text = !r.sort().numeric();
        boolean ranked = text && ranks(r.sort()) != null;
        String key = ranked ? "u.id" : r.sort().sql();
        StringBuilder sql = new StringBuilder("SELECT u.id, ").append(key).append(" FROM urls u ");
        if (r.sort().needsReferrer() && !ranked) {
            sql.append("LEFT JOIN urls r ON r.id = u.referrer_id ");
        }
        sql.append("WHERE u.state = 1 AND u.seq <= ? AND ").append(r.filter().sql());
        List<Object> args = new ArrayList<>(List.of(lastSeq));
        appendSearch(sql, args, r.search());
        if (!text || ranked) {
            Growing g = new Growing();
            query(sql.toString(), rs -> {
                long id = rs.getLong(1);
                if (only == null || only.test(id)) {
                    long k = rs.getLong(2);
                    g.add(id, rs.wasNull() ? NO_VALUE : k);
                }
            }, args);
            if (ranked) {
                int[] rank = ranks(r.sort()).rankById();
                for (int i = 0; i < g.n; i++) {
                    long id = g.ids[i];
                    g.keys[i] = id < rank.length ? rank[(int) id] : Integer.MAX_VALUE;
                }
            }
            IdSort.sort(g.ids, g.keys, g.n, r.descending());
            return new Ids(Arrays.copyOf(g.ids, g.n), lastSeq);
        }
        List<Text> rows = new ArrayList<>();
        query(sql.toString(), rs -> {
            long id = rs.getLong(1);
            if (only == null || only.test(id)) {
                rows.add(Text.of(id, rs.getString(2)));
            }
        }, args);
        if (rows.size() > rankCacheFrom) {
            boolean everyRow = r.filter() == UrlFilter.ALL && r.search().isEmpty();
            rankAll(r.sort(), everyRow ? rows : null);
            return sorted(r); // now ranked: the next filter or search on this column is quick
        }
        rows.sort(r.descending() ? TEXT_ORDER_DESC : TEXT_ORDER);
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = rows.get(i).id();
        }
        return new Ids(ids, lastSeq);
    }

    /**
     * The matching rows that finished after {@code afterSeq}, in crawl order: what a table in
     * crawl order appends while a crawl runs.
     */
    public Ids idsAfter(long afterSeq, Request r) throws StoreException {
        return appended(afterSeq, revisits(), r);
    }

    /**
     * As {@link #idsAfter(long, Request)}, for a table that read the file when its rows asked
     * again numbered {@code afterRevisits}: once that moved (a row asked again keeps its place
     * but may have left or joined the filter), all the matching ids instead.
     */
    public Ids idsAfter(long afterSeq, long afterRevisits, Request r) throws StoreException {
        long revisits = revisits();
        if (revisits != afterRevisits) {
            return ids(r);
        }
        return appended(afterSeq, revisits, r);
    }

    /** The matching rows that finished after {@code afterSeq}, the file's revisits read. */
    private Ids appended(long afterSeq, long revisits, Request r) throws StoreException {
        long lastSeq = lastSeq();
        StringBuilder sql = new StringBuilder("SELECT u.id FROM urls u WHERE u.state = 1 "
                + "AND u.seq > ? AND u.seq <= ? AND ").append(r.filter().sql());
        List<Object> args = new ArrayList<>(List.of(afterSeq, lastSeq));
        appendSearch(sql, args, r.search());
        sql.append(" ORDER BY u.seq");
        java.util.function.LongPredicate only = keep(r.filter());
        Growing g = new Growing();
        query(sql.toString(), rs -> {
            long id = rs.getLong(1);
            if (only == null || only.test(id)) {
                g.add(id, 0);
            }
        }, args);
        return new Ids(Arrays.copyOf(g.ids, g.n), lastSeq, revisits, false);
    }

    /** How many rows the crawl asked again ({@link Schema#REVISITS_KEY}). */
    private long revisits() throws StoreException {
        try {
            return Sql.longValue(conn, Schema.REVISITS_SQL);
        } catch (SQLException e) {
            throw SqlErrors.readFailure(reader.file(), e);
        }
    }

    /**
     * Which of the rows a filter's SQL lets through belong to it, for the filters SQL alone
     * cannot decide (null for the others): duplicate titles, and the Broken filter's redirects.
     */
    private java.util.function.LongPredicate keep(UrlFilter f) throws StoreException {
        if (f == UrlFilter.DUPLICATE_TITLE) {
            java.util.BitSet dup = duplicates.ids(dataVersion());
            return id -> dup.get((int) id);
        }
        if (f == UrlFilter.BROKEN) {
            java.util.BitSet fine = reader.redirectsNotBroken();
            return id -> !fine.get((int) id);
        }
        return null;
    }

    /** The rows of these ids, in the order given; ids the file does not hold are left out. */
    public List<Row> rows(long[] ids) throws StoreException {
        Map<Long, Row> byId = new HashMap<>();
        queryIds("SELECT u.id, u.seq, " + StoredRows.RESULT_COLUMNS
                + " FROM urls u LEFT JOIN urls r ON r.id = u.referrer_id WHERE u.id", ids, rs -> {
                    long id = rs.getLong(1);
                    CrawlResult result = StoredRows.result(rs, 3);
                    byId.put(id, new Row(id, rs.getLong(2), result, ""));
                });
        List<Row> out = new ArrayList<>(byId.size());
        for (long id : ids) {
            Row row = byId.get(id);
            if (row != null) {
                if (!row.result().redirectTo().isEmpty()) {
                    RedirectChains.Chain c = chain(id);
                    boolean fails = c.failsInItself();
                    row = new Row(row.id(), row.seq(), row.result(), c.text(),
                            fails ? c.error() : null, c.broken() ? c.problem() : "");
                }
                out.add(row);
            }
        }
        return out;
    }

    /** The URLs of these ids, in the order given (unknown ids left out). */
    public List<String> urls(long[] ids) throws StoreException {
        Map<Long, String> byId = new HashMap<>();
        queryIds("SELECT id, url FROM urls WHERE id", ids,
                rs -> byId.put(rs.getLong(1), rs.getString(2)));
        List<String> out = new ArrayList<>(byId.size());
        for (long id : ids) {
            String u = byId.get(id);
            if (u != null) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * The dedup key of a stored URL's text, to find its row through {@code urls_by_key}; null
     * when the text does not parse (then only a search by {@code url} finds it).
     */
    static String keyOf(String url) {
        try {
            // the crawl's text of a URL keeps a stray "%" as the link wrote it (not a URI)
            return io.webprobe.http.Urls.key(io.webprobe.http.Urls.toUri(url));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The id of a URL as the crawl requested it, or 0 when the file does not hold it. */
    public long idOf(String url) throws StoreException {
        long[] id = {0};
        String key = keyOf(url);
        if (key != null) {
            query("SELECT id FROM urls WHERE key = ?", rs -> id[0] = rs.getLong(1), List.of(key));
        }
        if (id[0] == 0) { // a URL whose key is not its own text: look it up the slow way
            query("SELECT id FROM urls WHERE url = ? LIMIT 1", rs -> id[0] = rs.getLong(1),
                    List.of(url));
        }
        return id[0];
    }

    /** The redirect chain starting at this id (one hop when it does not redirect). */
    public RedirectChains.Chain chain(long id) throws StoreException {
        RedirectChains.Node first = node(id);
        if (first == null) {
            return new RedirectChains.Chain(List.of(new RedirectChains.Node(id, "", false, 0,
                    null, "", null, "", 0)), RedirectChains.End.NOT_FOLLOWED, "");
        }
        StoreException[] failure = {null};
        RedirectChains.Chain c = RedirectChains.follow(first, next -> {
            try {
                return node(next);
            } catch (StoreException e) {
                failure[0] = e;
                return null;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return c;
    }

    /**
     * A number that changes whenever another connection (the crawl's writer, a re-check) has
     * committed to the file since the last call: the file's rows may have changed.
     */
    public long dataVersion() throws StoreException {
        long[] v = {0};
        query("PRAGMA data_version", rs -> v[0] = rs.getLong(1), List.of());
        return v[0];
    }

    /** The highest completion number in the file (0 before the first URL finished). */
    public long lastSeq() throws StoreException {
        long[] v = {0};
        query("SELECT COALESCE(MAX(seq), 0) FROM urls", rs -> v[0] = rs.getLong(1), List.of());
        return v[0];
    }

    // ------------------------------------------------------------------ helpers

    private RedirectChains.Node node(long id) throws StoreException {
        RedirectChains.Node[] n = {null};
        query("SELECT id, url, state, status, error, error_message, skip_reason, redirect_to, "
                + "redirect_id, flags FROM urls WHERE id = ?", rs -> {
                    String error = rs.getString(5);
                    String skip = rs.getString(7);
                    n[0] = new RedirectChains.Node(rs.getLong(1), rs.getString(2),
                            rs.getInt(3) == Schema.DONE, rs.getInt(4),
                            error == null ? null : ErrorKind.valueOf(error), rs.getString(6),
                            skip == null ? null : SkipReason.valueOf(skip), rs.getString(8),
                            rs.getLong(9), (rs.getInt(10) & Schema.ACCEPTED) != 0);
                }, List.of(id));
        return n[0];
    }

    /**
     * Every finished row's rank in the column's text order, kept until the file changes.
     *
     * @param everyRow every finished row's text when the caller has just read them, else null
     */
    private void rankAll(UrlField field, List<Text> everyRow) throws StoreException {
        long version = dataVersion();
        List<Text> rows = everyRow;
        if (rows == null) {
            List<Text> read = new ArrayList<>();
            query("SELECT u.id, " + field.sql() + " FROM urls u "
                    + (field.needsReferrer() ? "LEFT JOIN urls r ON r.id = u.referrer_id " : "")
                    + "WHERE u.state = 1", rs -> read.add(Text.of(rs.getLong(1), rs.getString(2))),
                    List.of());
            rows = read;
        }
        long maxId = 0;
        for (Text t : rows) {
            maxId = Math.max(maxId, t.id());
        }
        rows.sort(TEXT_ORDER);
        int[] rank = new int[Math.toIntExact(maxId + 1)];
        Arrays.fill(rank, Integer.MAX_VALUE);
        int r = 0;
        String last = null;
        for (Text t : rows) {
            if (last == null || !t.text().equals(last)) {
                r++; // equal texts share a rank, so their order falls to the id
                last = t.text();
            }
            rank[(int) t.id()] = r;
        }
        ranks.put(field, new Ranks(version, rank));
    }

    /** The column's ranks when they are still those of the file as it is. */
    private Ranks ranks(UrlField field) throws StoreException {
        Ranks r = ranks.get(field);
        if (r == null) {
            return null;
        }
        if (r.dataVersion() != dataVersion()) {
            ranks.clear();
            return null;
        }
        return r;
    }

    private static void appendSearch(StringBuilder sql, List<Object> args, String search) {
        if (!search.isEmpty()) {
            String p = WorkspaceSql.containsPattern(search);
            // URLs are stored as sent, percent-encoded: "ünicode" or "with space" typed in the
            // search are found in them as %C3%BCnicode and with%20space, and a host shown as
            // "müller.example" as xn--mller-kva.example
            sql.append(" AND (u.url LIKE ? ESCAPE '\\' OR u.title LIKE ? ESCAPE '\\'");
            args.add(p);
            args.add(p);
            for (String form : new String[] {asInUrls(search), asInHosts(search)}) {
                if (form != null) {
                    sql.append(" OR u.url LIKE ? ESCAPE '\\'");
                    args.add(WorkspaceSql.containsPattern(form));
                }
            }
            sql.append(")");
        }
    }

    /** Search text as stored URLs hold it ({@link io.webprobe.http.Urls#asInUrls}). */
    static String asInUrls(String text) {
        return io.webprobe.http.Urls.asInUrls(text);
    }

    /** Search text as stored hosts hold it ({@link io.webprobe.http.Urls#asInHosts}). */
    static String asInHosts(String text) {
        return io.webprobe.http.Urls.asInHosts(text);
    }

    /**
     * Runs {@code selectWhereId} followed by " IN (?, ...)" over the ids, 500 to a statement,
     * each row to {@code row}.
     */
    private void queryIds(String selectWhereId, long[] ids, CrawlReader.Row row)
            throws StoreException {
        for (int from = 0; from < ids.length; from += 500) {
            int to = Math.min(ids.length, from + 500);
            StringBuilder sql = new StringBuilder(selectWhereId).append(" IN (");
            List<Object> args = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sql.append(i == from ? "?" : ", ?");
                args.add(ids[i]);
            }
            sql.append(')');
            query(sql.toString(), row, args);
        }
    }

    private void query(String sql, CrawlReader.Row row, List<Object> args)
            throws StoreException {
        reader.query(sql, row, args.toArray());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Ids and keys growing as rows are read. */
    private static final class Growing {
        long[] ids = new long[1024];
        long[] keys = new long[1024];
        int n;

        void add(long id, long key) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
                keys = Arrays.copyOf(keys, n * 2);
            }
            ids[n] = id;
            keys[n++] = key;
        }
    }
}
