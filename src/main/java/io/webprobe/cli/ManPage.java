package io.webprobe.cli;

import io.webprobe.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The {@code webprobe(1)} man page, in troff, made from the commands' own options (the ones
 * {@code --help} lists), so it cannot drift from them. packaging/package.sh writes it into the
 * .deb: {@code java -cp JAR io.webprobe.cli.ManPage FILE}.
 */
public final class ManPage {
    /** A hyphen starting a word ("--threads", "-H"): a minus sign in troff, not a hyphen. */
    private static final Pattern OPTION_HYPHENS = Pattern.compile("(?<![\\w-])(-+)(?=[\\w])");

    private ManPage() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ManPage FILE");
        }
        Files.writeString(Path.of(args[0]), page(), StandardCharsets.UTF_8);
    }

    /** The whole page. */
    public static String page() {
        CommandLine cl = WebprobeCli.everyCommand();
        CommandSpec top = cl.getCommandSpec();
        StringBuilder t = new StringBuilder();
        t.append(".\\\" Made by io.webprobe.cli.ManPage from webprobe's options; do not edit.\n");
        t.append(".TH WEBPROBE 1 \"\" \"Webprobe ").append(escape(Version.get()))
                .append("\" \"User Commands\"\n");
        t.append(".SH NAME\n");
        t.append("webprobe \\- crawl a website for broken links, or measure how fast URLs "
                + "answer\n");
        t.append(".SH SYNOPSIS\n");
        t.append(".B webprobe\n");
        t.append(".RI [ command ]\n");
        t.append(".RI [ options ]\n");
        t.append(".SH DESCRIPTION\n");
        for (String line : top.usageMessage().description()) {
            t.append(text(line)).append('\n');
        }
        t.append(".SH OPTIONS\n");
        options(t, top);
        t.append(".SH COMMANDS\n");
        t.append(text("Each command with its options; webprobe help COMMAND (or webprobe "
                + "COMMAND --help) lists them on the terminal.")).append('\n');
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            command(t, e.getKey(), e.getValue().getCommandSpec());
        }
        t.append(".SH ENVIRONMENT\n");
        t.append(".TP\n.B WEBPROBE_JAVA_OPTS\n");
        t.append(text("Extra options for the Java virtual machine, after Webprobe's own, "
                + "e.g. -Xmx2g for a bigger heap. A heap size or collector given here replaces "
                + "Webprobe's. Options Java does not start with stop a command (exit code 2); "
                + "the window opens without them and says so.")).append('\n');
        t.append(".SH FILES\n");
        t.append(".TP\n.I /opt/webprobe\n");
        t.append(text("The installed app, with its own Java runtime; /usr/bin/webprobe starts "
                + "it.")).append('\n');
        return t.toString();
    }

    private static void command(StringBuilder t, String name, CommandSpec spec) {
        t.append(".SS \"webprobe ").append(escape(name));
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                String label = p.paramLabel();
                boolean optional = p.arity().min() == 0;
                t.append(' ').append(optional ? "[" : "").append(escape(label))
                        .append(p.arity().max() > 1 ? "..." : "").append(optional ? "]" : "");
            }
        }
        t.append("\"\n");
        for (String line : spec.usageMessage().description()) {
            t.append(text(line)).append('\n');
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                t.append(".TP\n.I ").append(escape(p.paramLabel())).append('\n');
                description(t, p);
            }
        }
        options(t, spec);
        Map<String, String> exits = spec.usageMessage().exitCodeList();
        if (!exits.isEmpty()) {
            t.append(".PP\nExit codes:\n");
            for (Map.Entry<String, String> e : exits.entrySet()) {
                t.append(".TP\n.B ").append(escape(e.getKey().strip())).append('\n')
                        .append(text(e.getValue())).append('\n');
            }
        }
        // the examples --help ends with: what each does, then its command line, set in and
        // never broken
        String[] examples = spec.usageMessage().footer();
        if (examples.length > 0) {
            t.append(".PP\nExamples:\n");
            String example = spec.qualifiedName() + " ";
            boolean saying = false;
            for (String line : examples) {
                boolean command = line.strip().startsWith(example);
                if (command) {
                    t.append(".RS 2\n.nf\n.B \"").append(escape(line.strip()))
                            .append("\"\n.fi\n.RE\n");
                } else {
                    t.append(saying ? "" : ".PP\n").append(text(line)).append('\n');
                }
                saying = !command;
            }
        }
    }

    private static void options(StringBuilder t, CommandSpec spec) {
        for (OptionSpec o : spec.options()) {
            if (o.hidden()) {
                continue;
            }
            t.append(".TP\n");
            List<String> names = List.of(o.names());
            for (int i = 0; i < names.size(); i++) {
                t.append(i == 0 ? "" : ", ").append("\\fB").append(escape(names.get(i)))
                        .append("\\fR");
            }
            if (o.arity().max() > 0) {
                boolean optional = o.arity().min() == 0;
                t.append(optional ? "[=" : "=").append("\\fI").append(escape(o.paramLabel()))
                        .append("\\fR").append(optional ? "]" : "");
            }
            t.append('\n');
            description(t, o);
        }
    }

    private static void description(StringBuilder t, ArgSpec arg) {
        String[] lines = arg.description();
        String defaultValue = arg.defaultValueString();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("${DEFAULT-VALUE}", String.valueOf(defaultValue));
            t.append(i == 0 ? "" : ".br\n").append(text(line)).append('\n');
        }
    }

    /**
     * A line of picocli's text as troff: its {@code %n} breaks as line breaks, its option
     * names' hyphens as minus signs.
     */
    static String text(String picocli) {
        String formatted = picocli.replace("%n", "\n").replace("%%", "%");
        StringBuilder out = new StringBuilder();
        for (String line : formatted.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append("\n.br\n");
            }
            String escaped = OPTION_HYPHENS.matcher(backslashes(line).strip())
                    .replaceAll(m -> m.group(1).replace("-", "\\\\-"));
            out.append(escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" : "")
                    .append(escaped);
        }
        return out.toString();
    }

    /** An option name, label or word set apart: its hyphens as minus signs. */
    private static String escape(String s) {
        return backslashes(s).replace("-", "\\-");
    }

    private static String backslashes(String s) {
        return s.replace("\\", "\\e");
    }
}
