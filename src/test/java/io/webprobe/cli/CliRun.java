package io.webprobe.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, set up like {@link WebprobeCli#execute}: its exit
 * code and what it printed to stdout and stderr.
 */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WebprobeCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** A run whose standard output is {@code stdout} (one that fails, say); out() is empty. */
    static CliRun runInto(java.io.OutputStream stdout, String... args) {
        StringWriter err = new StringWriter();
        int code = WebprobeCli.execute(io.webprobe.StdoutWriter.over(stdout,
                java.nio.charset.StandardCharsets.UTF_8), new PrintWriter(err, true), args);
        return new CliRun(code, "", err.toString());
    }

    /** Exit 2 and exactly this one sentence on stderr. */
    static void assertPlainError(CliRun r, String message) {
        org.junit.jupiter.api.Assertions.assertEquals(2, r.exitCode(), r.err());
        org.assertj.core.api.Assertions.assertThat(r.err())
                .isEqualTo("webprobe: " + message + "\n");
    }
}
