package io.webprobe.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.webprobe.http.FetchResponse;
import io.webprobe.http.Header;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which responses are a bot wall (blocked) and which are an ordinary error (broken). */
class BotWallTest {
    private static final String CLOUDFLARE_PAGE = """
            <!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
            <meta http-equiv="refresh" content="390"></head><body>
            <div class="main-wrapper"><h1>www.example.com</h1>
            <h2>Checking if the site connection is secure</h2></div>
            <script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1"></script>
            </body></html>""";
    private static final String RECAPTCHA_PAGE = """
            <html><head><title>Are you a robot?</title></head><body>
            <form method="post"><div class="g-recaptcha" data-sitekey="6Lc..."></div></form>
            </body></html>""";
    private static final String HCAPTCHA_PAGE = """
            <html><head><title>Verify</title>
            <script src="https://js.hcaptcha.com/1/api.js" async defer></script></head>
            <body><div class="h-captcha" data-sitekey="10000000-ffff"></div></body></html>""";
    private static final String PLAIN_403 = """
            <html><head><title>403 Forbidden</title></head><body>
            <h1>Forbidden</h1><p>You don't have permission to access this resource.</p>
            <hr><address>Apache/2.4.57 Server at example.com Port 80</address></body></html>""";
    private static final String PLAIN_503 = """
            <html><head><title>503 Service Unavailable</title></head>
            <body><h1>Service Unavailable</h1></body></html>""";

    private static FetchResponse response(int status, String body, String... headers) {
        List<Header> fields = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(new Header(headers[i], headers[i + 1]));
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new FetchResponse(URI.create("https://example.com/page"), status, "text/html",
                null, bytes == null ? 0 : bytes.length,
                bytes == null ? null : io.webprobe.http.ResponseBody.of(bytes), false, 12, null, "", "", fields);
    }

    static Stream<Arguments> walls() {
        return Stream.of(
                Arguments.of("999, no body", response(999, null), "non-standard refusal"),
                Arguments.of("999 with a page", response(999, "<html>Request denied</html>"),
                        "non-standard refusal"),
                Arguments.of("403 cf-mitigated: challenge",
                        response(403, null, "cf-mitigated", "challenge"), "Cloudflare challenge"),
                Arguments.of("header name and value in another case",
                        response(403, "", "CF-Mitigated", "Challenge"), "Cloudflare challenge"),
                Arguments.of("503 Cloudflare 'Just a moment...' page",
                        response(503, CLOUDFLARE_PAGE), "Cloudflare challenge"),
                Arguments.of("403 with a reCAPTCHA widget", response(403, RECAPTCHA_PAGE),
                        "captcha"),
                Arguments.of("403 with an hCaptcha widget", response(403, HCAPTCHA_PAGE),
                        "captcha"),
                Arguments.of("429 with a captcha page", response(429, RECAPTCHA_PAGE), "captcha"),
                Arguments.of("AWS WAF x-amzn-waf-action: captcha",
                        response(403, "", "x-amzn-waf-action", "captcha"), "AWS WAF captcha"),
                Arguments.of("403 whose title names a captcha", response(403,
                        "<html><head><title>Security check: CAPTCHA</title></head><body>"
                        + "<img src=\"/captcha.png\"><form><input name=code></form>"),
                        "captcha"),
                Arguments.of("AWS WAF challenge on a 429",
                        response(429, null, "x-amzn-waf-action", "challenge"),
                        "AWS WAF challenge"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walls")
    void recognisesBotWalls(String name, FetchResponse r, String wall) {
        assertThat(BotWall.detect(r)).isEqualTo(wall);
    }

    static Stream<Arguments> notWalls() {
        return Stream.of(
                Arguments.of("plain 403 Forbidden page", response(403, PLAIN_403)),
                Arguments.of("403 without a body (HEAD)", response(403, null)),
                Arguments.of("plain 503 page", response(503, PLAIN_503)),
                Arguments.of("429 without marker", response(429, "Too many requests")),
                Arguments.of("404 mentioning a captcha", response(404, RECAPTCHA_PAGE)),
                // a site using reCAPTCHA v3 says so on every page, its error pages too
                Arguments.of("503 maintenance page with the reCAPTCHA v3 line", response(503,
                        "<html><head><title>503 Service Unavailable</title></head><body>"
                        + "<h1>Down for maintenance</h1><footer>This site is protected by"
                        + " reCAPTCHA and the Google Privacy Policy applies.</footer>"
                        + "<div class=\"grecaptcha-badge\"></div></body></html>")),
                Arguments.of("403 linking to a captcha FAQ", response(403,
                        "<html><title>403 Forbidden</title><body>Forbidden. <a href="
                        + "/help/captcha-faq>Why do I see a CAPTCHA?</a></body></html>")),
                Arguments.of("404 with cf-mitigated", response(404, "", "cf-mitigated", "challenge")),
                Arguments.of("500 with a challenge page", response(500, CLOUDFLARE_PAGE)),
                Arguments.of("200 with challenge text", response(200, CLOUDFLARE_PAGE)),
                Arguments.of("200 page about captchas", response(200,
                        "<title>How to add a captcha</title><div class=\"g-recaptcha\"></div>")),
                Arguments.of("403 with an unrelated AWS WAF action",
                        response(403, "", "x-amzn-waf-action", "block-logged")),
                Arguments.of("cf-mitigated without a challenge",
                        response(403, "", "cf-mitigated", "none")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWalls")
    void ordinaryErrorsAndPagesAreNotWalls(String name, FetchResponse r) {
        assertThat(BotWall.detect(r)).isNull();
    }
}
