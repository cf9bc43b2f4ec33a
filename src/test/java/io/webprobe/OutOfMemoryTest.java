package io.webprobe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutOfMemoryTest {
    private static final long MB = 1024L * 1024;

    @Test
    void theAdviceAsksForMoreThanItHad() {
        assertThat(OutOfMemory.sentence(256 * MB)).isEqualTo("Webprobe ran out of memory (it "
                + "may use 256 MB); give it more with WEBPROBE_JAVA_OPTS, for example "
                + "WEBPROBE_JAVA_OPTS=-Xmx2g.");
        // -Xmx2g is no advice to a Webprobe that had 2 GB or 3 GB
        assertThat(OutOfMemory.sentence(2048 * MB)).endsWith("(it may use 2,048 MB); give it "
                + "more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx4g.");
        assertThat(OutOfMemory.sentence(3000 * MB)).endsWith("WEBPROBE_JAVA_OPTS=-Xmx6g.");
        // no limit known: no figure
        assertThat(OutOfMemory.sentence(Long.MAX_VALUE)).isEqualTo("Webprobe ran out of memory; "
                + "give it more with WEBPROBE_JAVA_OPTS, for example WEBPROBE_JAVA_OPTS=-Xmx2g.");
    }

    @Test
    void aCrawlSaysWhereItStopped() {
        assertThat(OutOfMemory.crawlStoppedOn("http://127.0.0.1/big", 160 * MB)).isEqualTo(
                "Webprobe ran out of memory on http://127.0.0.1/big (it may use 160 MB), so the "
                        + "crawl stopped there; give it more with WEBPROBE_JAVA_OPTS, for "
                        + "example WEBPROBE_JAVA_OPTS=-Xmx2g.");
    }
}
