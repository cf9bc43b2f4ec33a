package io.webprobe.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the screens remember between launches (settings, recent start URLs and crawl files,
 * column layouts, divider positions), by dotted key. The app backs it with the user's UI state
 * file; tests use {@link #inMemory()} so they never touch the user's own. Getters take the
 * value to use when the key is missing or unreadable. Called on the FX thread.
 */
public interface UiMemory {
    String getString(String key, String def);

    /** Stores the value; null forgets the key. */
    void putString(String key, String value);

    double getDouble(String key, double def);

    void putDouble(String key, double value);

    boolean getBoolean(String key, boolean def);

    void putBoolean(String key, boolean value);

    /** The stored list in its order, or an empty list. */
    List<String> getStrings(String key);

    void putStrings(String key, List<String> values);

    /**
     * Puts {@code value} first in the list under {@code key} (removing an earlier copy) and
     * keeps at most {@code limit}: a most-recently-used list.
     *
     * @return the list as stored
     */
    default List<String> addRecent(String key, String value, int limit) {
        List<String> list = new ArrayList<>(getStrings(key));
        list.remove(value);
        list.add(0, value);
        List<String> kept = new ArrayList<>(list.subList(0, Math.min(limit, list.size())));
        putStrings(key, kept);
        return kept;
    }

    /** A memory that lives as long as the object: for tests (share one to "restart"). */
    static UiMemory inMemory() {
        return new UiMemory() {
            private final Map<String, Object> values = new HashMap<>();

            @Override
            public synchronized String getString(String key, String def) {
                return values.get(key) instanceof String s ? s : def;
            }

            @Override
            public synchronized void putString(String key, String value) {
                if (value == null) {
                    values.remove(key);
                } else {
                    values.put(key, value);
                }
            }

            @Override
            public synchronized double getDouble(String key, double def) {
                return values.get(key) instanceof Double d ? d : def;
            }

            @Override
            public synchronized void putDouble(String key, double value) {
                values.put(key, value);
            }

            @Override
            public synchronized boolean getBoolean(String key, boolean def) {
                return values.get(key) instanceof Boolean b ? b : def;
            }

            @Override
            public synchronized void putBoolean(String key, boolean value) {
                values.put(key, value);
            }

            @Override
            public synchronized List<String> getStrings(String key) {
                return values.get(key) instanceof List<?> l ? l.stream().map(String::valueOf)
                        .toList() : List.of();
            }

            @Override
            public synchronized void putStrings(String key, List<String> list) {
                values.put(key, List.copyOf(list));
            }
        };
    }
}
