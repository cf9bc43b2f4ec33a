package io.webprobe.ui.ping;

import io.webprobe.http.TlsTrust;
import io.webprobe.ping.PingPlan;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The certificates a ping run trusts, as chosen in the Ping tab when it started: taken on the
 * FX thread, read from disk on the background thread ({@link #applyTo}), and what the advice
 * after the run follows (not the settings as they are by then). Immutable.
 *
 * @param insecure whether every certificate is accepted (Skip certificate checks)
 * @param file the PEM file trusted besides the usual authorities, or "" for none
 */
record PingTrust(boolean insecure, String file) {
    /** @throws TlsTrust.TrustException with one sentence when the file is not usable */
    PingPlan applyTo(PingPlan plan) throws TlsTrust.TrustException {
        if (insecure) {
            return plan.withTls(TlsTrust.insecure());
        }
        if (file.isEmpty()) {
            return plan;
        }
        try {
            return plan.withTls(TlsTrust.fromPemFile(Path.of(file)));
        } catch (InvalidPathException e) {
            throw new TlsTrust.TrustException("Could not read the certificate file " + file
                    + ": it is not a valid path.");
        }
    }
}
