package io.webprobe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Link response header (RFC 8288 3): its syntax, as a crawler reads a canonical from it. */
class LinkHeaderTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", textBlock = """
            # header value                                               | canonical target
            </canon>; rel="canonical"                                    | /canon
            </canon>; rel=canonical                                      | /canon
            </canon>;rel=canonical                                       | /canon
            <https://example.com/a>; REL="Canonical"                     | https://example.com/a
            </a>; rel="alternate"; type="application/pdf", </c>; rel=canonical | /c
            </p.pdf>; rel=preload,</c>;rel="canonical"                   | /c
            </a,b;c>; rel="canonical"                                    | /a,b;c
            < /spaced >; rel=canonical                                   | /spaced
            </x>; title="a, b; rel=canonical", </y>; rel=canonical       | /y
            </x>; title="say \\"hi\\", rel=canonical"; rel=canonical       | /x
            </x>; rel="preload canonical"                                | /x
            </x>; rel="alternate"; rel="canonical"                       | NONE
            </x>; rel="canonicalize"                                     | NONE
            </x>; rel=canonical; anchor="#part"                          | NONE
            </x>; anchor=""; rel=canonical                               | /x
            </x>                                                         | NONE
            garbage, </y>; rel=canonical                                 | /y
            </x> junk; rel=canonical, </y>; rel=canonical                | /y
            </x; rel=canonical                                           | NONE
            ''                                                           | NONE
            """)
    void findsTheCanonicalTarget(String header, String target) {
        assertEquals(target, LinkHeader.target(List.of(header), "canonical"));
    }

    @Test
    void theFirstCanonicalOfSeveralFieldsCounts() {
        assertEquals("/second", LinkHeader.target(List.of("</first>; rel=preload",
                "</second>; rel=canonical", "</third>; rel=canonical"), "canonical"));
    }

    @Test
    void readsEveryLinkWithItsRelationTypes() {
        assertEquals(List.of(
                        new LinkHeader.Link("/a", List.of("preload"), null),
                        new LinkHeader.Link("/b", List.of("alternate", "canonical"), "#s"),
                        new LinkHeader.Link("/c", List.of(), null)),
                LinkHeader.parse("</a>; rel=preload; as=style, </b>; anchor=\"#s\"; "
                        + "rel=\"ALTERNATE  canonical\", </c>; title=c"));
    }
}
