package io.webprobe.ui.crawl.broken;

import io.webprobe.crawl.BrokenLink;
import io.webprobe.http.StatusPhrases;
import io.webprobe.http.UrlSyntax;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What the Broken links table says of a link, and the rules that read it: its status in
 * words, the search, and the order of its Status column. Stateless; any thread (the search and
 * the sort run on the crawl's stats lane). The status order is also the details pane's
 * Outlinks order.
 */
public final class BrokenLinkText {
    private BrokenLinkText() {}

    /**
     * A broken link's status in words, as the URL table says it of the link's end: "404 Not
     * Found", "Connection refused"; for a link into redirects that fail in themselves, their
     * failure ("Redirect loop", the table's Status) rather than the last hop's 3xx; for a 3xx
     * broken otherwise (no Location, a Location that is not a URL), why (the table's Reason,
     * "Redirect without a Location: …") rather than the kind of error ("Invalid URL"); for a
     * missing anchor, its page's status and the anchor ("200 OK, missing anchor #setup"; "200
     * OK after redirect, missing anchor #setup" when it was looked for where the link's
     * redirects end); for an href that is no URL, what is wrong with it in a few words ("Bad
     * email address", "file: link", "Malformed URL"; all read "Invalid URL", the reason only
     * in a tooltip).
     */
    public static String statusText(BrokenLink b) {
        String notAUrl = b.notAUrlInBrief();
        if (!notAUrl.isEmpty()) {
            return notAUrl;
        }
        if (b.isMissingAnchor()) {
            // the page answered: its status, and what is wrong with the link
            return StatusPhrases.withPhrase(b.status(), b.statusText())
                    + (b.anchorAfterRedirect() ? " after redirect" : "") + ", " + b.problem();
        }
        if (b.error() != null && b.status() >= 300 && b.status() < 400) {
            return b.redirectsFail() || b.errorMessage().isEmpty() ? b.error().label()
                    : b.errorMessage();
        }
        return StatusPhrases.withPhrase(b.status(), b.statusText());
    }

    /**
     * {@link #statusText} in a word where the Status column has no room: a failure's word
     * ({@code ErrorKind#word}: "Refused" for "Connection refused", "Redirects" for "Too many
     * redirects"), as the URL table's Status says it, "Bad email" for "Bad email address" and
     * "Malformed" for "Malformed URL"; null when the status is not a failure's words (a code, a
     * redirect's own reason), which the cell then cuts. Read from the text alone, so the
     * details pane's Outlinks say it as this tab does.
     */
    public static String statusWord(String statusText) {
        if (statusText.equals(BrokenLink.BAD_EMAIL_ADDRESS)) {
            return "Bad email"; // "Bad email add…" at 960 px
        }
        if (statusText.equals(BrokenLink.MALFORMED_URL)) {
            return "Malformed"; // "Malformed …" in the Outlinks at 960 px
        }
        for (io.webprobe.http.ErrorKind k : io.webprobe.http.ErrorKind.values()) {
            if (k.label().equals(statusText)) {
                return k.word();
            }
        }
        return null;
    }

    /**
     * Where the link's redirects end, for the Ends at column: {@link BrokenLink#finalUrl} when
     * the link redirects somewhere else, else "" (the link itself, or a missing anchor's page
     * without its fragment, said again).
     */
    static String endsAt(BrokenLink b) {
        return b.redirectsElsewhere() ? b.finalUrl() : "";
    }

    /**
     * The links whose URL, page, status, anchor text, type as shown ("Image"), end or reason
     * (the whole of it: "no @ in info.example.com", "Connection refused by the server") holds
     * the text (any case).
     */
    static Predicate<BrokenLink> matching(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return b -> true;
        }
        // the URLs as typed into the table and as shown in it ("café" finds /caf%C3%A9)
        return b -> Stream.of(b.linkUrl(), b.sourceUrl(), b.anchorText(), statusText(b),
                LinkTypeText.withNofollow(b.linkType()),
                b.errorMessage(), b.finalUrl(), UrlSyntax.forPeople(b.linkUrl()),
                UrlSyntax.forPeople(b.sourceUrl()), UrlSyntax.forPeople(b.finalUrl())).anyMatch(
                        v -> v != null && v.toLowerCase(Locale.ROOT).contains(t));
    }

    /**
     * The Status column's order, as the text shown reads: by its status code as a number (99,
     * 404, 1000, not "1000" before "404" as text), then the answers without a code ("Connection
     * refused", "Redirect loop") by their words, after every code.
     *
     * @param words compares the words (a collator of the caller's own: not thread-safe)
     */
    static Comparator<BrokenLink> statusOrder(Comparator<String> words) {
        return Comparator.comparing(BrokenLinkText::statusText, statusTextOrder(words));
    }

    /**
     * {@link #statusOrder}'s rule on the status as shown ("404 Not Found", "301 → 404 Not
     * Found", "Connection refused"), for every column showing a status so (the details pane's
     * Outlinks).
     *
     * @param words compares the words (a collator of the caller's own: not thread-safe)
     */
    public static Comparator<String> statusTextOrder(Comparator<String> words) {
        return (x, y) -> {
            long a = leadingNumber(x);
            long b = leadingNumber(y);
            if (a >= 0 && b >= 0) {
                return a != b ? Long.compare(a, b) : words.compare(x, y);
            }
            if (a >= 0 || b >= 0) {
                return a >= 0 ? -1 : 1; // codes first
            }
            return words.compare(x, y);
        };
    }

    /** The number a text starts with ("404 Not Found": 404), or -1. */
    static long leadingNumber(String s) {
        if (s == null) {
            return -1;
        }
        int end = 0;
        while (end < s.length() && end < 18 && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Long.parseLong(s.substring(0, end));
    }
}
