package io.webprobe.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Webprobe's logging, set up in code (found by logback through {@code META-INF/services}):
 * users see plain sentences, and the details (stack traces) go only to
 * {@code webprobe.log} in {@code $WEBPROBE_LOG_DIR}, else the system's folder for logs
 * ({@link io.webprobe.UserDirs#logs()}), 5 MB at most, with three older files kept. Reading
 * the same from an XML file took logback ~60 ms of every start (~200 ms without the start-up
 * cache).
 *
 * <p>Where a {@code logback-test.xml} is on the class path (the tests) or
 * {@code -Dlogback.configurationFile} names a file, logback's own reading of it is left to
 * run, unless {@code -Dwebprobe.logging=app} asks for this setup (tests of the launcher).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN =
            "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean asked = "app".equals(System.getProperty("webprobe.logging"));
        if (!asked && (System.getProperty("logback.configurationFile") != null
                || LogSetup.class.getClassLoader().getResource("logback-test.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path file = FatalErrors.logFile(System.getenv());
        Path dir = file.getParent();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!writable(dir, file)) {
            // nowhere to write: no log rather than logback's own complaints on the console
            root.setLevel(Level.OFF);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }

        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("webprobe.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder);
        appender.start();

        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether the log folder exists or can be made, and the log can be written in it. */
    static boolean writable(Path dir, Path file) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return Files.isWritable(dir) && (!Files.exists(file) || Files.isWritable(file));
    }
}
