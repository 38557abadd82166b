package airzone.http;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of response carries the security headers: the page and its files, the OGC API, API
 * answers and errors, /health, the printable report (with a policy of its own), and what Jetty
 * refuses before any route runs.
 */
class SecurityHeadersTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(RunningService.Store.H2GIS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void everyKindOfResponseCarriesThem() throws Exception {
        Map<String, HttpResponse<String>> responses = new LinkedHashMap<>();
        responses.put("page", service.get("/"));
        String pagePolicy = "default-src 'self'; script-src 'self' 'sha256-" + importMapHash(responses.get("page").body())
                + "'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        responses.put("script", service.get("/js/main.js"));
        responses.put("stylesheet", service.get("/css/app.css"));
        responses.put("webjar", service.get("/webjars/leaflet/1.9.4/dist/leaflet.js"));
        responses.put("missing file", service.get("/no-such-file.png"));
        responses.put("ogc landing", service.get("/ogc"));
        responses.put("ogc items", service.get("/ogc/collections/districts/items?limit=1", "Accept-Encoding", "gzip"));
        responses.put("ogc 404", service.get("/ogc/collections/nope"));
        responses.put("api json", service.get("/api/rules"));
        responses.put("api 400", service.get("/api/screen?lon=x"));
        responses.put("api 401", service.get("/api/session", "Authorization", "Bearer nonsense"));
        responses.put("api 403", service.get("/api/users"));
        responses.put("api 405", service.send("DELETE", "/ogc/collections/districts/items/x", null,
                "Authorization", RunningService.adminAuth()));
        responses.put("health", service.get("/health"));
        responses.put("export", service.get("/api/export/provinces?format=geojson"));
        responses.forEach((kind, r) -> {
            assertThat(r.statusCode()).as(kind).isPositive();
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(kind + ": CSP").hasValue(pagePolicy);
            assertCommon(kind, r.headers().firstValue("X-Content-Type-Options").orElse(null),
                    r.headers().firstValue("Referrer-Policy").orElse(null), r.headers().firstValue("X-Frame-Options").orElse(null));
        });
        assertThat(responses.get("api 401").statusCode()).isEqualTo(401);
        assertThat(responses.get("api 405").statusCode()).isEqualTo(405);
        assertThat(responses.get("missing file").statusCode()).isEqualTo(404);
        assertThat(responses.get("ogc 404").statusCode()).isEqualTo(404);
    }

    /** The one inline script the page may run is its import map, allowed by the hash of its text. */
    private static String importMapHash(String page) throws Exception {
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(map.find()).as("the page has an import map").isTrue();
        return sha256(map.group(1));
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theReportAllowsOnlyItsOwnStylesheet() throws Exception {
        for (String lang : List.of("zh", "en")) {
            HttpResponse<String> report = service.get("/api/screen/report?lon=118.95&lat=42.27&fuel=coal&lang=" + lang);
            assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
            String policy = report.headers().firstValue("Content-Security-Policy").orElseThrow();
            Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(report.body());
            assertThat(style.find()).isTrue();
            String hash = sha256(style.group(1));
            assertThat(policy).isEqualTo("default-src 'none'; style-src 'sha256-" + hash + "'; base-uri 'none'; "
                    + "form-action 'none'; frame-ancestors 'none'");
            assertThat(style.find()).as("one stylesheet").isFalse();
            assertThat(report.body()).as("nothing the policy would refuse").doesNotContain("<script", " style=\"", "<img", "<link");
            assertCommon("report " + lang, report.headers().firstValue("X-Content-Type-Options").orElse(null),
                    report.headers().firstValue("Referrer-Policy").orElse(null), report.headers().firstValue("X-Frame-Options").orElse(null));
        }
    }

    @Test
    void whatJettyRefusesBeforeAnyRouteCarriesThemToo() throws IOException {
        // a header name that is no HTTP token: Jetty's parser answers 400 itself
        RawHttp.Response refused = RawHttp.send(service.app().port(), "GET", "/health", List.of("Bad(Header", "x"), null, 0,
                RawHttp.Framing.CONTENT_LENGTH, Duration.ofSeconds(30));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("refused before it reached the service");
        assertThat(refused.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertCommon("jetty 400", refused.header("X-Content-Type-Options"), refused.header("Referrer-Policy"),
                refused.header("X-Frame-Options"));
    }

    private static void assertCommon(String kind, String contentTypeOptions, String referrerPolicy, String frameOptions) {
        assertThat(contentTypeOptions).as(kind + ": X-Content-Type-Options").isEqualTo("nosniff");
        assertThat(referrerPolicy).as(kind + ": Referrer-Policy").isEqualTo("strict-origin-when-cross-origin");
        assertThat(frameOptions).as(kind + ": X-Frame-Options").isEqualTo("DENY");
    }
}
