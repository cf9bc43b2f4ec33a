package io.webprobe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by a new user: a window left open while its jar was rebuilt ended a crawl with only a
 * NoClassDefFoundError in its log. A class that cannot be loaded from a jar that changed since
 * the start is said in one sentence; any other failure is not.
 */
class UpdatedWhileRunningTest {
    @TempDir
    Path dir;

    @Test
    void aClassNotFoundInAJarReplacedSinceTheStartIsAnUpdate() throws Exception {
        Path jar = Files.write(dir.resolve("webprobe.jar"), new byte[] {1, 2, 3});
        UpdatedWhileRunning.Stamp atStart = UpdatedWhileRunning.Stamp.of(jar);
        Throwable missing = new NoClassDefFoundError("io/webprobe/crawl/Visit");
        Throwable wrapped = new IllegalStateException(new RuntimeException(
                new ClassNotFoundException("io.webprobe.crawl.Visit")));

        assertThat(UpdatedWhileRunning.explains(missing, atStart)).as("unchanged").isFalse();

        Files.write(jar, new byte[] {1, 2, 3, 4}); // rebuilt
        assertThat(UpdatedWhileRunning.explains(missing, atStart)).isTrue();
        assertThat(UpdatedWhileRunning.explains(wrapped, atStart)).isTrue();
        // a failure of its own, whatever the jar did
        assertThat(UpdatedWhileRunning.explains(new NoClassDefFoundError(
                "Could not initialize class io.webprobe.X"), atStart)).isFalse();
        assertThat(UpdatedWhileRunning.explains(new IllegalStateException("bug"), atStart))
                .isFalse();
    }

    @Test
    void aJarOfTheSameSizeWithAnotherTimeOrNoneAtAllIsReplacedToo() throws Exception {
        Path jar = Files.write(dir.resolve("webprobe.jar"), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));
        UpdatedWhileRunning.Stamp atStart = UpdatedWhileRunning.Stamp.of(jar);
        Throwable missing = new NoClassDefFoundError("io/webprobe/crawl/Visit");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_060_000L));
        assertThat(UpdatedWhileRunning.explains(missing, atStart)).isTrue();
        Files.delete(jar); // an upgrade that removed the old jar
        assertThat(UpdatedWhileRunning.explains(missing, atStart)).isTrue();
    }

    @Test
    void classesRunFromAFolderAreNeverSaidUpdated() {
        // the tests run from target/classes: no jar to look at, nothing said
        assertThat(UpdatedWhileRunning.explains(new NoClassDefFoundError("x/Y"))).isFalse();
        assertThat(UpdatedWhileRunning.explains(new NoClassDefFoundError("x/Y"), null)).isFalse();
    }
}
