package io.webprobe.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The option or command a user most likely meant by one they mistyped ({@code --no-extrenal},
 * {@code --concurency}, {@code crwal}), as git and cargo suggest one: the names at the least
 * edit distance (a letter added, dropped, changed, or two swapped), when that is small for the
 * word's length, and at most two of them; none when nothing is that close ({@code --nope}).
 */
final class Suggestion {
    private Suggestion() {}

    /**
     * " or "-joined names the typed word is closest to, or null when none is close enough.
     *
     * @param typed what the user typed (an option's value after '=' left out by the caller)
     * @param names the names it may have meant, in the order to list them
     */
    static String closest(String typed, Collection<String> names) {
        int limit = typed.replaceFirst("^-+", "").length() <= 4 ? 1 : 2;
        int best = limit + 1;
        List<String> found = new ArrayList<>();
        for (String name : names) {
            int d = io.webprobe.EditDistance.between(typed, name);
            if (d > limit) {
                continue;
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            if (d == best && !found.contains(name)) {
                found.add(name);
            }
        }
        return found.isEmpty() || found.size() > 2 ? null : String.join(" or ", found);
    }
}
