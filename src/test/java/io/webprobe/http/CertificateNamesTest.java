package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The name check for host names the JDK refuses to check (an underscore), as RFC 6125 section
 * 6.4 and browsers match them.
 */
class CertificateNamesTest {
    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a_b.example        | a_b.example       | true
            a_b.example        | A_B.Example.      | true
            a_b.example        | a-b.example       | false
            a_b.example        | b.example         | false
            x.a_b.example      | *.a_b.example     | true
            a_b.example.com    | *.example.com     | true
            y.x.a_b.example    | *.a_b.example     | false
            a_b.example        | *.example         | false
            a_b                | *                 | false
            a_b.example.com    | a*.example.com    | false
            a_b.example.com    | *b.example.com    | false
            a_b.example.com    | a_b.*.com         | false
            """)
    void matchesAHostAgainstACertificatesDnsName(String host, String name, boolean matches) {
        assertThat(CertificateNames.nameMatches(host, name)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.com     | true
            localhost       | true
            127.0.0.1       | true
            '[::1]'         | true
            ::1             | true
            a_b.example     | false
            a_b.localhost   | false
            """)
    void theJdkChecksEveryNameButThoseSniCannotCarry(String host, boolean jdk) {
        assertThat(CertificateNames.jdkChecks(host)).isEqualTo(jdk);
    }
}
