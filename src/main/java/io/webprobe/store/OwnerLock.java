package io.webprobe.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who has a crawl file open for writing: a {@code meta} row {@code lock} holding the owner's
 * process id, the process's start time, its host and a heartbeat the writer renews. SQLite's
 * own locks only order writers; this row says "open in another running Webprobe". The owner is
 * alive when, on this host, its process still runs (same id and start time), or, seen from
 * another host, when its heartbeat is recent. A lock left by a killed process is stale and
 * taken over.
 *
 * @param pid the owner's process id
 * @param started the owner process's start time (epoch ms), or 0 when unknown
 * @param host the owner's host name
 * @param beat the last heartbeat (epoch ms)
 */
record OwnerLock(long pid, long started, String host, long beat) {
    /** A heartbeat older than this, from another host, means the owner is gone. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    /** This process, now. */
    static OwnerLock self(Instant now) {
        ProcessHandle me = ProcessHandle.current();
        return new OwnerLock(me.pid(), startOf(me), hostName(), now.toEpochMilli());
    }

    /** A copy with a new heartbeat. */
    OwnerLock beatAt(Instant now) {
        return new OwnerLock(pid, started, host, now.toEpochMilli());
    }

    String encode() {
        return pid + ";" + started + ";" + beat + ";" + host;
    }

    /** The lock a row holds, or empty when it cannot be read (treated as no lock). */
    static Optional<OwnerLock> decode(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String[] p = value.split(";", 4);
        try {
            return Optional.of(new OwnerLock(Long.parseLong(p[0]), Long.parseLong(p[1]), p[3],
                    Long.parseLong(p[2])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The owner as a temporary file's name carries it ({@code PID_START_HOST}, the host as a
     * hash of its name): a file killed before its first commit has no lock row to say whose it
     * was ({@link TemporaryCrawls}).
     */
    String nameTag() {
        return pid + "_" + started + "_" + hostHash(host);
    }

    /**
     * The owner a {@link #nameTag} names, or empty when it is none; one of another host is
     * never {@link #onThisHost}.
     */
    static Optional<OwnerLock> fromNameTag(String tag) {
        String[] p = tag.split("_", -1);
        if (p.length != 3) {
            return Optional.empty();
        }
        try {
            String host = p[2].equals(hostHash(hostName())) ? hostName() : "#" + p[2];
            return Optional.of(new OwnerLock(Long.parseLong(p[0]), Long.parseLong(p[1]), host,
                    0));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String hostHash(String host) {
        return Integer.toHexString(host.hashCode());
    }

    /** Whether this lock's owner is this very process. */
    boolean isSelf() {
        OwnerLock me = self(Instant.EPOCH);
        return pid == me.pid && started == me.started && host.equals(me.host);
    }

    /** Whether the owner runs on this machine. */
    boolean onThisHost() {
        return host.equals(hostName());
    }

    /** Whether the owner still runs (see the class comment). */
    boolean ownerAlive(Instant now) {
        if (host.equals(hostName())) {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> started == 0 || startOf(h) == 0 || startOf(h) == started)
                    .orElse(false);
        }
        return Duration.ofMillis(now.toEpochMilli() - beat).compareTo(STALE_AFTER) < 0;
    }

    private static long startOf(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private static String hostName() {
        return HOST;
    }

    /** This machine's name, read without a name lookup where the system allows. */
    private static final String HOST = readHostName();

    private static String readHostName() {
        try {
            java.nio.file.Path p = java.nio.file.Path.of("/proc/sys/kernel/hostname");
            if (java.nio.file.Files.isReadable(p)) {
                return java.nio.file.Files.readString(p).strip();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // fall through to the environment
        }
        for (String var : new String[] {"COMPUTERNAME", "HOSTNAME"}) {
            String v = System.getenv(var);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
