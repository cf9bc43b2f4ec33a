package io.webprobe.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class HostAddressesTest {
    private static final String V4 = "127.0.0.1";
    private static final String V6 = "0:0:0:0:0:0:0:1";

    @Test
    void localhostIsBothLoopbackAddressesIPv4FirstWhateverTheHostsFileSays() throws Exception {
        for (String name : new String[] {"localhost", "LocalHost", "localhost.", "app.localhost",
                "a.b.LOCALHOST"}) {
            assertThat(HostAddresses.resolve(name)).extracting(InetAddress::getHostAddress)
                    .as(name).startsWith(V4, V6).doesNotHaveDuplicates();
        }
    }

    @Test
    void otherNamesAndLiteralsAreTheSystemsAnswer() throws Exception {
        assertThat(HostAddresses.resolve("127.0.0.1")).extracting(InetAddress::getHostAddress)
                .containsExactly(V4);
        assertThat(HostAddresses.resolve("[::1]")).extracting(InetAddress::getHostAddress)
                .containsExactly(V6);
        assertThat(HostAddresses.resolve("::1")).extracting(InetAddress::getHostAddress)
                .containsExactly(V6);
        assertThat(HostAddresses.isLocalhost("notlocalhost")).isFalse();
        assertThat(HostAddresses.isLocalhost("localhost.example")).isFalse();
        assertThatThrownBy(() -> HostAddresses.resolve("no-such-host.invalid"))
                .isInstanceOf(UnknownHostException.class);
    }
}
