package io.webprobe.crawl;

import java.io.IOException;
import java.io.Reader;

/**
 * Feeds jsoup's stream parser a large page in tokens of bounded size. jsoup builds each token
 * whole before handing it on: a text run, a tag with its attributes, a comment, the contents
 * of a {@code <script>}. On a page with no markup for megabytes (a log in a {@code <pre>}, a
 * body of NUL bytes, a compression bomb of one letter) that one token took several times the
 * page's size in memory (jsoup's NUL handling alone 4 to 12 bytes per NUL), and eight of them
 * at once ran a 160 MB heap out. This reader follows the HTML tokenizer just far enough to
 * know what kind of token the text is in, and:
 * <ul>
 *   <li>in text, after {@value #TEXT_PIECE} characters, puts a {@code <wbr/>} (an empty
 *       inline element: no space, no word, no change to any text) before the next
 *       whitespace, which ends jsoup's text token and lets {@link LargePage} read and drop the
 *       text before it; a run with no whitespace (one "word") keeps its first
 *       {@value #TEXT_PIECE} characters, and so does a run of whitespace, so word counts stay
 *       exact;
 *   <li>keeps an attribute value's first {@value #VALUE_CAP} characters and a tag's first
 *       {@value #TAG_CAP}, then ends the value and the tag as the page does;
 *   <li>keeps the first {@value #RAW_CAP} characters of a {@code <script>}, {@code <style>},
 *       {@code <title>}, {@code <textarea>} (and the other raw-text elements), and the first
 *       {@value #TEXT_PIECE} of a comment, and ends them as the page does.
 * </ul>
 * A page without such runs passes through unchanged but for the {@code <wbr/>}s, which change
 * none of its findings. Where this reader's view of the page can differ from jsoup's (inside
 * SVG or MathML, where {@code <title>} and {@code <style>} hold markup, or a CDATA section),
 * only content beyond these bounds is at stake. Not thread-safe.
 */
final class TokenBoundingReader extends Reader {
    /** Text characters after which a text token is ended; also the longest word kept. */
    static final int TEXT_PIECE = 64 * 1024;
    /** Characters of one attribute value kept. */
    static final int VALUE_CAP = 16 * 1024;
    /** Characters of one tag (name and attributes) kept. */
    static final int TAG_CAP = 64 * 1024;
    /** Characters of a raw-text element's contents kept. */
    static final int RAW_CAP = 256 * 1024;

    private static final String SPLIT = "<wbr/>";

    private enum State {
        DATA, TAG_OPEN, END_TAG_OPEN, TAG_NAME, BEFORE_ATTR, ATTR_NAME, AFTER_ATTR_NAME,
        BEFORE_VALUE, VALUE_DQ, VALUE_SQ, VALUE_UQ, AFTER_VALUE_QUOTED, SELF_CLOSING,
        MARKUP_DECLARATION, MARKUP_DASH, COMMENT, BOGUS_COMMENT, RAW, PLAINTEXT
    }

    private final Reader in;
    private final char[] input = new char[8 * 1024];
    /** What jsoup reads next: out[outPos..outLen). */
    private char[] out = new char[2 * input.length + 64];
    private int outPos;
    private int outLen;
    private long consumed;
    private boolean ended;

    private State state = State.DATA;
    /** Text characters passed on since the last markup (the current text token). */
    private int text;
    /** Whether that text holds anything but whitespace. */
    private boolean textHasInk;
    /** Characters of the current run without whitespace, and of whitespace, in text. */
    private int word;
    private int gap;
    /** Characters of the current tag, comment, value or raw text passed on. */
    private int tag;
    private int value;
    private int raw;
    private int comment;
    /** Dashes just before, in a comment (the "--" of "-->"). */
    private int dashes;
    /** The comment's "--!" (a "--!>" ends it too). */
    private boolean bang;
    /** A start tag (else an end tag) is being read. */
    private boolean startTag;
    /** Its name in lower case, as far as it can be a raw-text element's. */
    private final StringBuilder name = new StringBuilder(16);
    private boolean nameTooLong;
    /** Whether characters of the tag, comment or raw text are being left out now. */
    private boolean dropping;
    /** The state the page was in when a tag's characters began to be left out. */
    private State droppedIn;
    /** The raw-text element whose end tag is awaited, and the end tag matched so far. */
    private String rawName;
    private final StringBuilder rawEnd = new StringBuilder(16);

    TokenBoundingReader(Reader in) {
        this.in = in;
    }

    /** Characters read from the page so far (before anything is left out or put in). */
    long consumed() {
        return consumed;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLen) {
            if (ended) {
                return -1;
            }
            outPos = 0;
            outLen = 0;
            int n = in.read(input, 0, input.length);
            if (n < 0) {
                ended = true;
                if (state == State.RAW) {
                    flushRawEnd(); // an end tag half-matched at the end is text after all
                    rawEnd.setLength(0);
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                i = plainRun(i, n);
                if (i < n) {
                    step(input[i]);
                }
            }
            consumed += n;
        }
        int k = Math.min(len, outLen - outPos);
        System.arraycopy(out, outPos, cbuf, off, k);
        outPos += k;
        return k;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void emit(char c) {
        if (outLen == out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        out[outLen++] = c;
    }

    private void emit(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            emit(s.charAt(i));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * Passes on, from {@code input[i]}, the characters that change nothing but counts: text
     * with no bound near, or a quoted value's. The common case, in a tight loop.
     *
     * @return where the first character that needs {@link #step} is, or {@code n}
     */
    private int plainRun(int i, int n) {
        if (out.length - outLen < n - i) {
            out = java.util.Arrays.copyOf(out, outLen + 2 * (n - i) + 64);
        }
        if (state == State.DATA) {
            int room = TEXT_PIECE - 1 - Math.max(text, Math.max(word, gap));
            int end = Math.min(n, i + Math.max(0, room));
            for (; i < end; i++) {
                char c = input[i];
                if (c == '<') {
                    break;
                }
                if (isSpace(c)) {
                    word = 0;
                    gap++;
                } else {
                    gap = 0;
                    word++;
                    textHasInk = true;
                }
                text++;
                out[outLen++] = c;
            }
        } else if ((state == State.VALUE_DQ || state == State.VALUE_SQ) && !dropping) {
            char quote = state == State.VALUE_DQ ? '"' : '\'';
            int room = Math.min(VALUE_CAP - value, TAG_CAP - tag) - 1;
            int end = Math.min(n, i + Math.max(0, room));
            for (; i < end; i++) {
                char c = input[i];
                if (c == quote) {
                    break;
                }
                value++;
                tag++;
                out[outLen++] = c;
            }
        }
        return i;
    }

    private void step(char c) {
        switch (state) {
            case DATA -> data(c);
            case TAG_OPEN -> tagOpen(c);
            case END_TAG_OPEN -> endTagOpen(c);
            case MARKUP_DECLARATION -> markupDeclaration(c);
            case MARKUP_DASH -> markupDash(c);
            case COMMENT -> comment(c);
            case BOGUS_COMMENT -> bogusComment(c);
            case RAW -> raw(c);
            case PLAINTEXT -> {
                if (raw < RAW_CAP) {
                    raw++;
                    emit(c);
                }
            }
            default -> inTag(c);
        }
    }

    // ---- text

    private void data(char c) {
        if (c == '<') {
            emit(c);
            state = State.TAG_OPEN;
            return;
        }
        if (isSpace(c)) {
            word = 0;
            if (gap >= TEXT_PIECE) {
                return; // a run of whitespace: one separator, however long
            }
            gap++;
            if (text >= TEXT_PIECE && textHasInk) {
                emit(SPLIT);
                text = 0;
                textHasInk = false;
            }
        } else {
            gap = 0;
            if (word >= TEXT_PIECE) {
                return; // deep in one "word": its start is kept, and it stays one word
            }
            word++;
            textHasInk = true;
        }
        text++;
        emit(c);
    }

    /** Markup starts: jsoup's text token ends here. */
    private void markup(State next) {
        text = 0;
        textHasInk = false;
        word = 0;
        gap = 0;
        state = next;
    }

    private void tagOpen(char c) {
        if (isLetter(c)) {
            startTag(true, c);
        } else if (c == '/') {
            emit(c);
            markup(State.END_TAG_OPEN);
        } else if (c == '!') {
            emit(c);
            markup(State.MARKUP_DECLARATION);
        } else if (c == '?') {
            emit(c);
            markup(State.BOGUS_COMMENT);
            comment = 0;
        } else {
            text++; // the '<' was text
            word++;
            gap = 0;
            state = State.DATA;
            data(c);
        }
    }

    private void endTagOpen(char c) {
        if (isLetter(c)) {
            startTag(false, c);
        } else if (c == '>') {
            emit(c); // "</>" is nothing
            state = State.DATA;
        } else {
            emit(c);
            comment = 0;
            state = State.BOGUS_COMMENT;
        }
    }

    private void startTag(boolean start, char first) {
        markup(State.TAG_NAME);
        startTag = start;
        name.setLength(0);
        nameTooLong = false;
        tag = 1;
        dropping = false;
        emit(first);
        addToName(first);
    }

    private void addToName(char c) {
        if (name.length() < 16) {
            name.append(Character.toLowerCase(c));
        } else {
            nameTooLong = true;
        }
    }

    // ---- tags

    private void inTag(char c) {
        State before = state;
        State next = next(state, c);
        boolean ends = next == State.DATA;
        if (ends) {
            if (dropping) {
                closeDropped();
            } else {
                emit(c);
            }
            tagEnded();
            return;
        }
        if (before == State.TAG_NAME && next == State.TAG_NAME) {
            addToName(c);
        }
        boolean inValue = next == State.VALUE_DQ || next == State.VALUE_SQ
                || next == State.VALUE_UQ;
        boolean valueGoesOn = inValue && before == next;
        if (!valueGoesOn) {
            value = next == State.VALUE_UQ ? 1 : 0; // an unquoted value starts with this
        }
        state = next;
        if (dropping) {
            return;
        }
        if (valueGoesOn && value >= VALUE_CAP) {
            return; // the value's first characters are kept; its end is not left out
        }
        if (tag >= TAG_CAP) {
            dropping = true;
            droppedIn = before;
            return;
        }
        tag++;
        if (valueGoesOn) {
            value++;
        }
        emit(c);
    }

    /** Ends a tag whose last characters were left out, in the state the page had then. */
    private void closeDropped() {
        if (droppedIn == State.VALUE_DQ) {
            emit('"');
        } else if (droppedIn == State.VALUE_SQ) {
            emit('\'');
        } else if (droppedIn == State.SELF_CLOSING) {
            emit(' ');
        }
        emit('>');
    }

    /** After a tag's '>': text again, or a raw-text element's contents. */
    private void tagEnded() {
        dropping = false;
        state = State.DATA;
        if (!startTag || nameTooLong) {
            return;
        }
        String n = name.toString();
        switch (n) {
            case "script", "style", "title", "textarea", "xmp", "iframe", "noembed",
                    "noframes" -> {
                state = State.RAW;
                rawName = n;
                rawEnd.setLength(0);
                raw = 0;
            }
            case "plaintext" -> {
                state = State.PLAINTEXT;
                raw = 0;
            }
            default -> { }
        }
    }

    /** The HTML tokenizer's next state inside a tag; DATA when the tag ends. */
    private static State next(State s, char c) {
        return switch (s) {
            case TAG_NAME -> isSpace(c) ? State.BEFORE_ATTR : c == '/' ? State.SELF_CLOSING
                    : c == '>' ? State.DATA : State.TAG_NAME;
            case BEFORE_ATTR -> isSpace(c) ? State.BEFORE_ATTR : c == '/' ? State.SELF_CLOSING
                    : c == '>' ? State.DATA : State.ATTR_NAME;
            case ATTR_NAME -> isSpace(c) ? State.AFTER_ATTR_NAME
                    : c == '/' ? State.SELF_CLOSING : c == '=' ? State.BEFORE_VALUE
                    : c == '>' ? State.DATA : State.ATTR_NAME;
            case AFTER_ATTR_NAME -> isSpace(c) ? State.AFTER_ATTR_NAME
                    : c == '/' ? State.SELF_CLOSING : c == '=' ? State.BEFORE_VALUE
                    : c == '>' ? State.DATA : State.ATTR_NAME;
            case BEFORE_VALUE -> isSpace(c) ? State.BEFORE_VALUE : c == '"' ? State.VALUE_DQ
                    : c == '\'' ? State.VALUE_SQ : c == '>' ? State.DATA : State.VALUE_UQ;
            case VALUE_DQ -> c == '"' ? State.AFTER_VALUE_QUOTED : State.VALUE_DQ;
            case VALUE_SQ -> c == '\'' ? State.AFTER_VALUE_QUOTED : State.VALUE_SQ;
            case VALUE_UQ -> isSpace(c) ? State.BEFORE_ATTR : c == '>' ? State.DATA
                    : State.VALUE_UQ;
            case AFTER_VALUE_QUOTED -> isSpace(c) ? State.BEFORE_ATTR
                    : c == '/' ? State.SELF_CLOSING : c == '>' ? State.DATA : State.ATTR_NAME;
            case SELF_CLOSING -> c == '>' ? State.DATA : next(State.BEFORE_ATTR, c);
            default -> throw new IllegalStateException("not in a tag: " + s);
        };
    }

    // ---- comments

    private void markupDeclaration(char c) {
        emit(c);
        comment = 0;
        state = c == '-' ? State.MARKUP_DASH : c == '>' ? State.DATA : State.BOGUS_COMMENT;
    }

    private void markupDash(char c) {
        emit(c);
        if (c == '-') {
            state = State.COMMENT;
            dashes = 2; // "<!-->" ends at once
            bang = false;
            dropping = false;
        } else {
            state = c == '>' ? State.DATA : State.BOGUS_COMMENT;
        }
    }

    private void comment(char c) {
        boolean ends = c == '>' && (dashes >= 2 || bang);
        if (ends) {
            if (dropping) {
                emit("-->");
            } else {
                emit(c);
            }
            dropping = false;
            state = State.DATA;
            return;
        }
        if (c == '-') {
            dashes = bang ? 1 : dashes + 1;
            bang = false;
        } else if (c == '!' && dashes >= 2) {
            bang = true;
            dashes = 0;
        } else {
            dashes = 0;
            bang = false;
        }
        if (comment >= TEXT_PIECE) {
            dropping = true;
            return;
        }
        comment++;
        emit(c);
    }

    private void bogusComment(char c) {
        if (c == '>') {
            emit(c);
            state = State.DATA;
        } else if (comment < TEXT_PIECE) {
            comment++;
            emit(c);
        }
    }

    // ---- raw text

    /**
     * Inside a raw-text element: its contents are kept up to {@link #RAW_CAP}; "</name" is
     * held back until it is known to be the end tag (followed by whitespace, '/' or '>').
     */
    private void raw(char c) {
        if (!rawEnd.isEmpty()) {
            int at = rawEnd.length(); // "</" then the name
            if (at == 1 ? c == '/' : at < rawName.length() + 2
                    ? Character.toLowerCase(c) == rawName.charAt(at - 2) : false) {
                rawEnd.append(c);
                return;
            }
            if (at == rawName.length() + 2 && (isSpace(c) || c == '/' || c == '>')) {
                emit(rawEnd);
                rawEnd.setLength(0);
                startTag = false;
                name.setLength(0);
                nameTooLong = true; // an end tag: nothing raw follows
                tag = at;
                dropping = false;
                state = State.TAG_NAME;
                inTag(c);
                return;
            }
            flushRawEnd();
            rawEnd.setLength(0);
        }
        if (c == '<') {
            rawEnd.append(c);
            return;
        }
        rawChar(c);
    }

    /** A "</nam" that was not the end tag after all: contents like any other. */
    private void flushRawEnd() {
        for (int i = 0; i < rawEnd.length(); i++) {
            rawChar(rawEnd.charAt(i));
        }
    }

    private void rawChar(char c) {
        if (raw < RAW_CAP) {
            raw++;
            emit(c);
        }
    }
}
