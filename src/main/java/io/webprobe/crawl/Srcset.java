package io.webprobe.crawl;

import java.util.ArrayList;
import java.util.List;

/**
 * The URLs of a {@code srcset} attribute, parsed as the HTML standard says ("parse a srcset
 * attribute"): a URL runs to the next whitespace, so it may contain commas; commas at its end
 * are trimmed and end the candidate; descriptors ("1x", "300w") follow and run to the next comma
 * outside parentheses. Splitting on commas, as many checkers do, breaks URLs like
 * {@code /img,v2.jpg}. Stateless.
 */
final class Srcset {
    private Srcset() {}

    static List<String> urls(String srcset) {
        List<String> out = new ArrayList<>();
        int n = srcset.length();
        int pos = 0;
        while (true) {
            while (pos < n && (isSpace(srcset.charAt(pos)) || srcset.charAt(pos) == ',')) {
                pos++;
            }
            if (pos >= n) {
                return out;
            }
            int start = pos;
            while (pos < n && !isSpace(srcset.charAt(pos))) {
                pos++;
            }
            String url = srcset.substring(start, pos);
            if (url.endsWith(",")) {
                int end = url.length();
                while (end > 0 && url.charAt(end - 1) == ',') {
                    end--;
                }
                if (end > 0) {
                    out.add(url.substring(0, end));
                }
                continue; // a trailing comma ends this candidate: no descriptors
            }
            out.add(url);
            boolean inParens = false;
            while (pos < n) {
                char c = srcset.charAt(pos++);
                if (c == '(') {
                    inParens = true;
                } else if (c == ')') {
                    inParens = false;
                } else if (c == ',' && !inParens) {
                    break;
                }
            }
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
