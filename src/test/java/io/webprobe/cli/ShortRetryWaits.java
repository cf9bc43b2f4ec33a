package io.webprobe.cli;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For a test class whose crawls wait out robots.txt's retries or a resumed crawl's retry of a
 * page that could not connect (1-3 s each, real time: the command line has no clock to give):
 * those waits are 20 ms while the class runs (CrawlJob's test property). What is checked is
 * what the crawl says after them, not how long it waited.
 */
final class ShortRetryWaits implements BeforeAllCallback, AfterAllCallback {
    private static final String PROPERTY = io.webprobe.crawl.RetryWaits.TEST_PROPERTY;

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty(PROPERTY, "20");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty(PROPERTY);
    }
}
