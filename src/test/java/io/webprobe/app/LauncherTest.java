package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.testsupport.RefusedPort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's decisions, in this JVM; {@link LauncherProcessTest} runs it for real. */
class LauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void argumentsRunTheCommandLineAndReturnItsExitCode() {
        int code = Launcher.run(new String[] {"--version"}, print(out), print(err), Map.of());
        assertThat(code).isZero();
        assertThat(text(out).strip()).isEqualTo("Webprobe 0.1.0");
        assertThat(text(err)).isEmpty();

        int bad = Launcher.run(new String[] {"crawl", "--no-such-option"}, print(out),
                print(err), Map.of());
        assertThat(bad).isEqualTo(2);
    }

    /** The bug: under LC_ALL=C the ping table printed "200?3" for "200×3". */
    @Test
    void inAnAsciiLocaleTheCommandLineWritesUtf8() throws Exception {
        PrintStream ascii = new PrintStream(out, true, StandardCharsets.US_ASCII);
        assertThat(Launcher.charset(ascii)).isEqualTo(StandardCharsets.UTF_8);
        PrintStream latin1 = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        assertThat(Launcher.charset(latin1)).isEqualTo(StandardCharsets.ISO_8859_1);

        // the table's codes column names the status and its count "200×1"
        try (io.webprobe.testsupport.LocalHttpServer server =
                new io.webprobe.testsupport.LocalHttpServer()) {
            server.route("/", io.webprobe.testsupport.LocalHttpServer.html("ok"));
            int code = Launcher.run(new String[] {"ping", server.url("/"), "-n", "1", "-q"},
                    ascii, new PrintStream(err, true, StandardCharsets.US_ASCII), Map.of());
            assertThat(code).isZero();
        }
        assertThat(text(out)).contains(" 200\u00d71 ").doesNotContain("200?1");
    }

    @Test
    void onLinuxWithoutDisplayTheWindowIsNotTried() {
        assertThat(DisplayCheck.problem(Map.of(), "Linux", null, "./run.sh")).contains(
                "Webprobe needs a graphical display to open its window; to use it without one, "
                        + "run ./run.sh crawl URL or ./run.sh ping URL.");
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", " "), "FreeBSD", null, "webprobe"))
                .isPresent();
        assertThat(DisplayCheck.problem(Map.of("DISPLAY", ":0"), "Linux", null, "webprobe"))
                .isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), "Linux", "Monocle", "webprobe")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), "Windows 11", null, "webprobe")).isEmpty();
        assertThat(DisplayCheck.problem(Map.of(), "Mac OS X", null, "webprobe")).isEmpty();
    }

    /**
     * The bug: a DISPLAY whose server took the connection and never answered (a hung server,
     * a dead ssh tunnel) left the window's launch waiting for ever, without a word. Ports from
     * the system's range are all above 6000, so each is a display number.
     */
    @Test
    void aDisplayThatTakesTheConnectionButNeverAnswersIsNamed() throws Exception {
        Duration wait = Duration.ofMillis(300);
        try (ServerSocket mute = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String display = "127.0.0.1:" + (mute.getLocalPort() - 6000) + ".0";
            assertThat(DisplayCheck.silence(Map.of("DISPLAY", display), "Linux", null,
                    "webprobe", wait)).contains(DisplayCheck.doesNotAnswer(display, wait,
                            "webprobe"));
            assertThat(DisplayCheck.silence(Map.of("DISPLAY", display), "Linux", "Monocle",
                    "webprobe", wait)).isEmpty();
        }
        assertThat(DisplayCheck.doesNotAnswer(":7", Duration.ofSeconds(10), "webprobe"))
                .isEqualTo("The display :7 did not answer in 10 seconds, so Webprobe could not "
                        + "open its window; check that DISPLAY is right, or run webprobe crawl "
                        + "URL or webprobe ping URL to work without a window.");
    }

    /**
     * A server that answers, and one that cannot be reached, are left to JavaFX. The request
     * carries the display's cookie, as Xlib's does: ssh's X11 forwarding printed "X11
     * connection rejected because of wrong authentication" on the terminal for one without.
     */
    @Test
    void aDisplayThatAnswersOrRefusesIsNotHeldUp(@TempDir Path dir) throws Exception {
        Duration wait = Duration.ofSeconds(30); // never waited out: each ends at once
        try (ServerSocket x = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String number = String.valueOf(x.getLocalPort() - 6000);
            byte[] cookie = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            String host = java.nio.file.Files.readString(Path.of("/proc/sys/kernel/hostname"))
                    .strip();
            Path auth = dir.resolve("Xauthority");
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                    java.nio.file.Files.newOutputStream(auth))) {
                entry(out, 256, "elsewhere", number, new byte[16]); // another host's
                entry(out, 256, host, number + "1", new byte[16]); // another display's
                entry(out, 256, host, number, cookie);
            }
            CompletableFuture<byte[]> served = CompletableFuture.supplyAsync(() -> {
                try (Socket c = x.accept()) {
                    byte[] request = c.getInputStream().readNBytes(12 + 20 + 16);
                    c.getOutputStream().write(new byte[] {0, 0, 11, 0, 0, 0, 0, 0});
                    return request;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertThat(DisplayCheck.silence(Map.of("DISPLAY", "127.0.0.1:" + number,
                    "XAUTHORITY", auth.toString()), "Linux", null, "webprobe", wait)).isEmpty();
            byte[] request = served.get(30, TimeUnit.SECONDS);
            assertThat(new String(request, 12, 18, StandardCharsets.US_ASCII))
                    .isEqualTo("MIT-MAGIC-COOKIE-1");
            assertThat(java.util.Arrays.copyOfRange(request, 32, 48)).isEqualTo(cookie);
        }
        assertThat(DisplayCheck.setupRequest(":0", Map.of("XAUTHORITY", dir.resolve("none")
                .toString()))).containsExactly('l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        try (RefusedPort refused = RefusedPort.onLoopback()) {
            assertThat(DisplayCheck.silence(Map.of("DISPLAY", "127.0.0.1:"
                    + (refused.port() - 6000)), "Linux", null, "webprobe", wait)).isEmpty();
        }
        for (String notOne : List.of("garbage", "host::0", ":x", ":64999")) {
            assertThat(DisplayCheck.silence(Map.of("DISPLAY", notOne), "Linux", null,
                    "webprobe", wait)).as(notOne).isEmpty();
        }
    }

    /** An Xauthority entry as xauth writes it: big-endian lengths before each field. */
    private static void entry(java.io.DataOutputStream out, int family, String address,
            String number, byte[] cookie) throws java.io.IOException {
        out.writeShort(family);
        for (byte[] field : List.of(address.getBytes(StandardCharsets.US_ASCII),
                number.getBytes(StandardCharsets.US_ASCII),
                "MIT-MAGIC-COOKIE-1".getBytes(StandardCharsets.US_ASCII), cookie)) {
            out.writeShort(field.length);
            out.write(field);
        }
    }

    @Test
    void theGateReadsEveryStyleOfJavaVersion() {
        assertThat(JavaVersionGate.feature("1.8")).isEqualTo(8);
        assertThat(JavaVersionGate.feature("17")).isEqualTo(17);
        assertThat(JavaVersionGate.feature("21.0.1")).isEqualTo(21);
        assertThat(JavaVersionGate.feature(null)).isEqualTo(Integer.MAX_VALUE);
        assertThat(JavaVersionGate.feature("weird")).isEqualTo(Integer.MAX_VALUE);
        assertThat(JavaVersionGate.tooOld("17", "/usr/lib/jvm/java-17")).isEqualTo(
                "Webprobe needs Java 21 or newer, but this is Java 17 (/usr/lib/jvm/java-17); "
                        + "install a JDK 21 or newer (for example 'apt-get install "
                        + "openjdk-21-jdk') and run Webprobe with it.");
    }

    /**
     * The bug: as nobody with a read-only home (and a full TMPDIR, so JavaFX could not unpack
     * its libraries) the window failed with "the details are in" a log that could not exist.
     */
    @Test
    void aSentenceSendsTheUserToTheLogOnlyWhenThereIsOne(@TempDir Path dir) throws Exception {
        Path log = java.nio.file.Files.writeString(dir.resolve("webprobe.log"), "");
        assertThat(FatalErrors.detailsIn(log)).isEqualTo("the details are in " + log);
        Path none = dir.resolve("gone/webprobe.log");
        assertThat(FatalErrors.detailsIn(none)).isEqualTo("no log could be written in "
                + none.getParent() + ", so set WEBPROBE_LOG_DIR to a folder you can write and "
                + "start it again to see why");
    }

    @Test
    void outOfMemoryOnAnyThreadIsOneSentenceAndHaltsWith2() {
        List<Integer> halted = new ArrayList<>();
        FatalErrors fatal = new FatalErrors(print(err), halted::add, Path.of("/l/webprobe.log"),
                768L * 1024 * 1024);
        fatal.uncaughtException(new Thread("crawl-worker-3"),
                new RuntimeException("wrapped", new OutOfMemoryError("Java heap space")));
        assertThat(text(err).lines().toList()).containsExactly("Webprobe ran out of memory (it "
                + "may use 768 MB); give it more with WEBPROBE_JAVA_OPTS, for example "
                + "WEBPROBE_JAVA_OPTS=-Xmx2g.");
        assertThat(halted).containsExactly(2);
    }

    @Test
    void outOfMemoryEvenForTheSentenceStillHaltsWith2() {
        List<Integer> halted = new ArrayList<>();
        PrintStream noMemory = new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        FatalErrors fatal = new FatalErrors(noMemory, halted::add, Path.of("/l/webprobe.log"),
                768L * 1024 * 1024);

        fatal.uncaughtException(new Thread("ping-loop-1"), new OutOfMemoryError("Java heap"));

        assertThat(halted).containsExactly(2);
    }

    @Test
    void threadsRunningOutOfMemoryTogetherSayItOnce() {
        List<Integer> halted = new ArrayList<>();
        FatalErrors fatal = new FatalErrors(print(err), halted::add, Path.of("/l/webprobe.log"),
                768L * 1024 * 1024);
        fatal.uncaughtException(new Thread("JavaFX Application Thread"),
                new OutOfMemoryError("Java heap space"));
        fatal.uncaughtException(new Thread("QuantumRenderer-0"),
                new OutOfMemoryError("Java heap space"));

        assertThat(text(err).lines()).hasSize(1);
        assertThat(halted).containsExactly(2, 2);
    }

    @Test
    void aThreadWithItsOwnHandlerHandsOutOfMemoryToTheDefaultOneOnceCovered() throws Exception {
        // as JavaFX's render thread: its handler prints what it gets and the thread dies
        List<Throwable> own = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Throwable> fatal = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch covered = new java.util.concurrent.CountDownLatch(1);
        List<Throwable> toThrow = List.of(new OutOfMemoryError("Java heap space"),
                new IllegalStateException("a bug"));
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> fatal.add(e));
        try {
            List<Thread> renderers = new ArrayList<>();
            for (Throwable e : toThrow) {
                Thread renderer = new Thread(() -> {
                    try {
                        covered.await();
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                    if (e instanceof Error err) {
                        throw err;
                    }
                    throw (RuntimeException) e;
                }, "QuantumRenderer-test");
                renderer.setUncaughtExceptionHandler((t, e2) -> own.add(e2));
                renderer.start();
                renderers.add(renderer);
            }

            FatalErrors.coverThreadsWithTheirOwnHandler();
            covered.countDown();
            for (Thread r : renderers) {
                r.join();
            }
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }

        assertThat(fatal).containsExactly(toThrow.get(0));
        assertThat(own).containsExactly(toThrow.get(1));
    }

    @Test
    void anyOtherFailureEndsTheProgramOnlyOnTheMainThread() {
        List<Integer> halted = new ArrayList<>();
        FatalErrors fatal = new FatalErrors(print(err), halted::add, Path.of("/l/webprobe.log"),
                1L << 30);
        fatal.uncaughtException(new Thread("HttpClient-1-Worker-0"), new IllegalStateException());
        assertThat(text(err)).isEmpty();
        assertThat(halted).isEmpty();

        Thread main = new Thread("main");
        fatal.uncaughtException(main, new StackOverflowError());
        assertThat(text(err).lines().toList()).containsExactly(
                "Webprobe stopped because of an unexpected error; the details are in "
                        + "/l/webprobe.log.");
        assertThat(halted).containsExactly(2);
    }

    @Test
    void theLogFileFollowsWebprobeLogDir() {
        assertThat(FatalErrors.logFile(Map.of("WEBPROBE_LOG_DIR", "/var/tmp/wp")))
                .isEqualTo(Path.of("/var/tmp/wp/webprobe.log"));
        assertThat(FatalErrors.logFile(Map.of())).isEqualTo(
                io.webprobe.UserDirs.of(Map.of()).logs().resolve("webprobe.log"));
    }

    private static PrintStream print(ByteArrayOutputStream b) {
        return new PrintStream(b, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
