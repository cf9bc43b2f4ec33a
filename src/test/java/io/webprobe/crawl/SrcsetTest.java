package io.webprobe.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrcsetTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            a.jpg                                    | a.jpg
            a.jpg 1x, b.jpg 2x                       | a.jpg;b.jpg
            a.jpg 300w,b.jpg 600w                    | a.jpg;b.jpg
            /img,v2.jpg 1x, /img,v3.jpg 2x           | /img,v2.jpg;/img,v3.jpg
            a.jpg,b.jpg                              | a.jpg,b.jpg
            a.jpg, b.jpg                             | a.jpg;b.jpg
            '  ,, a.jpg 1x ,, '                      | a.jpg
            a.jpg 1x,                                | a.jpg
            a.jpg (min-width: 3px, 4px) 1x, b.jpg 2x | a.jpg;b.jpg
            'a.jpg\t1x,\nb.jpg\t2x'                  | a.jpg;b.jpg
            ''                                       | ''
            """)
    void parsesUrlsAsTheHtmlStandardSays(String srcset, String expected) {
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(";"));
        assertEquals(want, Srcset.urls(srcset.replace("\\t", "\t").replace("\\n", "\n")));
    }
}
