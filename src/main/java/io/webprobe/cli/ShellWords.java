package io.webprobe.cli;

import java.util.regex.Pattern;

/** Words of a command line the user may copy and paste into a POSIX shell. */
final class ShellWords {
    /** What a shell takes as it is, unquoted. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private ShellWords() {}

    /** The word as it is when the shell would read it so, else in single quotes. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
