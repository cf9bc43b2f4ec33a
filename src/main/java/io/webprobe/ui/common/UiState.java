package io.webprobe.ui.common;

import io.webprobe.UserDirs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the user interface remembers between launches: window geometry, divider positions,
 * column layouts, recent start URLs, settings. A flat map of string keys to values, kept in
 * memory and written to one properties file by {@link #save()}.
 *
 * <h2>Keys</h2>
 * Keys are dotted names owned by the screen that writes them, e.g. {@code crawl.divider.0},
 * {@code crawl.columns.order}, {@code crawl.recentUrls}. A key holds one kind of value; a value
 * of the wrong kind (or a hand-edited file) reads as the default, never as an exception. In use:
 * {@code window.main.x}, {@code .y}, {@code .width}, {@code .height}, {@code .maximized}
 * ({@link RememberedWindow}).
 *
 * <h2>API</h2>
 * <ul>
 *   <li>{@link #getString}/{@link #putString}, {@link #getInt}/{@link #putInt},
 *       {@link #getDouble}/{@link #putDouble}, {@link #getBoolean}/{@link #putBoolean}: single
 *       values; the getters take the default to return when the key is missing or unreadable.
 *   <li>{@link #getStrings}/{@link #putStrings}: an ordered list of strings (column order,
 *       hidden columns); {@link #addRecent} keeps a most-recent-first list without duplicates
 *       and at most {@code limit} long (the last 20 start URLs).
 *   <li>{@link #remove} forgets a key; {@link #contains} asks whether it is set.
 *   <li>{@link #save()} writes the file (atomically: a temporary file renamed over it), off the
 *       lock, so the FX thread never waits for the disk. The app calls
 *       {@link #saveWhenChanged} once: every change is then written a moment later on a thread
 *       of its own (several changes in that moment once), so a crash or a kill loses at most
 *       that moment; and it saves once more when the main window closes.
 * </ul>
 *
 * <h2>Where it lives</h2>
 * {@link #load(Path)} reads a file, and {@link #defaultFile} names the per-user one:
 * {@code $XDG_CONFIG_HOME/webprobe/ui-state.properties} (default {@code ~/.config/webprobe})
 * on Linux, {@code ~/Library/Application Support/Webprobe} on macOS, {@code %APPDATA%\Webprobe}
 * on Windows ({@link UserDirs#config()}: {@code ~} is {@code $HOME} when it is set). {@link #inMemory()} remembers nothing across launches: tests use it so they never
 * touch the user's file. A missing or unreadable file starts empty; a file that cannot be written
 * is logged and otherwise ignored: losing a window size must never stop the app.
 *
 * <p>Thread-safe (every method is synchronised; the file is written outside that lock), but
 * meant for the FX thread.
 */
public final class UiState {
    private static final Logger log = LoggerFactory.getLogger(UiState.class);
    private static final String FILE_NAME = "ui-state.properties";
    private static final String COUNT = ".count";

    private final Properties values = new Properties();
    private final Path file;
    /** Held while the file is written: one write at a time, in the order asked. */
    private final Object writing = new Object();
    /** Changes not yet written, and whether a write of them is scheduled. */
    private boolean dirty;
    private boolean writeScheduled;
    private ScheduledExecutorService writer;
    private Duration writeDelay;

    private UiState(Path file) {
        this.file = file;
    }

    /** A state that starts empty and is never written anywhere. */
    public static UiState inMemory() {
        return new UiState(null);
    }

    /**
     * Reads the state from {@code file}, or starts empty when it does not exist or cannot be
     * read; {@link #save()} writes it back there (creating its folder).
     */
    public static UiState load(Path file) {
        UiState state = new UiState(Objects.requireNonNull(file));
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("Could not read the UI state {}; starting with defaults", file, e);
                state.values.clear();
            }
        }
        return state;
    }

    /**
     * The per-user state file for this operating system.
     *
     * @param env the environment ({@code System.getenv()}), for XDG_CONFIG_HOME and APPDATA
     * @param osName the {@code os.name} system property
     * @param home the {@code user.home} system property
     */
    public static Path defaultFile(Map<String, String> env, String osName, String home) {
        return defaultFile(new UserDirs(env, osName, home));
    }

    /** The per-user state file in these folders ({@link UserDirs#config()}). */
    public static Path defaultFile(UserDirs dirs) {
        return dirs.config().resolve(FILE_NAME);
    }

    /** The file {@link #save()} writes, or empty for an in-memory state. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public synchronized boolean contains(String key) {
        return values.containsKey(key) || values.containsKey(key + COUNT);
    }

    public synchronized void remove(String key) {
        values.remove(key);
        removeList(key);
        changed();
    }

    /**
     * From now on writes the state {@code delay} after a change, on {@code writer} (a thread
     * that is not the FX thread); changes made meanwhile go into the same write. Nothing is
     * written for an in-memory state.
     */
    public synchronized void saveWhenChanged(ScheduledExecutorService writer, Duration delay) {
        this.writer = Objects.requireNonNull(writer);
        this.writeDelay = Objects.requireNonNull(delay);
        if (dirty) {
            scheduleWrite();
        }
    }

    /** Notes a change, and schedules its write when {@link #saveWhenChanged} was called. */
    private void changed() {
        dirty = true;
        scheduleWrite();
    }

    private void scheduleWrite() {
        if (writer == null || file == null || writeScheduled) {
            return;
        }
        writeScheduled = true;
        try {
            writer.schedule(() -> {
                synchronized (this) {
                    writeScheduled = false;
                    if (!dirty) {
                        return;
                    }
                }
                save();
            }, writeDelay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            writeScheduled = false; // closing: the last save() writes it
        }
    }

    /** Stores a value; a change only when it differs from the one stored. */
    private void set(String key, String value) {
        Object was = values.setProperty(key, value);
        if (!value.equals(was)) {
            changed();
        }
    }

    public synchronized String getString(String key, String def) {
        return values.getProperty(key, def);
    }

    /** Stores {@code value}; null removes the key. */
    public synchronized void putString(String key, String value) {
        if (value == null) {
            if (values.remove(key) != null) {
                changed();
            }
        } else {
            set(key, value);
        }
    }

    public synchronized int getInt(String key, int def) {
        String v = values.getProperty(key);
        try {
            return v == null ? def : Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public synchronized void putInt(String key, int value) {
        set(key, Integer.toString(value));
    }

    /** The stored number, or {@code def} when missing, unreadable, NaN or infinite. */
    public synchronized double getDouble(String key, double def) {
        String v = values.getProperty(key);
        try {
            double d = v == null ? def : Double.parseDouble(v.strip());
            return Double.isFinite(d) ? d : def;
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public synchronized void putDouble(String key, double value) {
        set(key, Double.toString(value));
    }

    /** True for "true", false for "false" (any case); {@code def} otherwise. */
    public synchronized boolean getBoolean(String key, boolean def) {
        String v = values.getProperty(key);
        if (v == null) {
            return def;
        }
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> def;
        };
    }

    public synchronized void putBoolean(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /** The stored list in its order, or an empty list; never null. */
    public synchronized List<String> getStrings(String key) {
        int n = getInt(key + COUNT, 0);
        List<String> list = new ArrayList<>(Math.max(0, n));
        for (int i = 0; i < n; i++) {
            String v = values.getProperty(key + "." + i);
            if (v != null) {
                list.add(v);
            }
        }
        return list;
    }

    /** Stores the list (replacing any earlier one under this key); null items are skipped. */
    public synchronized void putStrings(String key, List<String> list) {
        List<String> kept = list.stream().filter(Objects::nonNull).toList();
        if (contains(key) && getStrings(key).equals(kept)) {
            return;
        }
        removeList(key);
        int i = 0;
        for (String v : kept) {
            values.setProperty(key + "." + i++, v);
        }
        values.setProperty(key + COUNT, Integer.toString(i));
        changed();
    }

    /**
     * Puts {@code value} first in the list under {@code key}, removing an earlier copy of it,
     * and keeps the first {@code limit} items: a most-recently-used list.
     *
     * @return the list as stored
     */
    public synchronized List<String> addRecent(String key, String value, int limit) {
        List<String> list = getStrings(key);
        list.remove(value);
        list.add(0, value);
        List<String> kept = new ArrayList<>(list.subList(0, Math.min(Math.max(limit, 0),
                list.size())));
        putStrings(key, kept);
        return kept;
    }

    /**
     * Writes the state to its file (nothing for an in-memory state). A failure is logged, not
     * thrown: the app must close even when the config folder is read-only.
     *
     * @return true when the file was written (or there is no file)
     */
    public boolean save() {
        if (file == null) {
            return true;
        }
        // written outside the state's lock: the FX thread changing a value never waits for
        // the disk; copied inside the writing lock, so an older copy never replaces a newer
        synchronized (writing) {
            Properties copy = new Properties();
            synchronized (this) {
                copy.putAll(values);
                dirty = false;
            }
            return write(copy);
        }
    }

    private boolean write(Properties copy) {
        Path tmp = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, FILE_NAME, ".part");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                copy.store(out, "Webprobe window and layout state; safe to delete");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("Could not save the UI state to {}", file, e);
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temporary file stays; it is named *.part and harmless
                }
            }
            synchronized (this) {
                dirty = true; // tried again with the next change, and at exit
            }
            return false;
        }
    }

    private void removeList(String key) {
        int n = getInt(key + COUNT, 0);
        for (int i = 0; i < n; i++) {
            values.remove(key + "." + i);
        }
        values.remove(key + COUNT);
    }

}
