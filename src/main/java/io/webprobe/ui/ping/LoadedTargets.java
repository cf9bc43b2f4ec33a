package io.webprobe.ui.ping;

import io.webprobe.ping.TargetList;
import java.util.Locale;

/**
 * What Load from file… makes of a file: the text for the URL list (cut after its {@code max}th
 * URL line) and the status sentence; or, when the file holds no URL at all (a binary file, an
 * empty one, a text of other things), no text, the list kept, and one sentence why. The file's
 * bytes are read as UTF-8 (UTF-16 after its byte-order mark) and its lines judged by
 * {@link TargetList}'s rule, as the command line's {@code --file} reads them. Made off the FX
 * thread. Immutable.
 *
 * @param text the new list, or null to keep the current one
 * @param status the sentence for the status line
 * @param list the new list parsed (its problems are shown under it); empty when kept
 */
record LoadedTargets(String text, String status, TargetList list) {
    /**
     * Most URL lines of a cut file whose URLs are counted for its sentence (each once, bad
     * lines not at all); a longer one is told by its lines. Lines take time to judge, off
     * the FX thread but before the list shows: at load 14-16 on 2 cores 20,000 took 0.6-2.1
     * s and 100,000 2.5-8 s (the list's 1,000 are judged anyway).
     */
    static final int COUNTED_LINES = 10_000;

    /** Whether the file gave no list and the current one stays. */
    boolean keepsList() {
        return text == null;
    }

    /**
     * @param name the file's name, as the sentences say it
     * @param bytes its content
     * @param max most URL lines taken ({@link PingTargets#MAX_LIST_URLS})
     */
    static LoadedTargets of(String name, byte[] bytes, int max) {
        String text = TargetList.text(bytes);
        TargetList.Cut cut = TargetList.firstUrlLines(text, max);
        TargetList list = TargetList.parse(cut.text());
        if (list.urls().isEmpty()) {
            return new LoadedTargets(null, name + " holds no URLs" + why(bytes, list)
                    + "; the list was kept.", TargetList.parse(""));
        }
        // the lines cut at are those not blank or comments, web addresses or not: a file whose
        // first 1,000 held 2 that are not (named under the list) read "Loaded the first 1,000
        // of the 1,502 URLs", of 998 URLs loaded and 1,500 in the file
        String status;
        if (cut.urlLines() <= max) {
            status = loaded(list, name);
        } else if (list.urls().size() < max) {
            status = String.format(Locale.ROOT, "Loaded %s from the first %,d of the %,d lines "
                    + "in %s%s.", io.webprobe.Words.count(list.urls().size(), "URL"), max,
                    cut.urlLines(), name, PingTargets.MOST);
        } else if (cut.urlLines() > COUNTED_LINES) {
            status = String.format(Locale.ROOT, "Loaded the first %,d URLs of the %,d lines in "
                    + "%s%s.", max, cut.urlLines(), name, PingTargets.MOST);
        } else {
            // the file's URLs counted as the list counts them, each once and bad lines not at
            // all: with its first 1,000 lines good, 1,500 of which 20 were bad and 30 repeated
            // one above read "the first 1,000 of the 1,500 URLs", of 1,450 in the file
            int inFile = TargetList.parse(text).urls().size();
            status = inFile == max ? loaded(list, name)
                    : String.format(Locale.ROOT, "Loaded the first %,d of the %,d URLs in %s%s.",
                            max, inFile, name, PingTargets.MOST);
        }
        return new LoadedTargets(cut.text(), status, list);
    }

    /** "Loaded 417 URLs from urls.txt." */
    private static String loaded(TargetList list, String name) {
        return "Loaded " + io.webprobe.Words.count(list.urls().size(), "URL") + " from " + name
                + ".";
    }

    /** Why a file gave no URL, in brackets, or "" when it has no line to speak of. */
    private static String why(byte[] bytes, TargetList list) {
        if (list.problems().isEmpty()) {
            return "";
        }
        int lines = list.problems().size();
        return TargetList.notText(bytes, list) ? " (it is not a text file of URLs)"
                : lines == 1 ? " (its one line is not a web address)"
                : String.format(Locale.ROOT, " (none of its %,d lines is a web address)", lines);
    }
}
