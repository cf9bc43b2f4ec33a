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
        if (typed.matches("-[^-]")) {
            // any two letters are one edit apart: compare -q (which it did not take) was
            // asked "did you mean -h or -V?"
            return null;
        }
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

    /**
     * The limit typed without its {@code max-}: {@code --max-depth} for {@code --depth}, {@code
     * --max-pages}, {@code --max-retries}. Only that: an option that merely ends with the word
     * is another thing ({@code --delay} is not {@code --max-crawl-delay}, the cap on a
     * robots.txt's Crawl-delay; {@code --after} is not {@code --max-retry-after}). Null when
     * there is no such option.
     */
    static String limitWithoutMax(String typed, Collection<String> names) {
        String word = typed.replaceFirst("^-+", "");
        if (word.length() < 3) {
            return null;
        }
        String limit = "--max-" + word;
        return names.contains(limit) ? limit : null;
    }
}
