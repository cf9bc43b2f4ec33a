package io.webprobe.crawl;

import io.webprobe.http.FetchResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Recognises a response that is a bot wall (a challenge or captcha page put in front of a site)
 * rather than the page itself: such a URL is blocked for crawlers, not broken. Stateless.
 *
 * <p>A 999 (LinkedIn and others) is always one. A 403, 429 or 503 is one when a header or the
 * start of the body carries a known challenge marker: Cloudflare ({@code cf-mitigated:
 * challenge}, its challenge page), AWS WAF ({@code x-amzn-waf-action}), Sucuri, Imperva
 * Incapsula, DataDome, PerimeterX, Akamai, a captcha widget (reCAPTCHA, hCaptcha, Turnstile),
 * or a page whose title names a captcha. A plain 403 or 503 stays broken, and so does one that
 * merely mentions a captcha (reCAPTCHA v3's "protected by reCAPTCHA" line on a maintenance
 * page, a link to a captcha FAQ): a 503 is then asked again as any 503 is.
 */
final class BotWall {
    /** How much of the body is searched for markers. */
    private static final int SCAN_BYTES = 64 * 1024;

    /** A body marker and the name of the wall it signals. */
    private record Marker(String text, String name) {}

    private static final List<Marker> BODY_MARKERS = List.of(
            new Marker("/cdn-cgi/challenge-platform/", "Cloudflare challenge"),
            new Marker("<title>just a moment...</title>", "Cloudflare challenge"),
            new Marker("attention required! | cloudflare", "Cloudflare block page"),
            new Marker("sucuri website firewall", "Sucuri firewall"),
            new Marker("_incapsula_resource", "Imperva Incapsula"),
            new Marker("incapsula incident id", "Imperva Incapsula"),
            new Marker("captcha-delivery.com", "DataDome"),
            new Marker("px-captcha", "PerimeterX"),
            new Marker("ddos protection by", "DDoS protection page"),
            new Marker("g-recaptcha", "captcha"),
            new Marker("h-captcha", "captcha"),
            new Marker("cf-turnstile", "captcha"));

    private BotWall() {}

    /** The text of the first {@code <title>} of a lower-cased page head, or "". */
    private static String title(String text) {
        int open = text.indexOf("<title");
        int start = open < 0 ? -1 : text.indexOf('>', open);
        int end = start < 0 ? -1 : text.indexOf("</title", start);
        return end < 0 ? "" : text.substring(start + 1, end);
    }

    /** Whether a response with this status may be a challenge page (its body tells). */
    static boolean mayBeChallenge(int status) {
        return status == 403 || status == 429 || status == 503;
    }

    /** The wall's name, e.g. "Cloudflare challenge", or null when the response is not one. */
    static String detect(FetchResponse r) {
        int status = r.status();
        if (status == 999) {
            return "non-standard refusal";
        }
        if (!mayBeChallenge(status)) {
            return null;
        }
        String cf = r.header("cf-mitigated").toLowerCase(Locale.ROOT);
        if (cf.contains("challenge")) {
            return "Cloudflare challenge";
        }
        String waf = r.header("x-amzn-waf-action").toLowerCase(Locale.ROOT);
        if (waf.equals("challenge") || waf.equals("captcha")) {
            return "AWS WAF " + waf;
        }
        if (!r.header("x-sucuri-block").isEmpty()) {
            return "Sucuri firewall";
        }
        if (!r.header("x-datadome").isEmpty() || !r.header("x-dd-b").isEmpty()) {
            return "DataDome";
        }
        byte[] body = r.body() == null ? null : r.body().head(SCAN_BYTES);
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, SCAN_BYTES),
                StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (Marker m : BODY_MARKERS) {
            if (text.contains(m.text())) {
                return m.name();
            }
        }
        if (title(text).contains("captcha")) {
            return "captcha";
        }
        if (r.header("server").toLowerCase(Locale.ROOT).startsWith("akamaighost")
                && text.contains("access denied")
                && text.contains("reference&#32;&#35;")) {
            return "Akamai bot manager";
        }
        return null;
    }
}
