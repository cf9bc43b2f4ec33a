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
        long started = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        OwnerLock lock = new OwnerLock(owner.pid(), started,
                OwnerLock.self(Instant.now()).host(), System.currentTimeMillis());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var ps = c.prepareStatement("INSERT OR REPLACE INTO meta VALUES ('lock', ?)")) {
            ps.setString(1, lock.encode());
            ps.executeUpdate();
        }
    }
}
