package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.webprobe.http.ErrorKind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectChainsTest {
    private final Map<Long, RedirectChains.Node> rows = new HashMap<>();

    private RedirectChains.Node row(long id, int status, long redirectId, String redirectTo) {
        RedirectChains.Node n = new RedirectChains.Node(id, "http://s/" + id, true, status, null,
                "", null, redirectTo, redirectId);
        rows.put(id, n);
        return n;
    }

    private RedirectChains.Node hop(long id, long to) {
        return row(id, 301, to, "http://s/" + to);
    }

    private RedirectChains.Chain follow(long id) {
        return RedirectChains.follow(rows.get(id), rows::get);
    }

    @Test
    void followsEveryHopToTheUrlThatAnswers() {
        hop(1, 2);
        row(2, 302, 3, "http://s/3");
        row(3, 200, 0, "");
        RedirectChains.Chain c = follow(1);
        assertEquals("http://s/1 [301] → http://s/2 [302] → http://s/3 [200]", c.text());
        assertEquals(RedirectChains.End.ARRIVED, c.end());
        assertThat(c.broken()).isFalse();
        assertEquals("http://s/3", c.last().url());
        assertEquals("http://s/3", c.endUrl());
    }

    @Test
    void aChainEndingInA404IsBrokenAndSaysWhere() {
        hop(1, 2);
        row(2, 404, 0, "");
        RedirectChains.Chain c = follow(1);
        assertThat(c.broken()).isTrue();
        assertEquals(RedirectChains.End.BROKEN, c.end());
        assertEquals(404, c.last().status());
        assertEquals("Redirects to http://s/2, which answered HTTP 404 "
                + "(http://s/1 [301] → http://s/2 [404])", c.problem());
    }

    @Test
    void aLoopIsNamedAtTheUrlItComesBackTo() {
        hop(1, 2);
        hop(2, 3);
        hop(3, 2);
        RedirectChains.Chain c = follow(1);
        assertEquals(RedirectChains.End.LOOP, c.end());
        assertEquals(ErrorKind.REDIRECT_LOOP, c.error());
        assertEquals("http://s/1 [301] → http://s/2 [301] → http://s/3 [301] → http://s/2 (loop)",
                c.text());
        assertThat(c.problem()).startsWith("Redirect loop: http://s/1 [301]");
        assertEquals("", c.endUrl()); // a loop has no end, not the hop where it turns back
    }

    @Test
    void noLoopHasAnEndNeitherToItselfNorBackToItsStart() {
        hop(1, 1); // a→a
        hop(2, 3); // a→b→a
        hop(3, 2);
        for (long start : new long[] {1, 2}) {
            RedirectChains.Chain c = follow(start);
            assertEquals(RedirectChains.End.LOOP, c.end());
            assertEquals("", c.endUrl(), c.text());
        }
    }

    @Test
    void moreRedirectsThanBrowsersFollowAreTooMany() {
        int n = io.webprobe.http.HttpProbe.MAX_REDIRECTS;
        for (long i = 1; i <= n + 1; i++) {
            hop(i, i + 1);
        }
        row(n + 2, 200, 0, "");
        assertEquals(RedirectChains.End.TOO_MANY, follow(1).end());
        assertEquals(ErrorKind.TOO_MANY_REDIRECTS, follow(1).error());
        // as many as browsers follow (20) are still fine
        assertEquals(RedirectChains.End.ARRIVED, follow(2).end());
    }

    @Test
    void aTargetTheCrawlDidNotFetchEndsTheChainUnjudged() {
        row(1, 301, 0, "http://elsewhere/");
        RedirectChains.Chain c = follow(1);
        assertEquals(RedirectChains.End.NOT_FOLLOWED, c.end());
        assertThat(c.broken()).isFalse();
        assertEquals("http://s/1 [301] → http://elsewhere/", c.text());
    }

    @Test
    void aBlockedEndIsNotBroken() {
        hop(1, 2);
        rows.put(2L, new RedirectChains.Node(2, "http://s/2", true, 0, null, "robots",
                SkipReason.ROBOTS, "", 0));
        assertEquals(RedirectChains.End.BLOCKED, follow(1).end());
        assertThat(follow(1).broken()).isFalse();
    }

    @Test
    void aLocationThatIsNotAUrlIsBrokenAtThatHop() {
        hop(1, 2);
        rows.put(2L, new RedirectChains.Node(2, "http://s/2", true, 302, ErrorKind.INVALID_URL,
                "Redirects to \"http://\", which is not a valid URL", null, "http://", 0));
        RedirectChains.Chain c = follow(1);
        assertEquals(RedirectChains.End.BROKEN, c.end());
        assertEquals(ErrorKind.INVALID_URL, c.error());
        assertEquals("Redirects to \"http://\", which is not a valid URL", c.problem());
    }
}
