package io.webprobe.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailtoLinkTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "mailto:info@example.com",
        "MAILTO:Info@Example.COM",
        "mailto:a@example.com,b@example.com",
        "mailto:a@example.com, b@example.com,",
        // semicolons, as Outlook writes a list and LinkChecker reads it
        "mailto:a@example.com;b@example.com",
        "mailto:a@example.com; b@example.com;",
        "mailto:a@example.com%3Bb@example.com",
        "mailto:?cc=a@example.com;b@example.com",
        "mailto:\"a;b\"@example.com",
        "mailto:a@example.com%2C%20b@example.com",
        "mailto:jane%2Bnews@example.com",
        "mailto:jane+news@example.com",
        "mailto:info@example.com?subject=Hello%20there&body=a@b@c%20is%20fine%20here",
        "mailto:?subject=x",
        "mailto:",
        "mailto:?to=a@example.com&cc=b@example.com&bcc=c@example.com",
        "mailto:info@example.com#top",
        "mailto:\"john doe\"@example.com",
        "mailto:%22john%20doe%22@example.com",
        "mailto:\"a@b,c\"@example.com,d@example.com",
        "mailto:\"quote\\\"inside\"@example.com",
        "mailto:j\u00f6rg@b\u00fccher.example",
        "mailto:info@xn--bcher-kva.example",
        "mailto:info@%C3%BCber.example",
        "mailto:postmaster@[127.0.0.1]",
        "mailto:postmaster@[IPv6:::1]",
        "mailto:root@localhost",
        "mailto:o'brien@example.com",
        "mailto:first.last@sub.example.co.uk",
        "mailto:!%23$%25&'*+-/=%3F^_`{|}~@example.com", // "#" and "?" escaped, as in a URL
        "mailto:Jane%20Doe%20%3Cjane@example.com%3E",
        "mailto:%22Doe,%20Jane%22%20%3Cjane@example.com%3E",
        "mailto:\n info@example.com",
        "mailto:a@b-c.example",
    })
    void wellFormedAddressesPass(String href) {
        assertNull(MailtoLink.problem(href));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '§', textBlock = """
            mailto:info.example.com § no @ in info.example.com
            mailto:a@b@c § more than one @ in a@b@c
            mailto:a@x.test;bad § no @ in bad
            mailto:a@x.test;b@x_y.test § the domain of b@x_y.test is not a valid host name
            mailto:a;b@x.test § no @ in a
            mailto:jane doe@example.com § a space before the @ in jane doe@example.com
            mailto:jane%20doe@example.com § a space before the @ in jane doe@example.com
            mailto:@example.com § nothing before the @ in @example.com
            mailto:info@ § nothing after the @ in info@
            mailto:.jane@example.com § a dot at the start of .jane@example.com
            mailto:jane.@example.com § a dot just before the @ in jane.@example.com
            mailto:jane..doe@example.com § two dots in a row in jane..doe@example.com
            mailto:ja(ne@example.com § "(" before the @ in ja(ne@example.com
            mailto:a@exa_mple.com § the domain of a@exa_mple.com is not a valid host name
            mailto:a@exa mple.com § the domain of a@exa mple.com is not a valid host name
            mailto:a@example..com § the domain of a@example..com is not a valid host name
            mailto:a@-example.com § the domain of a@-example.com is not a valid host name
            mailto:a@example.com. § the domain of a@example.com. is not a valid host name
            mailto:a@www.example.com/ § the domain of a@www.example.com/ is not a valid host name
            mailto:a@[1.2.3] § the domain of a@[1.2.3] is not a valid IP address
            mailto:a@[256.1.1.1] § the domain of a@[256.1.1.1] is not a valid IP address
            mailto:a@[IPv6:::g] § the domain of a@[IPv6:::g] is not a valid IP address
            mailto:a@[127.0.0.1 § the domain of a@[127.0.0.1 is not a valid IP address
            mailto:"jane@example.com § an unclosed quote in "jane@example.com
            mailto:"j"d@example.com § text between the closing quote and the @ in "j"d@example.com
            mailto:"jane" § no @ in "jane"
            mailto:ok@example.com,bad § no @ in bad
            mailto:?cc=ok@example.com,bad § no @ in bad
            mailto:?subject=x&TO=nobody § no @ in nobody
            mailto:Jane <jane.example.com> § no @ in Jane <jane.example.com>
            mailto:%FF@example.com § an escape that is no UTF-8 character in %FF@example.com
            mailto:%C3%28@example.com § an escape that is no UTF-8 character in %C3%28@example.com
            mailto:"a?b"@x.test § an unclosed quote in "a (a ? inside an address is written %3F)
            """)
    void malformedAddressesSayWhatIsWrong(String href, String reason) {
        assertEquals("Malformed email address: " + reason, MailtoLink.problem(href));
    }

    /** A long href: its reason names the address cut to 80 characters. */
    @org.junit.jupiter.api.Test
    void aLongAddressIsNamedCut() {
        String local = "x".repeat(200_000);
        assertEquals("Malformed email address: no @ in " + "x".repeat(79) + "…",
                MailtoLink.problem("mailto:" + local));
    }

    /**
     * Many fields without "=": each looked for its "=" to the end of the href (a 400 KB href
     * took 1.8 s of a crawl worker, this one some 20 s); now the field's own characters only.
     * The time is not asserted (no wall-clock assertions), the reading is.
     */
    @org.junit.jupiter.api.Test
    void manyFieldsAreReadInOnePass() {
        String href = "mailto:a@example.com?" + "x&".repeat(200_000) + "to=bad";
        assertEquals("Malformed email address: no @ in bad", MailtoLink.problem(href));
    }
}
