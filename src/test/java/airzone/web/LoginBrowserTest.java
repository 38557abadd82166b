package airzone.web;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page's sign-in control in a real (headless) Chromium: signing in and out, errors shown in the
 * form, the session surviving a reload without the cookie being readable by scripts, and — when the
 * service lets nobody read anonymously — the form shown at once and the layers loaded after signing in.
 */
class LoginBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration UI_TIMEOUT = Duration.ofSeconds(10);
    private static final String COOKIE = "airzone_session";

    private static RunningService service;
    private static HeadlessChromium browser;
    private static WebDriver driver;

    @BeforeAll
    static void startServiceAndBrowser() {
        service = RunningService.start(RunningService.Store.H2GIS);
        browser = HeadlessChromium.start();
        browser.recordCspViolations();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) browser.close();
        } finally {
            if (service != null) service.close();
        }
    }

    @Test
    void signInShowsTheUserSurvivesAReloadAndSignsOut() throws IOException {
        openAnonymous(service);
        WebElement signIn = driver.findElement(By.cssSelector("[data-testid=session-open]"));
        assertThat(signIn.getText()).isEqualTo("登录");
        assertThat(panel().isDisplayed()).as("the form before the button is pressed").isFalse();

        // a wrong password: said in the form, nobody signed in, the form stays open
        signIn.click();
        assertThat(panel().isDisplayed()).isTrue();
        assertThat(driver.switchTo().activeElement().getAttribute("name")).as("focus in the form").isEqualTo("name");
        submit(RunningService.ADMIN, "not-the-password");
        WebElement error = waitForError();
        assertThat(error.getText()).isEqualTo("用户名或密码错误");
        screenshot("login-wrong-password.png");
        assertThat(bodyData("session")).isEqualTo("anonymous");
        assertThat(bodyData("user")).isEmpty();
        assertThat(panel().isDisplayed()).as("the form stays open after a failure").isTrue();
        assertThat(driver.findElement(By.name("password")).getAttribute("value")).as("password field cleared").isEmpty();
        assertThat(driver.manage().getCookieNamed(COOKIE)).as("no session cookie").isNull();

        // the right one, sent with Enter: name and role in the header, the form gone
        WebElement name = driver.findElement(By.name("name"));
        name.clear();
        name.sendKeys(RunningService.ADMIN);
        driver.findElement(By.name("password")).sendKeys(RunningService.ADMIN_PASSWORD, Keys.ENTER);
        waitForSignedIn(RunningService.ADMIN);
        assertThat(driver.findElement(By.cssSelector("[data-testid=session-user]")).getText())
                .isEqualTo("admin (管理员)");
        assertThat(driver.findElement(By.cssSelector("[data-testid=session-out]")).getText()).isEqualTo("退出");
        assertThat(panel().isDisplayed()).as("the form after signing in").isFalse();
        assertThat(bodyData("role")).isEqualTo("admin");
        screenshot("login-signed-in.png");

        // the session is an HttpOnly cookie: the browser has it, scripts cannot read it
        Cookie cookie = driver.manage().getCookieNamed(COOKIE);
        assertThat(cookie).as("session cookie set").isNotNull();
        assertThat(cookie.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(String.valueOf(js("return document.cookie"))).doesNotContain(COOKIE);
        // what later editing code gets from session.js, and that api.js carries the CSRF token on writes
        List<?> user = (List<?>) js("return import('./js/session.js').then((s) => [s.currentUser().name, s.currentUser().role])");
        assertThat(List.of(user.get(0), user.get(1))).containsExactly("admin", "admin");
        assertThat(writeStatus()).as("a write passes the CSRF check (then meets the read-only collection)").isEqualTo(405);

        // a reload asks /api/session and is still signed in
        driver.navigate().refresh();
        waitForSignedIn(RunningService.ADMIN);
        assertThat(driver.findElement(By.cssSelector("[data-testid=session-user]")).getText()).contains("admin");
        assertThat(writeStatus()).as("CSRF token restored after the reload").isEqualTo(405);
        waitForMap();
        assertThat(bodyData("error")).as("layers still load when signed in").isEmpty();

        // sign out: anonymous again, here and on the server
        driver.findElement(By.cssSelector("[data-testid=session-out]")).click();
        new WebDriverWait(driver, UI_TIMEOUT).until(d -> "anonymous".equals(bodyData("session")));
        assertThat(driver.findElement(By.cssSelector("[data-testid=session-open]")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector("[data-testid=session-user]"))).isEmpty();
        assertThat(driver.manage().getCookieNamed(COOKIE)).as("cookie cleared").isNull();
        driver.navigate().refresh();
        new WebDriverWait(driver, UI_TIMEOUT).until(d -> "anonymous".equals(bodyData("session")));
        waitForMap();
        screenshot("login-signed-out.png");

        assertThat(severeConsoleMessages()).as("browser console errors").isEmpty();
        assertThat(browser.cspViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void onAPhoneTheControlStaysInTheHeaderAndTheFormOnScreen() throws IOException {
        openAnonymous(service);
        driver.manage().window().setSize(new Dimension(400, 760));
        try {
            waitForMap();
            WebElement header = driver.findElement(By.cssSelector(".app-header"));
            WebElement signIn = driver.findElement(By.cssSelector("[data-testid=session-open]"));
            assertThat(signIn.getRect().getY() + signIn.getRect().getHeight())
                    .as("the button inside the (wrapped) header, not over the map's controls")
                    .isLessThanOrEqualTo(header.getRect().getY() + header.getRect().getHeight());
            signIn.click();
            long viewport = ((Number) js("return document.documentElement.clientWidth")).longValue();
            var form = panel().getRect();
            assertThat(form.getX()).as("form's left edge on screen").isGreaterThanOrEqualTo(0);
            assertThat((long) form.getX() + form.getWidth()).as("form's right edge on screen").isLessThanOrEqualTo(viewport);
            assertThat(form.getY()).as("form under the header").isGreaterThanOrEqualTo(header.getRect().getY() + header.getRect().getHeight());
            screenshot("login-phone.png");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @Test
    void tooManyAttemptsSayHowLongToWait() throws IOException {
        openAnonymous(service);
        driver.findElement(By.cssSelector("[data-testid=session-open]")).click();
        // a name of its own, so the admin is never made to wait by this test. Five failures in a row cost
        // nothing; from then on each attempt waits 1 s, 2 s, 4 s … after the last, so the form soon meets a 429
        for (int attempt = 1; attempt <= 5; attempt++) {
            submit("guesser", "guess-" + attempt);
            waitForError(); // the form hides the error while a new attempt is on its way
            assertThat(error().getText()).contains("用户名或密码错误");
        }
        int attempt = 5;
        while (!error().getText().contains("登录失败次数过多") && attempt < 10) {
            submit("guesser", "guess-" + ++attempt);
            waitForError();
        }
        // the wait comes from Retry-After, in seconds while it is short
        assertThat(error().getText()).contains("登录失败次数过多").containsPattern("请 \\d+ 秒后再试");
        screenshot("login-throttled.png");
        assertThat(bodyData("session")).isEqualTo("anonymous");

        // Escape folds the small form away
        driver.findElement(By.name("password")).sendKeys(Keys.ESCAPE);
        assertThat(panel().isDisplayed()).isFalse();
    }

    @Test
    void withoutPublicReadThePageAsksForALoginAndThenLoadsTheLayers() throws Exception {
        try (RunningService closed = RunningService.start(RunningService.Store.H2GIS, Map.of("AIRZONE_PUBLIC_READ", "false"))) {
            openAnonymous(closed);
            // the form, in the middle of the page, and no layer asked for
            WebElement form = panel();
            assertThat(form.isDisplayed()).as("sign-in form shown without a click").isTrue();
            assertThat(form.getAttribute("class")).contains("session-panel-prominent");
            assertThat(form.getText()).contains("登录", "用户名", "密码");
            assertThat(driver.findElement(By.id("status")).getText()).contains("请先登录");
            assertThat(bodyData("loaded")).as("layers before signing in").isEmpty();
            assertThat(bodyData("error")).as("no layer failed: none was asked for").isEmpty();
            assertThat(driver.switchTo().activeElement().getAttribute("name")).as("focus in the form").isEqualTo("name");
            screenshot("login-required.png");

            submit(RunningService.ADMIN, RunningService.ADMIN_PASSWORD);
            waitForSignedIn(RunningService.ADMIN);
            waitForMap();
            assertThat(bodyData("error")).as("error reported by the page").isEmpty();
            assertThat(bodyData("loaded")).startsWith("districts,provinces,heat-sources");
            assertThat(driver.findElements(By.cssSelector("path.az-district"))).as("districts drawn").hasSizeGreaterThanOrEqualTo(60);
            assertThat(panel().isDisplayed()).isFalse();
            screenshot("login-required-signed-in.png");

            // a reload keeps the session and loads the layers straight away
            driver.navigate().refresh();
            waitForSignedIn(RunningService.ADMIN);
            waitForMap();
            assertThat(bodyData("loaded")).startsWith("districts");
            assertThat(panel().isDisplayed()).isFalse();

            // signing out takes the layers off the screen and asks for a login again
            driver.findElement(By.cssSelector("[data-testid=session-out]")).click();
            new WebDriverWait(driver, UI_TIMEOUT).until(d -> "anonymous".equals(bodyData("session")) && panel().isDisplayed());
            assertThat(bodyData("loaded")).isEmpty();
            assertThat(driver.findElements(By.cssSelector("path.az-district"))).isEmpty();

            assertThat(severeConsoleMessages()).as("browser console errors").isEmpty();
        }
    }

    /** Opens the page of `target` with no session cookie and waits until the page knows it is anonymous. */
    private void openAnonymous(RunningService target) {
        driver.get(target.baseUrl() + "/");
        driver.manage().deleteAllCookies(); // cookies are per host, not per port: other services' too
        driver.navigate().refresh();
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> !bodyData("session").isEmpty());
        assertThat(bodyData("session")).isEqualTo("anonymous");
        driver.manage().logs().get(LogType.BROWSER); // start the console log afresh
    }

    private void submit(String name, String password) {
        WebElement nameField = driver.findElement(By.name("name"));
        nameField.clear();
        nameField.sendKeys(name);
        WebElement passwordField = driver.findElement(By.name("password"));
        passwordField.clear();
        passwordField.sendKeys(password);
        driver.findElement(By.cssSelector(".session-submit")).click();
    }

    private WebElement panel() {
        return driver.findElement(By.cssSelector("[data-testid=session-panel]"));
    }

    /**
     * The status of a write through the page's api.js: a cookie-borne write without the session's CSRF token
     * is refused with 403 before any route runs; with it, deleting from the read-only districts meets 405.
     */
    private long writeStatus() {
        return (Long) js("return import('./js/api.js').then((a) => a.remove('ogc/collections/districts/items/x')"
                + ".then((r) => r.status, (e) => e.status))");
    }

    private WebElement error() {
        return driver.findElement(By.cssSelector("[data-testid=session-error]"));
    }

    /** Waits for the answer to the attempt just sent: the form empties the password field when it fails. */
    private WebElement waitForError() {
        new WebDriverWait(driver, UI_TIMEOUT).until(d -> error().isDisplayed()
                && driver.findElement(By.name("password")).getAttribute("value").isEmpty());
        return error();
    }

    private void waitForSignedIn(String name) {
        new WebDriverWait(driver, UI_TIMEOUT).until(d -> name.equals(bodyData("user")));
    }

    private void waitForMap() throws IOException {
        try {
            new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> "true".equals(bodyData("complete")) || !bodyData("error").isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("login-map-timeout.png");
            fail("the map did not finish loading; status line: '" + driver.findElement(By.id("status")).getText() + "'", e);
        }
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String bodyData(String name) {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.dataset[arguments[0]] || ''", name));
    }

    /** Console errors, except the 401 Chromium logs for the wrong password the test sends on purpose. */
    private List<String> severeConsoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() < Level.SEVERE.intValue()) continue;
            if (entry.getMessage().contains("/api/login") && entry.getMessage().matches(".*\\b(401|429)\\b.*")) continue;
            // writeStatus()'s probe, refused as it should be
            if (entry.getMessage().contains("/ogc/collections/districts/items/x") && entry.getMessage().contains("405")) continue;
            messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
