package io.webprobe.ui.crawl.details;

import java.util.List;
import java.util.function.BiPredicate;
import javafx.collections.ObservableList;

/**
 * Brings a list shown in a table up to date with a fresh read of it in small changes: a row
 * read again in place is set where it is, rows added at the end are appended, so that the
 * table keeps its selection and scroll (a whole new list cleared them at every refresh of a
 * running crawl). FX thread only.
 */
final class LiveRows {
    private LiveRows() {}

    /**
     * Makes {@code shown} equal to {@code fresh}.
     *
     * @param sameRow whether two rows are the same one, read at two moments (a link whose
     *     target's status changed): such a row is replaced in place
     */
    static <T> void update(ObservableList<T> shown, List<T> fresh, BiPredicate<T, T> sameRow) {
        if (shown.equals(fresh)) {
            return;
        }
        int n = Math.min(shown.size(), fresh.size());
        int same = 0;
        while (same < n && sameRow.test(shown.get(same), fresh.get(same))) {
            same++;
        }
        for (int i = 0; i < same; i++) {
            T now = fresh.get(i);
            if (!shown.get(i).equals(now)) {
                shown.set(i, now);
            }
        }
        if (same < shown.size()) {
            shown.remove(same, shown.size()); // rows gone or reordered: the rest read anew
        }
        if (same < fresh.size()) {
            shown.addAll(fresh.subList(same, fresh.size()));
        }
    }
}
