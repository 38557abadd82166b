package airzone.web;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end: the web map in a real (headless) Chromium against the whole service. Uses the
 * Debian chromium and chromedriver by path so Selenium Manager never tries to download a browser;
 * their absence is a failure, not a skip (scripts/test installs them).
 */
class MapPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Selenium warns on every start that it has no DevTools (CDP) binding for this Chromium version;
     * the test uses WebDriver only, so that warning is noise. Held in fields: java.util.logging
     * keeps loggers weakly, and a collected logger would forget its level.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

    private static RunningService service;
    private static Path profile;
    private static WebDriver driver;

    @BeforeAll
    static void startServiceAndBrowser() throws IOException {
        for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(tool)) {
                fail(tool + " is missing: the browser test needs Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver, or run scripts/test which installs them)");
            }
        }
        QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
        service = RunningService.start(RunningService.Store.H2GIS);
        profile = Files.createTempDirectory("airzone-chromium");

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
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(driverService, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (driver != null) driver.quit();
        } finally {
            if (service != null) service.close();
            if (profile != null) deleteTree(profile);
        }
    }

    @Test
    void mapShowsTheBaseLayersWithLabelsAndNoConsoleErrors() throws IOException {
        driver.get(service.baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(driver, LOAD_TIMEOUT);
        try {
            wait.until(d -> bodyData("loaded").contains("heat-sources") || !bodyData("error").isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("map-timeout.png");
            fail("the map did not finish loading within " + LOAD_TIMEOUT.toSeconds() + " s; status line: '"
                    + driver.findElement(By.id("status")).getText() + "'; console: " + consoleMessages(Level.ALL), e);
        }
        screenshot("map.png");

        assertThat(bodyData("error")).as("error reported by the page").isEmpty();
        assertThat(bodyData("loaded")).isEqualTo("districts,provinces,heat-sources");
        assertThat(driver.getTitle()).contains("大气空间管控");
        assertThat(driver.findElement(By.cssSelector(".app-title")).getText()).contains("airzone", "大气空间管控");

        long districtsServed = numberMatched("districts");
        assertThat(districtsServed).as("districts in the store").isGreaterThanOrEqualTo(60);
        List<WebElement> districtPaths = driver.findElements(By.cssSelector(".leaflet-overlay-pane svg path.az-district"));
        assertThat(districtPaths).as("district polygons drawn").hasSizeGreaterThanOrEqualTo(60);
        assertThat((long) districtPaths.size()).isEqualTo(districtsServed);
        assertThat(bodyData("districtCount")).isEqualTo(String.valueOf(districtsServed));
        assertThat(driver.findElements(By.cssSelector("path.az-district-key")))
                .as("key areas 元宝山区 and 宁城县 drawn distinctly").hasSize(2);
        assertThat(driver.findElements(By.cssSelector("path.az-district-seed"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("path.az-province"))).as("province outlines").isNotEmpty();

        long heatServed = numberMatched("heat-sources");
        assertThat(driver.findElements(By.cssSelector("path.az-heat-source")))
                .as("heat-source markers").isNotEmpty().hasSize((int) heatServed);

        WebElement layerSwitcher = driver.findElement(By.cssSelector(".leaflet-control-layers"));
        assertThat(layerSwitcher.getText()).contains("区县", "省界", "热源");
        assertThat(driver.findElement(By.cssSelector("[data-testid=legend]")).isDisplayed()).isTrue();

        // the overview names cities; district names appear once the map is zoomed to a city
        assertThat(visibleLabels()).as("city labels in the overview").contains("秦皇岛市", "赤峰市");
        flyTo("秦皇岛市");
        screenshot("map-qinhuangdao.png");
        assertThat(visibleLabels()).as("district labels over Qinhuangdao").contains("海港区", "北戴河区");
        flyTo("赤峰市");
        screenshot("map-chifeng.png");
        // key areas are labelled whatever else has to give way
        assertThat(visibleLabels()).as("district labels over Chifeng").contains("元宝山区", "宁城县")
                .hasSizeGreaterThan(10);

        // a click on a district opens its popup with its attributes. Clicked where its label is:
        // labels let the mouse through, and a label sits inside its polygon (a path's bounding-box
        // centre need not), away from the plant markers of that district, hopefully
        WebElement label = driver.findElement(By.cssSelector(".az-label span[data-label='宁城县']"));
        new Actions(driver).moveToElement(label).click().perform();
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.getText()).contains("宁城县", "赤峰市", "内蒙古自治区", "150429", "重点区域");

        List<String> errors = consoleMessages(Level.SEVERE);
        assertThat(errors).as("browser console errors").isEmpty();
    }

    private void flyTo(String city) {
        driver.findElement(By.cssSelector("#city-nav button[data-city='" + city + "']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> city.equals(bodyData("view")));
    }

    private List<String> visibleLabels() {
        List<String> texts = new ArrayList<>();
        for (WebElement label : driver.findElements(By.cssSelector(".az-label span"))) {
            if (label.isDisplayed()) texts.add(label.getText());
        }
        return texts;
    }

    private String bodyData(String name) {
        Object value = ((JavascriptExecutor) driver).executeScript("return document.body.dataset[arguments[0]] || ''", name);
        return String.valueOf(value);
    }

    private long numberMatched(String collection) {
        String body = service.get("/ogc/collections/" + collection + "/items?limit=1").body();
        var matcher = java.util.regex.Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(matcher.find()).as("numberMatched in " + collection + " items").isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private List<String> consoleMessages(Level atLeast) {
        List<String> messages = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= atLeast.intValue()) messages.add(entry.getLevel() + " " + entry.getMessage());
        }
        return messages;
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
