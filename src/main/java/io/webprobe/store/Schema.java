package io.webprobe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crawl file's tables (documented for users in docs/storage.md). A crawl file is marked by
 * SQLite's {@code application_id} and carries its schema version in {@code user_version}, so a
 * file that is not a crawl, or one made by a newer Webprobe, is recognised before it is read.
 */
final class Schema {
    /** "WPRB": the application id of a Webprobe crawl file. */
    static final int APPLICATION_ID = 0x57505242;
    /** The version this code writes and reads; a file with a higher one is refused. */
    static final int VERSION = 1;

    /** URL states. */
    static final int QUEUED = 0;
    static final int DONE = 1;

    /** URL flags. */
    static final int EXTERNAL = 1;
    static final int START_CHAIN = 2;
    static final int IN_SITEMAP = 4;
    static final int TRUNCATED = 8;
    /**
     * A URL fetched already that the crawl has queued to ask again (a cookie was set since,
     * {@code LinkGraph}); cleared by its next result. A resume asks it again.
     */
    static final int REVISIT = 16;
    /**
     * The meta key counting the results written over a row that had one ({@link #REVISIT}):
     * a row counted by what finished since a read changed, so the overview counts afresh.
     */
    static final String REVISITS_KEY = "revisits";
    /** Reads {@link #REVISITS_KEY}: 0 in a file without. */
    static final String REVISITS_SQL = "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM meta "
            + "WHERE key = '" + REVISITS_KEY + "'), 0)";
    /**
     * A 4xx/5xx status the crawl was told to accept ({@code --accept}): the row keeps its
     * status and is not broken. Set with each result from the crawl's plan, so a resume and a
     * re-check apply the same rule; files from before it never have it.
     */
    static final int ACCEPTED = 32;

    /**
     * The one rule of a broken status in SQL ({@link io.webprobe.crawl.CrawlResult#brokenStatus}),
     * for the row {@code alias} ("u", "t"; "" for none): a 4xx or 5xx not accepted.
     */
    static String brokenStatus(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return "(" + a + "status >= 400 AND (" + a + "flags & " + ACCEPTED + ") = 0)";
    }

    /**
     * A page of the site that answered 200 with HTML in a crawl that checks anchors: its
     * anchors are in {@code anchors}, and fragments of links to it are judged.
     */
    static final int ANCHORS_LISTED = 64;
    /** Such a page defining more anchors than are kept: fragments to it are not judged. */
    static final int ANCHORS_CUT = 128;
    /**
     * A page whose links are being written in parts ahead of its visit (a page of thousands
     * of links, {@code CrawlSink#visitedPart}); cleared by its result. Left set by a crawl
     * stopped or killed midway: the page is still queued, and its next visit replaces what
     * its parts wrote.
     */
    static final int LINKS_PARTIAL = 256;

    /**
     * The skip reasons that are blocks (the site kept us out: outcome "blocked", not
     * "skipped"), as an SQL list: {@link io.webprobe.crawl.SkipReason#isBlock()}'s rule.
     */
    static final String BLOCK_REASONS = java.util.Arrays.stream(
                    io.webprobe.crawl.SkipReason.values())
            .filter(io.webprobe.crawl.SkipReason::isBlock)
            .map(r -> "'" + r.name() + "'")
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));

    private static final String[] TABLES = {
        """
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID""",
        """
        CREATE TABLE urls (
          id               INTEGER PRIMARY KEY,
          key              TEXT NOT NULL,
          url              TEXT NOT NULL,
          depth            INTEGER NOT NULL,
          referrer_id      INTEGER,
          flags            INTEGER NOT NULL DEFAULT 0,
          state            INTEGER NOT NULL DEFAULT 0,
          seq              INTEGER,
          status           INTEGER,
          error            TEXT,
          error_message    TEXT,
          content_type     TEXT,
          size_bytes       INTEGER,
          response_ms      INTEGER,
          title            TEXT,
          outlinks         INTEGER,
          redirect_to      TEXT,
          redirect_id      INTEGER,
          canonical        TEXT,
          meta_description TEXT,
          h1               TEXT,
          word_count       INTEGER,
          meta_robots      TEXT,
          robots_header    TEXT,
          skip_reason      TEXT,
          retries          INTEGER NOT NULL DEFAULT 0,
          retry_status     INTEGER,
          fetched_at       INTEGER,
          inlinks          INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE UNIQUE INDEX urls_by_key ON urls(key)",
        "CREATE INDEX urls_by_seq ON urls(seq)",
        """
        CREATE TABLE links (
          source_id INTEGER NOT NULL,
          pos       INTEGER NOT NULL,
          target_id INTEGER NOT NULL,
          type      TEXT NOT NULL,
          anchor    TEXT,
          nofollow  INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (source_id, pos)
        ) WITHOUT ROWID""",
        "CREATE INDEX links_by_target ON links(target_id)",
        """
        CREATE TABLE invalid_links (
          source_id INTEGER NOT NULL,
          pos       INTEGER NOT NULL,
          href      TEXT NOT NULL,
          anchor    TEXT,
          type      TEXT NOT NULL,
          reason    TEXT NOT NULL,
          PRIMARY KEY (source_id, pos)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE headers (
          url_id INTEGER PRIMARY KEY,
          fields TEXT NOT NULL
        )""",
        """
        CREATE TABLE skips (
          key    TEXT PRIMARY KEY,
          reason TEXT NOT NULL
        ) WITHOUT ROWID""",
        """
        CREATE TABLE spill (
          chunk INTEGER PRIMARY KEY,
          items BLOB NOT NULL
        )""",
    };

    /**
     * Tables added after the first files were made, which a file may lack: a file made before
     * them is read as one whose crawl did not check anchors, and gets them (empty) when it is
     * next opened for writing. Older Webprobes read and resume files that have them, and
     * leave them alone.
     */
    private static final String[] OPTIONAL_TABLES = {
        """
        CREATE TABLE IF NOT EXISTS anchors (
          url_id INTEGER NOT NULL,
          name   TEXT NOT NULL,
          PRIMARY KEY (url_id, name)
        ) WITHOUT ROWID""",
        """
        CREATE TABLE IF NOT EXISTS link_fragments (
          source_id INTEGER NOT NULL,
          target_id INTEGER NOT NULL,
          fragment  TEXT NOT NULL,
          decoded   TEXT,
          anchor    TEXT,
          pos       INTEGER NOT NULL,
          PRIMARY KEY (source_id, target_id, fragment)
        ) WITHOUT ROWID""",
    };

    /** Each table's columns, as the statements above create them. */
    private static final Map<String, List<String>> COLUMNS = columns();

    private Schema() {}

    private static Map<String, List<String>> columns() {
        Pattern table = Pattern.compile("CREATE TABLE (\\w+) \\(");
        Pattern column = Pattern.compile("^\\s+(\\w+)\\s+(?:INTEGER|TEXT|BLOB)\\b",
                Pattern.MULTILINE);
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String ddl : TABLES) {
            Matcher t = table.matcher(ddl);
            if (t.find()) {
                List<String> names = new ArrayList<>();
                for (Matcher c = column.matcher(ddl); c.find(); ) {
                    names.add(c.group(1));
                }
                m.put(t.group(1), List.copyOf(names));
            }
        }
        return Collections.unmodifiableMap(m);
    }

    /** The tables and their columns, as a crawl file of this version has them. */
    static Map<String, List<String>> columnsByTable() {
        return COLUMNS;
    }

    /**
     * The first table or column ("links", "urls.title") a crawl file lacks, or null when it
     * has every one this version reads and writes: a file whose tables were dropped or
     * altered by hand still opens in SQLite, and would otherwise fail half way through an
     * export.
     */
    static String missing(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM pragma_table_info(?)")) {
            for (Map.Entry<String, List<String>> e : COLUMNS.entrySet()) {
                ps.setString(1, e.getKey());
                Set<String> have = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        have.add(rs.getString(1));
                    }
                }
                if (have.isEmpty()) {
                    return e.getKey();
                }
                for (String col : e.getValue()) {
                    if (!have.contains(col)) {
                        return e.getKey() + "." + col;
                    }
                }
            }
        }
        return null;
    }

    /** Creates every table in an empty database and marks it as a crawl file. */
    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : TABLES) {
                st.execute(ddl);
            }
            addOptional(c);
            st.execute("PRAGMA application_id = " + APPLICATION_ID);
            st.execute("PRAGMA user_version = " + VERSION);
        }
    }

    /** Adds the {@link #OPTIONAL_TABLES} a file lacks (a file opened for writing). */
    static void addOptional(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : OPTIONAL_TABLES) {
                st.execute(ddl);
            }
        }
    }

    /** Whether the file has the anchor tables (made or opened for writing since they exist). */
    static boolean hasAnchors(Connection c) throws SQLException {
        return Sql.longValue(c, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                + "AND name IN ('anchors', 'link_fragments')") == 2;
    }
}
