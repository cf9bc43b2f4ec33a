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
            int d = distance(typed, name);
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

    /** Edit distance with adjacent swaps counted as one edit (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
