package airzone.web;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One planner's page in a headless Chromium, driven as a person drives it: clicks at the pixels of
 * map coordinates, typing into the workbench's form, pressing its buttons. The map's own
 * latLngToContainerPoint (window.airzoneMap) turns coordinates into pixels; everything else goes
 * through the page's controls.
 */
final class WorkbenchPage implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final Duration UI = Duration.ofSeconds(15);

    private final HeadlessChromium browser;
    private final WebDriver driver;
    private final String baseUrl;

    private WorkbenchPage(HeadlessChromium browser, String baseUrl) {
        this.browser = browser;
        this.driver = browser.driver();
        this.baseUrl = baseUrl;
    }

    /**
     * A browser (a fresh one or one an earlier test handed back) on the page, signed in as {@code name}:
     * the service's login API gives the session cookie the page's own sign-in would, the browser gets
     * it on a small same-origin document (/health), and the page loads once, signed in.
     */
    static WorkbenchPage signedIn(String baseUrl, String name, String password) {
        WorkbenchPage page = new WorkbenchPage(HeadlessChromium.borrow(), baseUrl);
        String session = sessionCookie(baseUrl, name, password);
        page.driver.get(baseUrl + "/health");
        int eq = session.indexOf('=');
        page.driver.manage().addCookie(new org.openqa.selenium.Cookie.Builder(session.substring(0, eq), session.substring(eq + 1))
                .path("/").isHttpOnly(true).sameSite("Strict").build());
        page.reload();
        return page;
    }

    /** name=value of the session cookie POST /api/login sets. */
    private static String sessionCookie(String baseUrl, String name, String password) {
        try {
            String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("name", name, "password", password));
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/api/login"))
                            .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) fail("login of " + name + " answered " + r.statusCode() + ": " + r.body());
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("the login set no cookie"));
            return cookie.split(";", 2)[0].trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Loads the page again and waits until every layer is drawn and the change stream is on. */
    void reload() {
        driver.get(baseUrl + "/");
        waitFor("the layers and the change stream", d -> "true".equals(body("complete")) && "on".equals(body("live")), LOAD);
        if (!body("error").isEmpty()) fail("the page failed: " + body("error"));
    }

    WebDriver driver() {
        return driver;
    }

    /** The browser itself, for what lies outside the page (its downloads). */
    HeadlessChromium browser() {
        return browser;
    }

    String body(String name) {
        Object value = js("return document.body.dataset[arguments[0]] ?? ''", name);
        return String.valueOf(value);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitFor(String what, Function<WebDriver, T> condition) {
        return waitFor(what, condition, UI);
    }

    /** Fails with what the page logged and the workbench said, so that a timeout explains itself. */
    <T> T waitFor(String what, Function<WebDriver, T> condition, Duration timeout) {
        try {
            // the editor re-renders its form (a restore, a reload): an element read mid-way is read again
            return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timed-out-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".png");
            String said = all("[data-testid=editor-message], [data-testid=workbench-message]").stream()
                    .map(WebElement::getText).filter(t -> !t.isBlank()).toList().toString();
            return fail("timed out waiting for " + what + "; the workbench says " + said + ", data-error '" + body("error")
                    + "', the console " + consoleErrors());
        }
    }

    WebElement testid(String id) {
        return driver.findElement(By.cssSelector("[data-testid='" + id + "']"));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void press(String testid) {
        waitFor("button " + testid, d -> testid(testid).isDisplayed() && testid(testid).isEnabled());
        testid(testid).click();
    }

    /** Centres the map on (lon, lat) at {@code zoom}, clear of the workbench panel on the left. */
    void view(double lon, double lat, double zoom) {
        js("airzoneMap.setView([arguments[1], arguments[0]], arguments[2], {animate: false});"
                + "const panel = document.querySelector('.workbench').getBoundingClientRect().width;"
                + "airzoneMap.panBy([-panel / 2, 0], {animate: false});", lon, lat, zoom);
    }

    /** The pixel of (lon, lat) in the map's container. */
    double[] pixel(double lon, double lat) {
        List<?> p = (List<?>) js("const p = airzoneMap.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];", lon, lat);
        return new double[] {((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()};
    }

    /** The mouse to (x, y) px of the map's container, without clicking. */
    void hover(double x, double y) {
        WebElement map = testid("map");
        new Actions(driver).moveToElement(map, offset(x, map.getSize().width), offset(y, map.getSize().height)).perform();
    }

    void clickAt(double x, double y) {
        hover(x, y);
        new Actions(driver).click().perform();
    }

    void clickAt(double lon, double lat, double dx, double dy) {
        double[] p = pixel(lon, lat);
        clickAt(p[0] + dx, p[1] + dy);
    }

    /** Selenium moves relative to the element's centre. */
    private static int offset(double pixel, int size) {
        return (int) Math.round(pixel - size / 2.0);
    }

    void chooseLayer(String collection) {
        new Select(testid("draw-layer")).selectByValue(collection);
    }

    /** Types into a form field (clearing it first) or picks an option of a select. */
    void fill(String property, String value) {
        WebElement field = waitFor("field " + property, d -> testid("field-" + property));
        if ("date".equals(field.getAttribute("type"))) {
            // typing into a date input follows the browser locale's field order; a planner uses its picker
            js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, value);
        } else if ("select".equals(field.getTagName())) {
            new Select(field).selectByValue(value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
    }

    String field(String property) {
        return testid("field-" + property).getAttribute("value");
    }

    /** Presses save and waits until the editor has closed; returns "collection/id/version" of the save. */
    String saveAndWait() {
        String before = body("saved");
        press("editor-save");
        waitFor("the save", d -> !body("saved").equals(before) || "conflict".equals(body("editor"))
                || !"saving".equals(body("editor")) && !message().isEmpty());
        if (body("saved").equals(before)) fail("not saved: " + message());
        return body("saved");
    }

    /** What the editor's message line says; empty when there is no editor. */
    String message() {
        return all("[data-testid=editor-message]").stream().map(WebElement::getText).findFirst().orElse("");
    }

    /** Opens the editor of a feature on the map through its popup's edit button. */
    void openEditor(String collection, String id, double lon, double lat) {
        clickAt(lon, lat, 0, 0);
        By edit = By.cssSelector(".leaflet-popup [data-edit-collection='" + collection + "'][data-edit-id='" + id + "']");
        waitFor("the edit button of " + id, d -> !d.findElements(edit).isEmpty());
        driver.findElement(edit).click();
        waitFor("the editor", d -> "editing".equals(body("editor")));
    }

    /** The properties of the feature {@code id} as the page's layer for {@code collection} holds it, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> onMap(String collection, String id) {
        return (Map<String, Object>) js("""
                let found = null;
                airzoneMap.eachLayer((l) => {
                  const p = l.feature?.properties;
                  if (p && p['@collection'] === arguments[0] && String(l.feature.id) === arguments[1] && l.getElement?.()) found = p;
                });
                return found;""", collection, id);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Errors the page logged (console.error, uncaught exceptions). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString)
                // the stream's reconnects, and 4xx answers the test provokes, are logged by Chromium itself
                .filter(s -> !s.contains("Failed to load resource"))
                .toList();
    }

    /** Hands the browser back for the next page (HeadlessChromium#release resets it). */
    @Override
    public void close() {
        browser.release();
    }
}
