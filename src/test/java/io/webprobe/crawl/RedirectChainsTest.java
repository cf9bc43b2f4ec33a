package io.webprobe.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectChainsTest {

    private static CrawlResult row(String url, int status, String redirectTo) {
        return new CrawlResult(url, status, null, "", "text/html", 0, 0, "", 0, 0, 0, "",
                redirectTo, false, false, PageInfo.NONE, null);
    }

    @Test
    void followsEveryHopThroughTheRows() {
        Map<String, String> chains = RedirectChains.of(List.of(
                row("http://s/a", 301, "http://s/b"),
                row("http://s/b", 302, "http://s/c"),
                row("http://s/c", 200, ""),
                row("http://s/loop1", 301, "http://s/loop2"),
                row("http://s/loop2", 301, "http://s/loop1"),
                row("http://s/out", 301, "http://elsewhere/")));
        assertEquals("http://s/a [301] → http://s/b [302] → http://s/c [200]", chains.get("http://s/a"));
        assertEquals("http://s/b [302] → http://s/c [200]", chains.get("http://s/b"));
        assertEquals("http://s/loop1 [301] → http://s/loop2 [301] → http://s/loop1 (loop)",
                chains.get("http://s/loop1"));
        assertEquals("http://s/out [301] → http://elsewhere/", chains.get("http://s/out"));
        assertEquals(null, chains.get("http://s/c"));
    }
}
