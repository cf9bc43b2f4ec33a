package io.webprobe.cli;

import io.webprobe.CommandName;
import io.webprobe.StdoutWriter;
import io.webprobe.Version;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each job is a subcommand over the same engine as the GUI. */
@Command(
        name = "webprobe",
        mixinStandardHelpOptions = true,
        versionProvider = WebprobeCli.VersionProvider.class,
        description = {"Crawl a site for broken links, or ping URLs for latency.",
                "Without a command, it opens the window."})
public final class WebprobeCli implements Runnable {
    /**
     * The subcommands, in the order the help lists them. Added by hand rather than in the
     * annotation: picocli reads every option of every subcommand it is given, so a run of one
     * command is given only that one (tens of milliseconds of start-up, each time).
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("crawl", CrawlCommand::new);
        m.put("ping", PingCommand::new);
        m.put("export", ExportCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("selfcheck", SelfCheckCommand::new);
        return Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        if (args.length > 0 && args[0].equals("help")) {
            // as ./run.sh help; "help crawl" is "crawl --help"
            String[] asked = java.util.Arrays.copyOf(
                    java.util.Arrays.copyOfRange(args, 1, args.length), args.length);
            asked[args.length - 1] = "--help";
            args = asked;
        }
        String unknown = unknownCommand(args);
        if (unknown != null) {
            err.println("webprobe: " + unknown);
            err.flush();
            return 2;
        }
        CommandLine cl = new CommandLine(new WebprobeCli());
        // the usage lines say what the user types: "./run.sh crawl" from a clone, "webprobe
        // crawl" when installed
        cl.setCommandName(CommandName.get());
        Supplier<Object> only = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else {
            COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        }
        // after the subcommands: picocli hands these settings down to those it has now
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.registerConverter(java.nio.file.Path.class, new FileNameConverter());
        registerWholeNumbers(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(WebprobeCli::badArguments);
        cl.setExecutionExceptionHandler(WebprobeCli::internalError);
        String afterEnd = only == null ? null : optionAfterEndOfOptions(
                cl.getSubcommands().get(args[0]).getCommandSpec(), args);
        if (afterEnd == null && only != null) {
            afterEnd = longOptionWithOneDash(cl.getSubcommands().get(args[0])
                    .getCommandSpec(), args);
        }
        if (afterEnd != null) {
            err.println("webprobe: " + afterEnd);
            err.flush();
            return 2;
        }
        int code = cl.execute(args);
        // a table or CSV that did not reach standard output (a full disk, > /dev/full) is a
        // failure, unless the command has said so already (2) or was stopped (130, 143)
        String why = StdoutWriter.failure(out);
        if (why != null && code != 2 && code < 128) {
            err.println("webprobe: " + stdoutFailure(why));
            err.flush();
            return 2;
        }
        return code;
    }

    /**
     * Whole numbers taken with blanks around them, as Java's decimals (--max-rps ' 2') and the
     * durations and sizes are: {@code --threads "$N"} of a padded {@code wc -l}, a value read
     * from a file with CRLF lines. A value that is still no number is refused in picocli's own
     * words ("'abc' is not an int"), which {@link #plainArgumentMessage} reads.
     */
    private static void registerWholeNumbers(CommandLine cl) {
        CommandLine.ITypeConverter<Integer> whole = value -> {
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not an int");
            }
        };
        CommandLine.ITypeConverter<Long> wholeLong = value -> {
            try {
                return Long.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a long");
            }
        };
        cl.registerConverter(Integer.class, whole);
        cl.registerConverter(int.class, whole);
        cl.registerConverter(Long.class, wholeLong);
        cl.registerConverter(long.class, wholeLong);
    }

    /** The command line with every command, as {@code --help} lists them (the man page's). */
    static CommandLine everyCommand() {
        CommandLine cl = new CommandLine(new WebprobeCli());
        COMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get()));
        return cl;
    }

    /**
     * The first argument when it is neither an option nor a command, in one sentence (picocli
     * said 'Unexpected "crawll": this is more than the command takes'); null otherwise. A URL
     * there is told the commands that take one.
     */
    static String unknownCommand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || COMMANDS.containsKey(args[0])) {
            return null;
        }
        String command = CommandName.get();
        if (args[0].contains("://")) {
            return "'" + args[0] + "' is not a command: to crawl that site, run " + command
                    + " crawl " + args[0] + "; to measure how fast it answers, " + command
                    + " ping " + args[0] + ".";
        }
        String meant = Suggestion.closest(args[0], COMMANDS.keySet());
        return "Unknown command '" + args[0] + "'; " + (meant != null ? "did you mean " + meant
                + "?" : command + " --help lists the commands.");
    }

    /**
     * For {@code crawl help} or {@code ping help}, where the URL goes (git's and go's way of
     * asking): the sentence naming the command's --help, which picocli would not tell ("This
     * is not a web address"); null for any other argument.
     */
    static String helpAsUrl(String command, String arg) {
        return arg == null || !arg.strip().equalsIgnoreCase("help") ? null
                : "'" + arg.strip() + "' is not a web address; to see the options, run "
                        + CommandName.get() + " " + command + " --help.";
    }

    /**
     * An option of the command given after {@code --}, which ends the options (as in every
     * POSIX tool): picocli reads it as an argument, and said "Unknown options: '--csv',
     * 'out.csv'" of an option it knows, or tried it as a URL. One sentence saying so, or null.
     * A file named like an option that exists is what {@code --} is for, and is let be.
     */
    static String optionAfterEndOfOptions(CommandLine.Model.CommandSpec command, String[] args) {
        int end = java.util.Arrays.asList(args).indexOf("--");
        if (end < 1) {
            return null;
        }
        for (int i = end + 1; i < args.length; i++) {
            String arg = args[i];
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            if (name.length() < 2 || !name.startsWith("-") || command.findOption(name) == null
                    || !URL_COMMANDS.contains(command.name()) && exists(arg)) {
                continue;
            }
            return "'" + name + "' comes after '--', which ends the options: what follows it "
                    + "is read as " + (URL_COMMANDS.contains(command.name()) ? "URLs"
                            : "file names") + ", so put '" + name + "' before the '--', or "
                    + "leave the '--' out.";
        }
        return null;
    }

    /**
     * A long option typed with one dash ({@code -quiet}, {@code -count 5}) whose first letter
     * is a short option of the command: picocli read it as that option with the rest of the
     * word for its value, and said "--user iet needs a password" of {@code ping -quiet},
     * "--concurrency takes a whole number; 'ount' is not one" of {@code -count 5}. The sentence
     * an unknown option close to one gets ({@code -timeout}: "did you mean --timeout?"), or
     * null.
     */
    static String longOptionWithOneDash(CommandLine.Model.CommandSpec command, String[] args) {
        for (int i = 1; i < args.length && !args[i].equals("--"); i++) {
            int equals = args[i].indexOf('=');
            String name = equals > 0 ? args[i].substring(0, equals) : args[i];
            if (name.length() < 3 || !name.startsWith("-") || name.startsWith("--")
                    || command.findOption(name) != null
                    || command.findOption("-" + name) == null) {
                continue;
            }
            // (after an option that takes a value, picocli takes no word that reads as its
            // options for the value: "-H -quiet" said "--header needs a value")
            return "Unknown option: '" + name + "'; did you mean -" + name + "?";
        }
        return null;
    }

    private static boolean exists(String file) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(file));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** "Could not write to standard output: the disk is full." */
    static String stdoutFailure(String why) {
        return "Could not write to standard output: " + why + ".";
    }

    /** A message as a whole sentence: its full stop added unless it ends one already. */
    static String sentence(String message) {
        return message.endsWith(".") || message.endsWith("?") ? message : message + ".";
    }

    /**
     * A mistyped option or value: one line naming the problem (and, where {@link #pointsToHelp}
     * says so, where the options are listed), instead of picocli's default of the message
     * followed by the whole usage text.
     */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String meant = meantOption(e);
        if (meant != null) {
            cl.getErr().println("webprobe: " + meant);
            cl.getErr().flush();
            return 2;
        }
        String unknown = unknownOptions(e);
        String message = sentence(unknown != null ? unknown
                : plainArgumentMessage(e.getMessage().strip(),
                        cl.getParent() == null ? null : cl.getCommandName()));
        if (pointsToHelp(e)) {
            String command = cl.getParent() == null
                    ? CommandName.get() + " --help"
                    : CommandName.get() + " " + cl.getCommandName() + " --help";
            message += " Run " + command + " to see every option.";
        }
        cl.getErr().println("webprobe: " + message);
        cl.getErr().flush();
        return 2;
    }

    /**
     * "Unknown option: '--depth'" for the options picocli did not know, without the arguments
     * it listed with them: it said "Unknown options: '--depth', 'http://s/'" of {@code --depth
     * 5 http://s/} (the 5 taken for the URL) and "Unknown options: '-c', '4'", calling a URL or
     * a value an option. Null for another error, or when none of them looks like an option.
     */
    private static String unknownOptions(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)
                || !e.getMessage().startsWith("Unknown option")) {
            return null;
        }
        List<String> options = new ArrayList<>();
        for (String a : u.getUnmatched()) {
            int equals = a.indexOf('=');
            String name = equals > 0 ? a.substring(0, equals) : a;
            // not a negative number: "--foo -1" is an option and its value
            if (name.length() > 1 && name.startsWith("-") && !name.equals("--")
                    && !name.matches("-[0-9.].*") && !options.contains("'" + name + "'")) {
                options.add("'" + name + "'");
            }
        }
        return options.isEmpty() ? null : (options.size() == 1 ? "Unknown option: "
                : "Unknown options: ") + String.join(", ", options);
    }

    /**
     * What another command, or another tool, calls an option of this command: {@code ping -c}
     * is crawl's {@code --threads}, and wget, curl and lychee write to a file with {@code -o}.
     */
    private static final Map<String, Map<String, String>> OTHER_NAMES = Map.of(
            "crawl", Map.of("-c", "--threads", "--concurrency", "--threads",
                    "-j", "--threads", "--jobs", "--threads", "-o", "--csv", "--output", "--csv"),
            "ping", Map.of("--threads", "-c (--concurrency)", "-o", "--csv",
                    "--output", "--csv"),
            "export", Map.of("-o", "--csv", "--output", "--csv"),
            "compare", Map.of("-o", "--csv", "--output", "--csv"));

    /**
     * For an unknown option close to one the command has ({@code --no-extrenal}), one it names
     * without its {@code max-} ({@code --depth}), or what the command calls one of another
     * command or tool ({@code crawl -c}), the sentence naming the one meant, which says what to
     * type; null otherwise.
     */
    private static String meantOption(CommandLine.ParameterException e) {
        if (!(e instanceof CommandLine.UnmatchedArgumentException u)
                || !e.getMessage().startsWith("Unknown option")) {
            return null;
        }
        String typed = u.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst()
                .orElse(null);
        if (typed == null || typed.equals("-") || typed.equals("--")) {
            return null;
        }
        int equals = typed.indexOf('=');
        String name = equals > 0 ? typed.substring(0, equals) : typed;
        List<String> names = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : e.getCommandLine().getCommandSpec().options()) {
            if (!o.hidden()) {
                names.addAll(List.of(o.names()));
            }
        }
        String meant = Suggestion.closest(name, names);
        if (meant == null) {
            meant = Suggestion.limitWithoutMax(name, names);
        }
        if (meant == null) {
            meant = OTHER_NAMES.getOrDefault(e.getCommandLine().getCommandName(), Map.of())
                    .get(name);
        }
        return meant == null ? null : "Unknown option: '" + name + "'; did you mean " + meant
                + "?";
    }

    /**
     * Whether an argument error ends with the pointer to the command's --help: only where its
     * sentence cannot say what to type, as for an unknown option, an argument more than the
     * command takes, or a value or argument missing. A value refused (not a number, too big,
     * not a duration) or an option given twice is named with what the option takes and ends
     * there, as the commands' own checks of their values always have ("--delay-ms must be
     * between 0 and 3,600,000 ms (an hour).").
     */
    static boolean pointsToHelp(CommandLine.ParameterException e) {
        return e instanceof CommandLine.UnmatchedArgumentException
                || e instanceof CommandLine.MissingParameterException
                || e instanceof CommandLine.MaxValuesExceededException;
    }

    private static final java.util.regex.Pattern NOT_A_NUMBER = java.util.regex.Pattern.compile(
            "Invalid value for (?:option|positional parameter) '([^']+)'(?: \\([^)]*\\))?: "
                    + "'(.*)' is not an? (int|long|double|float)",
            java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern TOO_SHORT = java.util.regex.Pattern.compile(
            "Invalid value for option '([^']+)'(?: \\([^)]*\\))?: '(.*)' "
                    + java.util.regex.Pattern.quote(DurationConverter.AT_LEAST_1_MS));
    private static final java.util.regex.Pattern UNMATCHED = java.util.regex.Pattern.compile(
            "Unmatched arguments? (?:at|from) index \\d+: (.*)");
    private static final java.util.regex.Pattern TWICE = java.util.regex.Pattern.compile(
            "option '([^']+)'(?: \\([^)]*\\))? should be specified only once");
    /** "--threads -q", "--threads" last: the option's value is missing. */
    private static final java.util.regex.Pattern NO_VALUE = java.util.regex.Pattern.compile(
            "(?:Expected parameter.*? for option|Missing required parameter for option) "
                    + "'([^']+)'.*");
    /** An argument the command needs (compare's NEW) is missing. */
    private static final java.util.regex.Pattern MISSING_ARGUMENT =
            java.util.regex.Pattern.compile("Missing required parameters?: (.*)");
    /** A converter's own sentence ("'5XB' is not a size; …") under picocli's words. */
    private static final java.util.regex.Pattern INVALID_VALUE = java.util.regex.Pattern.compile(
            "Invalid value for (?:option '([^']+)'(?: \\([^)]*\\))?|positional parameter at "
                    + "index \\S+ \\(([^)]*)\\)): (.*)", java.util.regex.Pattern.DOTALL);

    /** What a command says when the arguments it needs are not all given. */
    private static final Map<String, String> ARGUMENTS_NEEDED = Map.of(
            "compare", "compare needs two crawl files: OLD and NEW",
            "export", "export needs the crawl file to write from: FILE");

    /** The commands whose arguments are URLs (a surplus one may be a URL with a space). */
    private static final java.util.Set<String> URL_COMMANDS = java.util.Set.of("crawl", "ping");

    /**
     * The whole numbers an option takes when they are fewer than its type's: a value too big
     * for the type is told this range (the commands check the same ranges), not the type's.
     */
    private static final Map<String, String> RANGES = Map.of(
            "--threads", "from 1 to 256",
            "--max-per-host", "from 0 (as many as --threads) to 256",
            "--max-retries", "from 0 to 10",
            "--delay-ms", "from 0 to 3,600,000 (an hour)",
            "--concurrency", "from 1 to 1,000");

    /**
     * picocli's words for a value of the wrong type ("'abc' is not a double"), a surplus
     * argument ("Unmatched argument at index 2"), an option given twice, an option without its
     * value, a missing argument or a value its converter refused, in plain ones; other
     * messages as they are.
     *
     * @param command the subcommand ("crawl"), or null for the top-level command
     */
    static String plainArgumentMessage(String message, String command) {
        // a surplus argument of crawl or ping may be a URL with a space in it
        boolean takesUrls = command != null && URL_COMMANDS.contains(command);
        java.util.regex.Matcher m = NOT_A_NUMBER.matcher(message);
        if (m.lookingAt()) {
            String option = m.group(1);
            String value = m.group(2);
            boolean whole = m.group(3).equals("int") || m.group(3).equals("long");
            if (whole && value.strip().matches("[-+]?\\d+")) {
                String range = RANGES.get(option);
                boolean negative = value.strip().startsWith("-");
                if (range != null) {
                    return option + " takes a whole number " + range + "; " + value
                            + (negative ? " is too small" : " is too big");
                }
                if (negative) { // below any whole number the type holds, and none of these
                    // options takes a negative one
                    return option + " cannot be negative, and " + value.strip() + " is";
                }
                return option + " takes a whole number up to "
                        + (m.group(3).equals("int") ? "2,147,483,647" : "9,223,372,036,854,775,807")
                        + "; " + value + " is too big";
            }
            return option + " takes " + (whole ? "a whole number" : "a number, such as 2.5")
                    + "; '" + value + "' is not one" + (value.contains("%")
                            ? " (leave out the % sign)" : "");
        }
        m = TOO_SHORT.matcher(message);
        if (m.matches()) {
            // the option takes seconds: "'0' must be at least 1 ms" did not say which option
            return m.group(1) + " " + DurationConverter.AT_LEAST_1_MS + ", not " + m.group(2);
        }
        m = UNMATCHED.matcher(message);
        if (m.lookingAt()) {
            return "Unexpected " + m.group(1).replace("'", "\"") + ": this is more than the command "
                    + "takes" + (takesUrls ? " (a URL with a space in it must be quoted)" : "");
        }
        m = TWICE.matcher(message);
        if (m.matches()) {
            return m.group(1) + " is given twice; give it once";
        }
        m = NO_VALUE.matcher(message);
        if (m.matches()) {
            return m.group(1) + " needs a value";
        }
        m = MISSING_ARGUMENT.matcher(message);
        if (m.matches()) {
            String needed = command == null ? null : ARGUMENTS_NEEDED.get(command);
            return needed != null ? needed : (command == null ? "The command" : command)
                    + " needs " + m.group(1).replace("'", "").replace(", ", " and ");
        }
        m = INVALID_VALUE.matcher(message);
        if (m.matches()) {
            String option = m.group(1) != null ? m.group(1) : m.group(2);
            return option + (m.group(3).equals(FileNameConverter.EMPTY) ? " " : ": ")
                    + m.group(3);
        }
        return message;
    }

    /**
     * A failure no command expected (a bug): logged with its stack trace, shown as one sentence
     * (picocli would print the trace). An OutOfMemoryError is an Error and goes on to the
     * launcher's handler.
     */
    private static int internalError(Exception e, CommandLine cl,
            CommandLine.ParseResult parsed) {
        org.slf4j.LoggerFactory.getLogger(WebprobeCli.class)
                .error("Unexpected failure in {}", cl.getCommandName(), e);
        cl.getErr().println("webprobe: Something went wrong inside Webprobe; the details are in "
                + "its log (" + io.webprobe.UserDirs.current().logFile() + ").");
        cl.getErr().flush();
        return 2;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Webprobe " + Version.get()};
        }
    }
}
