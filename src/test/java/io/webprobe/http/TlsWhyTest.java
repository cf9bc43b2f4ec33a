package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Why a handshake failed, in plain words, from the messages the JDK's TLS and BoringSSL (the
 * ping's native engines) really give: each row is one seen on loopback.
 */
class TlsWhyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        Received fatal alert: handshake_failure | the server refused it (handshake failure)
        (handshake_failure) Received fatal alert: handshake_failure | the server refused it (handshake failure)
        'Read error: ssl=0x7effac07ef58: Failure in SSL library, usually a protocol error\nerror:10000410:SSL routines:OPENSSL_internal:SSLV3_ALERT_HANDSHAKE_FAILURE (/__w/_temp/boringssl/ssl/tls_record.cc:491 0x7effac090620:0x00000003)\nerror:1000009a:SSL routines:OPENSSL_internal:HANDSHAKE_FAILURE_ON_CLIENT_HELLO (/__w/_temp/boringssl/ssl/handshake.cc:591 0x7effa861730d:0x00000000)' | the server refused it (handshake failure)
        (certificate_required) Received fatal alert: certificate_required | the server asks for a client certificate, which Webprobe does not send
        'Read error: ssl=0x7effb0001cd8: Failure in SSL library, usually a protocol error\nerror:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED (/__w/_temp/boringssl/ssl/tls_record.cc:491 0x7effb0010110:0x00000003)' | the server asks for a client certificate, which Webprobe does not send
        (protocol_version) Received fatal alert: protocol_version | no TLS version both sides support
        'error:1000042e:SSL routines:OPENSSL_internal:TLSV1_ALERT_PROTOCOL_VERSION (x)' | no TLS version both sides support
        'error:100000f0:SSL routines:OPENSSL_internal:UNSUPPORTED_PROTOCOL (x)' | no TLS version both sides support
        No appropriate protocol (protocol is disabled or cipher suites are inappropriate) | no TLS version both sides support
        'error:100000b8:SSL routines:OPENSSL_internal:NO_SHARED_CIPHER (x)' | no cipher suite both sides support
        Unsupported or unrecognized SSL message | the server did not answer in TLS (is the port serving plain http?)
        Unable to parse TLS packet header | the server did not answer in TLS (is the port serving plain http?)
        Remote host terminated the handshake | the server closed the connection during the handshake
        'Read error: ssl=0x7effb0010908: Failure in SSL library, usually a protocol error\nerror:10000096:SSL routines:OPENSSL_internal:EXCESSIVE_MESSAGE_SIZE (/__w/_temp/boringssl/ssl/s3_both.cc:434 0x7effa861730d:0x00000000)' | the server's answer broke the TLS protocol (excessive message size)
        The size of the handshake message (131844) exceeds the maximum allowed size (32768) | the server's answer broke the TLS protocol (excessive message size)
        'Read error: ssl=0x7effb0010908: Failure in SSL library, usually a protocol error' | no details
        'SSL handshake terminated: ssl=0x7f00dead0000: I/O error during system call, Connection reset by peer' | no details
        'SSL handshake aborted: ssl=0x7f00dead0000: Failure in SSL library, usually a protocol error' | no details
        'error:100000a1:SSL routines:OPENSSL_internal:NO_CIPHERS_AVAILABLE (x)' | no cipher suite both sides support
        'error:1000009c:SSL routines:OPENSSL_internal:SOMETHING_NEW (x)' | something new
        '' | no details
        """)
    void aFailedHandshakeIsSaidInPlainWords(String message, String why) {
        assertThat(ErrorClassifier.tlsWhy(message.replace("\\n", "\n"))).isEqualTo(why);
    }
}
