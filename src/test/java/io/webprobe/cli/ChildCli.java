package io.webprobe.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command of the command line run in a child JVM, as a user runs it, so that a test can send
 * it a signal or race it against another: its output and errors go to one log file.
 */
final class ChildCli {
    private final Process process;
    private final Path log;

    private ChildCli(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code webprobe ARGS} with {@code dir} as its working and temporary folder, its
     * output in {@code dir/NAME.log}.
     */
    static ChildCli start(Path dir, String name, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(io.webprobe.testsupport.ChildJava.command());
        cmd.addAll(List.of("-Xmx256m", "-Djava.io.tmpdir=" + dir, "-cp",
                System.getProperty("java.class.path"), "io.webprobe.app.Launcher"));
        cmd.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new ChildCli(p, log);
    }

    Process process() {
        return process;
    }

    /** What it wrote so far, output and errors. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Its exit code, waiting at most a minute for it. */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("still running after a minute");
        }
        return process.exitValue();
    }

    /** Kills it if it still runs (a test's end). */
    void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
