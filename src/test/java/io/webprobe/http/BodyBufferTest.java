package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A body collected past its in-memory limit goes on in a temporary file, and reads back byte
 * for byte, whole, by its start or as streams; a body that cannot go on is cut where it got.
 */
class BodyBufferTest {
    private static final int LIMIT = 4 * 1024;

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void aBodyWithinTheLimitStaysInMemoryInOneArrayOfItsSize() {
        byte[] data = bytes(LIMIT);
        BodyBuffer buffer = new BodyBuffer(data.length, LIMIT, SpillFile::create);
        buffer.write(data, 0, 1000);
        buffer.write(ByteBuffer.wrap(data, 1000, data.length - 1000));
        ResponseBody body = buffer.finish();

        assertThat(body.inMemory()).isTrue();
        assertThat(body.length()).isEqualTo(LIMIT);
        assertThat(body.bytes()).isEqualTo(data);
        assertThat(buffer.cut()).isFalse();
    }

    @Test
    void aBodyPastTheLimitGoesOnInATemporaryFileAndReadsBackTheSame() throws IOException {
        byte[] data = bytes(10 * LIMIT + 123);
        BodyBuffer buffer = new BodyBuffer(-1, LIMIT, SpillFile::create);
        for (int at = 0; at < data.length; at += 1000) {
            int n = Math.min(1000, data.length - at);
            if (at % 2000 == 0) {
                buffer.write(data, at, n);
            } else {
                buffer.write(ByteBuffer.wrap(data, at, n));
            }
        }
        ResponseBody body = buffer.finish();

        assertThat(body.inMemory()).isFalse();
        assertThat(body.length()).isEqualTo(data.length);
        assertThat(body.bytes()).isEqualTo(data);
        assertThat(body.head(100)).isEqualTo(Arrays.copyOf(data, 100));
        try (InputStream one = body.open(); InputStream two = body.open()) {
            assertThat(one.readNBytes(5000)).isEqualTo(Arrays.copyOf(data, 5000));
            assertThat(two.readAllBytes()).isEqualTo(data); // each stream has its own position
            assertThat(one.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 5000, data.length));
        }

        body.close();
        body.close(); // twice is fine
        assertThatThrownBy(() -> body.open().read()).isInstanceOf(IOException.class);
    }

    @Test
    void aTemporaryFileThatCannotBeMadeCutsTheBodyAtTheLimit() {
        byte[] data = bytes(3 * LIMIT);
        BodyBuffer buffer = new BodyBuffer(data.length, LIMIT, () -> {
            throw new IOException("No space left on device");
        });
        buffer.write(data, 0, data.length);
        ResponseBody body = buffer.finish();

        assertThat(buffer.cut()).isTrue();
        assertThat(body.bytes()).isEqualTo(Arrays.copyOf(data, LIMIT));
    }

    /**
     * In a folder of the test's own: the shared temporary folder holds other processes' files
     * by name from their making to their opening (the suite's other forks spill big bodies
     * too, as does a second checkout's run), and one for good where a process was killed
     * between the two.
     */
    @Test
    void theTemporaryFileHasNoNameOnLinuxSoAKilledProcessLeavesNothingBehind(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        BodyBuffer buffer = new BodyBuffer(-1, LIMIT, () -> SpillFile.createIn(tmp));
        buffer.write(bytes(2 * LIMIT), 0, 2 * LIMIT);
        try (ResponseBody body = buffer.finish();
                var files = java.nio.file.Files.list(tmp)) {
            assertThat(body.inMemory()).isFalse();
            assertThat(files).isEmpty();
        }
    }
}
