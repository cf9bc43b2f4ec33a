package io.webprobe.http;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;

/**
 * The server-name check for the host names the JDK's own check refuses before it looks at the
 * certificate: a name with an underscore ({@code a_b.example}), which browsers request and
 * certificates name, is no valid {@link SNIHostName}, and the JDK's check ("HTTPS"
 * endpoint identification) fails for it whatever the certificate says. For those names
 * {@link TlsTrust} sends no SNI, turns the JDK's check off, and {@link TrustManagers} checks
 * the name here, as RFC 6125 (section 6.4) and browsers do: against the certificate's DNS
 * names (subject alternative names), case ignored, a wildcard standing for the whole first
 * label of a name of three labels or more ({@code *.example.com}); the subject's common name
 * is not read, as browsers no longer read it. Stateless.
 */
final class CertificateNames {
    private static final int DNS_NAME = 2;

    private CertificateNames() {}

    /** The SNI name for a host name, without a final dot; null when SNI cannot carry it. */
    static SNIHostName sniName(String host) {
        try {
            return new SNIHostName(host.endsWith(".") ? host.substring(0, host.length() - 1)
                    : host);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether the JDK checks this host's name itself: an IP address (brackets optional), or a
     * name SNI can carry.
     */
    static boolean jdkChecks(String host) {
        return isIpLiteral(host) || sniName(host) != null;
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0
                || !host.isEmpty() && host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /** Whether the certificate names this host (see the class comment). */
    static boolean matches(String host, X509Certificate certificate) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (names == null) {
            return false;
        }
        for (List<?> name : names) {
            if (name.size() == 2 && Integer.valueOf(DNS_NAME).equals(name.get(0))
                    && name.get(1) instanceof String dns && nameMatches(h, dns)) {
                return true;
            }
        }
        return false;
    }

    /** @param host lower case, without a final dot */
    static boolean nameMatches(String host, String certificateName) {
        String n = certificateName.toLowerCase(Locale.ROOT);
        n = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
        if (!n.startsWith("*.")) {
            return !n.isEmpty() && n.indexOf('*') < 0 && n.equals(host);
        }
        String rest = n.substring(2);
        int firstDot = host.indexOf('.');
        // "*.com" names no one site; "*" stands for one whole label, never a partial one
        return rest.indexOf('.') > 0 && rest.indexOf('*') < 0 && firstDot > 0
                && host.substring(firstDot + 1).equals(rest);
    }
}
