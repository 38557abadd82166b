package airzone.web;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.fail;

/** Debian's Chromium under Debian's ChromeDriver, headless, with a throw-away profile and the browser console recorded. */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Selenium warns on every start that it has no DevTools (CDP) binding for this Chromium version;
     * the tests use WebDriver and ChromeDriver's own CDP command (which needs no binding), so that
     * warning is noise. Held in a field: java.util.logging
     * keeps loggers weakly, and a collected logger would forget its level.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    /**
     * Browsers a test has handed back ({@link #release}), for the next one to {@link #borrow}: a Chromium
     * takes seconds to start, a reset a few milliseconds. Quit when the test JVM ends.
     */
    private static final java.util.Deque<HeadlessChromium> IDLE = new java.util.concurrent.ConcurrentLinkedDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (HeadlessChromium browser; (browser = IDLE.poll()) != null; ) browser.quit();
        }));
    }

    private final WebDriver driver;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails (never skips) when Chromium or ChromeDriver is missing. */
    static HeadlessChromium start() {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                fail(tool + " is missing: the browser test needs Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver, or run scripts/test which installs them)");
            }
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        Path profile;
        try {
            profile = Files.createTempDirectory("airzone-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pinning the driver binary keeps Selenium Manager out (it would try to download one)
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN",
                // every host but this machine's own fails to resolve: the page must work with no outside host
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver driver = new ChromeDriver(driverService, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        HeadlessChromium browser = new HeadlessChromium(driver, profile);
        // what the page offers as a download lands in the profile, without a dialog, for the test to read
        try {
            Files.createDirectories(browser.downloads());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.cdp("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", browser.downloads().toString()));
        return browser;
    }

    /**
     * A browser as {@link #start} gives one, reused when an earlier test handed one back: no page, no
     * cookies, storage or cache, no downloads, the first window size. For pages that add nothing to the
     * browser itself (no {@link #runOnEveryNewPage}, network emulation or cache setting: {@link #release} undoes none of those).
     */
    static HeadlessChromium borrow() {
        HeadlessChromium idle = IDLE.poll();
        return idle != null ? idle : start();
    }

    /**
     * Back to the pool for the next {@link #borrow}, reset to the state of a fresh profile; a browser that
     * cannot be reset (a dialog open, a crashed tab) is quit instead.
     */
    void release() {
        try {
            java.util.List<String> handles = new java.util.ArrayList<>(driver.getWindowHandles());
            for (String extra : handles.subList(1, handles.size())) driver.switchTo().window(extra).close();
            driver.switchTo().window(handles.get(0));
            String url = driver.getCurrentUrl();
            if (url.startsWith("http")) {
                java.net.URI at = java.net.URI.create(url);
                cdp("Storage.clearDataForOrigin", Map.of("origin", at.getScheme() + "://" + at.getAuthority(), "storageTypes", "all"));
            }
            driver.get("about:blank");
            cdp("Network.clearBrowserCookies", Map.of());
            cdp("Network.clearBrowserCache", Map.of());
            driver.manage().window().setSize(new Dimension(1280, 900));
            driver.manage().logs().get(LogType.BROWSER);   // reading the console empties it
            try (var files = Files.list(downloads())) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            IDLE.push(this);
        } catch (RuntimeException | IOException e) {
            quit();
        }
    }

    private void quit() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // the profile directory stays behind in /tmp: nothing a later test depends on
        }
    }

    /** Where the browser saves downloads (inside the throw-away profile). */
    Path downloads() {
        return profile.resolve("downloads");
    }

    /** The file named {@code name} once the browser has finished saving it (at most {@code timeout}). */
    Path downloaded(String name, java.time.Duration timeout) throws InterruptedException {
        Path file = downloads().resolve(name);
        Path partial = downloads().resolve(name + ".crdownload");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.isRegularFile(file) || Files.exists(partial)) {
            if (System.nanoTime() > deadline) fail("no download " + name + " in " + downloads() + " after " + timeout);
            Thread.sleep(100);
        }
        return file;
    }

    WebDriver driver() {
        return driver;
    }

    /**
     * From the next page on, every page runs {@code script} before any script of its own, from its
     * first byte on (installed through ChromeDriver's CDP command).
     */
    void runOnEveryNewPage(String script) {
        cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    /** From the next page on, every page records the Content-Security-Policy violations it meets; {@link #cspViolations} reads them. */
    void recordCspViolations() {
        runOnEveryNewPage("""
                window.airzoneCspViolations = [];
                document.addEventListener('securitypolicyviolation', (e) => window.airzoneCspViolations.push(
                    `${e.effectiveDirective} refused ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
                """);
    }

    /**
     * Chromium's network emulation from now on: {@code latencyMs} added to every request and both
     * directions limited to {@code bytesPerSecond}; {@code (0, 0)} for the plain loopback again.
     */
    void emulateNetwork(int latencyMs, long bytesPerSecond) {
        long throughput = bytesPerSecond == 0 ? -1 : bytesPerSecond;
        cdp("Network.enable", Map.of());
        cdp("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latencyMs,
                "downloadThroughput", throughput, "uploadThroughput", throughput));
    }

    /** Off: every page loads as on a first visit, nothing from the browser's HTTP cache. */
    void useHttpCache(boolean use) {
        cdp("Network.enable", Map.of());
        cdp("Network.setCacheDisabled", Map.of("cacheDisabled", !use));
    }

    private void cdp(String command, Map<String, Object> parameters) {
        ((ChromeDriver) driver).executeCdpCommand(command, parameters);
    }

    /** The violations the current page has met since it started loading (see {@link #recordCspViolations}). */
    List<String> cspViolations() {
        Object found = ((JavascriptExecutor) driver).executeScript("return window.airzoneCspViolations ?? null");
        if (found == null) fail("no CSP recorder on this page: call recordCspViolations() before loading it");
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var paths = Files.walk(profile)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
