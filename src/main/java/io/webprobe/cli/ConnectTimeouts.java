package io.webprobe.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The {@code --connect-timeout} of {@code crawl} and {@code ping}: what its help says and its
 * one rule, that a connect timeout given is no longer than the command's {@code --timeout}
 * (connecting is part of the request: a longer one would never be reached). A connect timeout
 * not given is cut to the timeout without a word.
 */
final class ConnectTimeouts {
    /** The option's help, after which picocli puts the command's own default. */
    static final String HELP = "Give up connecting after this, seconds or with a unit; at most "
            + "--timeout (default: ${DEFAULT-VALUE}).";

    private ConnectTimeouts() {}

    /**
     * The sentence of a {@code --connect-timeout} given longer than {@code --timeout}, each
     * as typed ("--connect-timeout 20 is longer than --timeout 15 (its default); give it at
     * most that."), or null when the rule holds.
     */
    static String longerThanTimeout(CommandSpec spec, Duration connect, Duration timeout) {
        ParseResult given = spec.commandLine().getParseResult();
        if (!given.hasMatchedOption("--connect-timeout") || connect.compareTo(timeout) <= 0) {
            return null;
        }
        boolean timeoutGiven = given.hasMatchedOption("--timeout");
        String timeoutText = timeoutGiven
                ? given.matchedOption("--timeout").stringValues().get(0)
                : spec.findOption("--timeout").defaultValue();
        return "--connect-timeout " + given.matchedOption("--connect-timeout").stringValues()
                .get(0) + " is longer than --timeout " + timeoutText
                + (timeoutGiven ? "" : " (its default)") + "; give it at most that.";
    }
}
