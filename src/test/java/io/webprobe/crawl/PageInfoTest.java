package io.webprobe.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageInfoTest {

    @ParameterizedTest(name = "meta ''{0}'' header ''{1}''")
    @CsvSource(delimiter = '§', textBlock = """
            ''                   § ''                              § false § false
            noindex              § ''                              § true  § false
            NoIndex, NoFollow    § ''                              § true  § true
            none                 § ''                              § true  § true
            index,follow         § ''                              § false § false
            ''                   § noindex                         § true  § false
            ''                   § googlebot: noindex              § true  § false
            ''                   § googlebot: none                 § true  § false
            ''                   § googlebot: nofollow             § false § false
            ''                   § bingbot: noindex                § false § false
            googlebot: noindex   § ''                              § true  § false
            index | googlebot: nofollow § ''                       § false § false
            ''                   § webprobe: nofollow              § false § true
            ''                   § googlebot: noindex | nofollow   § true  § true
            ''                   § unavailable_after: 25 Jun 2010  § false § false
            follow               § otherbot: none                  § false § false
            """)
    void readsDirectivesFromMetaAndHeaderForEveryoneOursAndGooglebotsNoindex(String meta, String header,
            boolean noindex, boolean nofollow) {
        PageInfo info = new PageInfo("", "", "", 0, meta.toLowerCase(java.util.Locale.ROOT), "")
                .withRobotsHeader(header);
        assertEquals(noindex, info.noindex(), "noindex");
        assertEquals(nofollow, info.nofollow(), "nofollow");
    }
}
