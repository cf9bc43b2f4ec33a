package io.webprobe.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class StderrToLogTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("stderr");
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aStackTracePrintedByALibraryGoesToTheLogLineByLine() {
        PrintStream err = StderrToLog.stream();

        new IllegalStateException("render failed").printStackTrace(err);
        err.print("no end of line yet");

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .startsWith("java.lang.IllegalStateException: render failed")
                .anySatisfy(l -> assertThat(l).startsWith("\tat io.webprobe.app.StderrToLogTest"))
                .doesNotContain("no end of line yet");
        err.println();
        assertThat(logged.list.getLast().getFormattedMessage()).isEqualTo("no end of line yet");
    }

    @Test
    void aLineWithoutEndIsLoggedInBoundedParts() {
        PrintStream err = StderrToLog.stream();

        err.print("x".repeat(20_000));

        assertThat(logged.list).hasSize(2)
                .allSatisfy(e -> assertThat(e.getFormattedMessage()).hasSize(8_192));
    }
}
