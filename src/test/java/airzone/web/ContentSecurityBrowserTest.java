package airzone.web;

import airzone.RunningService;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy in a real Chromium: with an online base map configured, its tiles
 * (from a tile server of the test's own, on another origin) load and nothing else from outside
 * does; the printable report renders with its inline stylesheet; neither page meets a violation.
 */
class ContentSecurityBrowserTest {

    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private static HttpServer tiles;
    private static final Queue<String> tileRequests = new ConcurrentLinkedQueue<>();
    private static RunningService service;
    private static HeadlessChromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void start() throws IOException {
        byte[] png = tilePng();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/", exchange -> {
            tileRequests.add(exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        tiles.start();
        // the page is served from localhost:<port>, the tiles from 127.0.0.1:<other port>: another origin
        service = RunningService.start(RunningService.Store.H2GIS, Map.of(
                "AIRZONE_TILE_URL", "http://127.0.0.1:" + tiles.getAddress().getPort() + "/{z}/{x}/{y}.png"));
        browser = HeadlessChromium.start();
        browser.recordCspViolations();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            try {
                if (service != null) service.close();
            } finally {
                if (tiles != null) tiles.stop(0);
            }
        }
    }

    @Test
    void theConfiguredTileServerIsTheOnlyOutsideOriginThePageMayLoadFrom() {
        String origin = "http://127.0.0.1:" + tiles.getAddress().getPort();
        assertThat(service.get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: " + origin + ";");

        driver.get(service.baseUrl() + "/");
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> "true".equals(bodyData("complete")) || !bodyData("error").isEmpty());
        assertThat(bodyData("error")).as("error reported by the page").isEmpty();
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> !d.findElements(By.cssSelector("img.leaflet-tile-loaded")).isEmpty());
        assertThat(tileRequests).as("tiles asked for").isNotEmpty().allMatch(p -> p.matches("/\\d+/\\d+/\\d+\\.png"));
        assertThat(browser.cspViolations()).as("violations with the tiles on").isEmpty();

        // an image from any other origin — here the same tile server under another address — is refused
        String elsewhere = "http://127.0.0.2:" + tiles.getAddress().getPort() + "/elsewhere.png";
        js("const img = new Image(); img.src = arguments[0]; document.body.append(img);", elsewhere);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !browser.cspViolations().isEmpty());
        assertThat(browser.cspViolations()).singleElement().asString().startsWith("img-src refused " + elsewhere);
        assertThat(tileRequests).as("nothing fetched from the refused origin").noneMatch(p -> p.contains("elsewhere"));
    }

    @Test
    void theReportRendersWithItsInlineStylesheetAndNoViolation() {
        driver.get(service.baseUrl() + "/api/screen/report?lon=118.95&lat=42.27&fuel=coal&lang=en");
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> !d.findElements(By.cssSelector("main.sheet")).isEmpty());
        assertThat(browser.cspViolations()).as("violations in the report").isEmpty();
        // the stylesheet applied: the sheet is A4-wide and white on the grey desk
        assertThat(js("return getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(217, 221, 226)");
        assertThat(js("return getComputedStyle(document.querySelector('main.sheet')).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        assertThat(driver.findElements(By.cssSelector("svg"))).as("the map excerpt").isNotEmpty();
    }

    private static byte[] tilePng() throws IOException {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 256; x++) for (int y = 0; y < 256; y++) image.setRGB(x, y, 0xe8eef2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static String bodyData(String name) {
        return String.valueOf(js("return document.body.dataset[arguments[0]] || ''", name));
    }
}
