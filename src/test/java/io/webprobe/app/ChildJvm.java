package io.webprobe.app;

import io.webprobe.testsupport.ChildJava;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts Webprobe in a separate JVM, as a user would, and collects what it printed. The child
 * logs to its own folder (WEBPROBE_LOG_DIR) with the real logging setup (LogSetup), keeps its UI state in its
 * own XDG_CONFIG_HOME, and has no DISPLAY unless the test gives one.
 */
final class ChildJvm {
    /** What the child did. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    private final Path dir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> env = new java.util.HashMap<>();

    /** @param dir a temporary folder for the child's log, config and output files */
    ChildJvm(Path dir) {
        this.dir = dir;
    }

    ChildJvm option(String jvmOption) {
        jvmOptions.add(jvmOption);
        return this;
    }

    ChildJvm env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Path logFile() {
        return dir.resolve("log/webprobe.log");
    }

    /**
     * Runs {@code java [options] -cp <the test classpath> mainClass args} with the JDK flags
     * run.sh passes to keep the JDK's own warnings about JavaFX away from the user.
     */
    Result runClass(String mainClass, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(ChildJava.command());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dwebprobe.logging=app"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** Runs {@code java [options] -jar jar args}. */
    Result runJar(String javaBinary, Path jar, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary, "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    /** The running JVM's own java binary. */
    static String java() {
        return ChildJava.java();
    }

    private Result run(List<String> cmd) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(cmd.subList(0, 1));
        full.addAll(jvmOptions);
        full.addAll(cmd.subList(1, cmd.size()));
        ProcessBuilder pb = new ProcessBuilder(full).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        e.remove("DISPLAY");
        e.remove("WAYLAND_DISPLAY");
        e.remove("JAVA_TOOL_OPTIONS");
        e.remove("JDK_JAVA_OPTIONS");
        e.put("WEBPROBE_LOG_DIR", dir.resolve("log").toString());
        e.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        e.putAll(env);
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("The child JVM did not end within 60 s: " + full);
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
