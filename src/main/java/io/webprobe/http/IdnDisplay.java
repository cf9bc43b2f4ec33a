package io.webprobe.http;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Set;

/**
 * An internationalised host as browsers show it to people: {@code xn--mller-kva.example} as
 * {@code müller.example} when every label could not mislead, else in its ASCII form, as
 * Chrome keeps a whole host in Punycode for one doubtful label. A label could mislead unless,
 * as in the "moderately restrictive" profile of Unicode's UTS #39 (Firefox's default; Chrome's
 * rules are close to it): it is well-formed Punycode and NFC; it holds letters, digits, marks
 * and hyphens only ({@code i♥ny} does not); no mark twice in a row, nor a script's own mark on
 * another script's letter, nor an accent on a dotless i; its scripts are of those
 * recommended for identifiers (not Cherokee...) and one alone or a usual mix (Latin with Han
 * and kana, with Han and Bopomofo, with Han and Hangul, or with one other script but Cyrillic
 * and Greek: {@code paypаl} with a Cyrillic "а" mixes Latin and Cyrillic); and it is not all
 * Cyrillic letters that look Latin ({@code аррӏе}) under a top-level domain that is not
 * Cyrillic. For display only. Stateless.
 */
final class IdnDisplay {
    /** Unicode's scripts recommended for identifiers (UAX #31, table 5). */
    private static final Set<UnicodeScript> RECOMMENDED = EnumSet.of(UnicodeScript.COMMON,
            UnicodeScript.INHERITED, UnicodeScript.ARABIC, UnicodeScript.ARMENIAN,
            UnicodeScript.BENGALI, UnicodeScript.BOPOMOFO, UnicodeScript.CYRILLIC,
            UnicodeScript.DEVANAGARI, UnicodeScript.ETHIOPIC, UnicodeScript.GEORGIAN,
            UnicodeScript.GREEK, UnicodeScript.GUJARATI, UnicodeScript.GURMUKHI,
            UnicodeScript.HAN, UnicodeScript.HANGUL, UnicodeScript.HEBREW,
            UnicodeScript.HIRAGANA, UnicodeScript.KANNADA, UnicodeScript.KATAKANA,
            UnicodeScript.KHMER, UnicodeScript.LAO, UnicodeScript.LATIN,
            UnicodeScript.MALAYALAM, UnicodeScript.MYANMAR, UnicodeScript.ORIYA,
            UnicodeScript.SINHALA, UnicodeScript.TAMIL, UnicodeScript.TELUGU,
            UnicodeScript.THAANA, UnicodeScript.THAI, UnicodeScript.TIBETAN);
    private static final Set<UnicodeScript> JAPANESE = EnumSet.of(UnicodeScript.LATIN,
            UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);
    private static final Set<UnicodeScript> CHINESE = EnumSet.of(UnicodeScript.LATIN,
            UnicodeScript.HAN, UnicodeScript.BOPOMOFO);
    private static final Set<UnicodeScript> KOREAN = EnumSet.of(UnicodeScript.LATIN,
            UnicodeScript.HAN, UnicodeScript.HANGUL);
    /** Cyrillic small letters that look like Latin ones: а с ԁ е һ і ј ӏ о р ԛ ѕ ԝ х у ү ѵ. */
    private static final String LATIN_LOOKING = "асԁеһіјӏорԛѕԝхуүѵ";
    /** The blocks of accents for any script's letters. */
    private static final Set<Character.UnicodeBlock> GENERAL_MARKS = Set.of(
            Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS,
            Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS_EXTENDED,
            Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS_SUPPLEMENT,
            Character.UnicodeBlock.COMBINING_HALF_MARKS);
    /** Katakana middle dot, which Japanese names hold (Common, and no letter). */
    private static final int MIDDLE_DOT = 0x30FB;

    private IdnDisplay() {}

    /**
     * A URL with its host as people are shown it; the URL as it is when its host holds no
     * Punycode label or one that could mislead.
     */
    static String inUrl(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0 || !holdsAce(url, scheme)) {
            return url; // the usual case, for every cell of a table: no allocation
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int hostStart = url.lastIndexOf('@', end - 1) + 1;
        hostStart = Math.max(hostStart, start);
        int colon = url.indexOf(':', hostStart);
        int hostEnd = colon >= 0 && colon < end ? colon : end;
        String host = url.substring(hostStart, hostEnd);
        String shown = host(host);
        return shown.equals(host) ? url
                : url.substring(0, hostStart) + shown + url.substring(hostEnd);
    }

    /** Whether "xn--", in any case, stands in the URL from {@code from}. */
    private static boolean holdsAce(String url, int from) {
        for (int i = url.indexOf('-', from); i >= 0; i = url.indexOf('-', i + 1)) {
            if (i >= from + 3 && url.regionMatches(true, i - 3, "xn--", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /** A host as people are shown it: its labels' letters, or itself. */
    static String host(String host) {
        String[] labels = host.split("\\.", -1);
        String[] shown = new String[labels.length];
        for (int k = 0; k < labels.length; k++) {
            boolean ace = labels[k].regionMatches(true, 0, "xn--", 0, 4);
            shown[k] = ace ? Punycode.toUnicode(labels[k]) : labels[k];
            if (shown[k] == null) {
                return host;
            }
        }
        String tld = shown[shown.length - 1];
        for (int k = 0; k < labels.length; k++) {
            if (!shown[k].equals(labels[k]) && !safe(shown[k], tld)) {
                return host;
            }
        }
        return String.join(".", shown);
    }

    /**
     * Whether a mark may stand on its base: one of a script's own (an Arabic or Hebrew vowel
     * sign) on a letter of that script (not "goo\u0650gle") or a digit, a general accent on any
     * letter but a dotless i or j ("na\u0131\u0308ve" would read as "naïve").
     */
    private static boolean fits(int mark, int base) {
        if (base < 0) {
            return false;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(mark);
        if (GENERAL_MARKS.contains(block)) {
            return base != 0x0131 && base != 0x0237;
        }
        UnicodeScript script = UnicodeScript.of(mark);
        if (script == UnicodeScript.INHERITED || script == UnicodeScript.COMMON) {
            return block == Character.UnicodeBlock.of(base); // an Arabic vowel sign
        }
        UnicodeScript baseScript = UnicodeScript.of(base);
        return script == baseScript || baseScript == UnicodeScript.COMMON; // "5াব" is Bengali
    }

    /** Whether a decoded label shows what it is (the class comment's rules). */
    static boolean safe(String label, String tld) {
        if (!Normalizer.isNormalized(label, Normalizer.Form.NFC)) {
            return false;
        }
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        int previous = -1;
        int base = -1;
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean mark = type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (!(Character.isLetterOrDigit(cp) || mark || cp == '-' || cp == MIDDLE_DOT)
                    || mark && (cp == previous || !fits(cp, base))) {
                return false;
            }
            previous = cp;
            base = mark ? base : cp;
            UnicodeScript script = UnicodeScript.of(cp);
            if (!RECOMMENDED.contains(script)) {
                return false;
            }
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        }
        if (scripts.equals(EnumSet.of(UnicodeScript.CYRILLIC))
                && label.codePoints().allMatch(c -> c == '-' || Character.isDigit(c)
                        || LATIN_LOOKING.indexOf(c) >= 0)) {
            return tld.codePoints().anyMatch(
                    c -> UnicodeScript.of(c) == UnicodeScript.CYRILLIC);
        }
        return scripts.size() <= 1 || JAPANESE.containsAll(scripts)
                || CHINESE.containsAll(scripts) || KOREAN.containsAll(scripts)
                || scripts.size() == 2 && scripts.contains(UnicodeScript.LATIN)
                        && !scripts.contains(UnicodeScript.CYRILLIC)
                        && !scripts.contains(UnicodeScript.GREEK);
    }
}
