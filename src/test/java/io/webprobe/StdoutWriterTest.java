package io.webprobe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import io.webprobe.testsupport.FailingStream;
import org.junit.jupiter.api.Test;

class StdoutWriterTest {
    @Test
    void aFailedWriteIsNamedInPlainWords() {
        StdoutWriter w = StdoutWriter.over(FailingStream.fullDisk(),
                StandardCharsets.UTF_8);
        w.println("url,status");

        assertEquals("the disk is full", StdoutWriter.failure(w));
    }

    @Test
    void aPrintStreamBeneathThatFailedIsAFailureWithoutAReason() {
        PrintStream swallowing = new PrintStream(FailingStream.fullDisk(), true,
                StandardCharsets.UTF_8);
        StdoutWriter w = StdoutWriter.over(swallowing, StandardCharsets.UTF_8);
        w.println("url,status");

        assertEquals("the system gave no reason", StdoutWriter.failure(w));
    }

    @Test
    void aReaderThatWentAwayAndAWriteThatWentThroughAreNoFailure() {
        StdoutWriter closedPipe = StdoutWriter.over(new FailingStream("Broken pipe"),
                StandardCharsets.UTF_8);
        closedPipe.println("url,status");
        StdoutWriter fine = StdoutWriter.over(OutputStream.nullOutputStream(),
                StandardCharsets.UTF_8);
        fine.println("url,status");

        assertNull(StdoutWriter.failure(closedPipe));
        assertNull(StdoutWriter.failure(fine));
        assertNull(StdoutWriter.failure(new PrintWriter(new StringWriter())));
        assertNull(StdoutWriter.failure(new StringWriter()));
    }
}
