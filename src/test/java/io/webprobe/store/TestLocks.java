package io.webprobe.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;

/** Crawl file locks for tests outside this package. */
public final class TestLocks {
    private TestLocks() {}

    /** Marks {@code file} as held by the running process {@code owner} on this host. */
    public static void heldBy(Path file, Process owner) throws Exception {
        OwnerLock lock = lockOf(owner);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, lock.encode());
            ps.executeUpdate();
        }
    }

    /**
     * As a crawl resumed in the running process {@code owner} leaves {@code file} when killed
     * between two writes of its inlink counts: held by {@code owner}, its state running, and
     * every URL's inlinks not written yet (0, and the file says some are pending). One commit.
     */
    public static void crawlingWithInlinksUnwritten(Path file, Process owner) throws Exception {
        OwnerLock lock = lockOf(owner);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
                for (String[] row : new String[][] {{"lock", lock.encode()},
                        {"state", io.webprobe.crawl.CrawlState.RUNNING.label()},
                        {StoreWriter.INLINKS_PENDING, "1"}}) {
                    ps.setString(1, row[0]);
                    ps.setString(2, row[1]);
                    ps.executeUpdate();
                }
            }
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE urls SET inlinks = 0");
            }
            c.commit();
        }
    }

    /** The lock row the running process {@code owner} on this host writes. */
    private static OwnerLock lockOf(Process owner) {
        long started = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new OwnerLock(owner.pid(), started, OwnerLock.self(Instant.now()).host(),
                System.currentTimeMillis());
    }
}
