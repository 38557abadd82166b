package airzone.web;

import airzone.RunningService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * End to end: the web map in a real (headless) Chromium against the whole service. Uses the
 * Debian chromium and chromedriver by path so Selenium Manager never tries to download a browser;
 * their absence is a failure, not a skip (scripts/test installs them).
 */
class MapPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BASE = List.of("districts", "provinces", "heat-sources");
    private static final List<String> OVERLAYS = List.of("ban-zones", "built-up-areas", "industrial-parks",
            "control-zones", "heating-radii", "border-buffers", "border-lines");
    private static final Set<String> SHOWN_BY_DEFAULT = Set.of("ban-zones", "heating-radii", "border-buffers");

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
    void mapShowsTheBaseLayersWithLabelsAndNoConsoleErrors() throws IOException {
        loadPage();
        screenshot("map.png");

        assertThat(bodyData("error")).as("error reported by the page").isEmpty();
        // the base map is drawn first, whatever order the overlays arrive in
        assertThat(bodyData("loaded")).startsWith("districts,provinces,heat-sources");
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
        assertThat(browser.cspViolations()).as("Content-Security-Policy violations").isEmpty();
        assertThat(service.get("/").headers().firstValue("Content-Security-Policy")).as("the page has a policy")
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self'"));
    }

    @Test
    void theOpeningViewDrawsSimplifiedOutlinesAndACityTheFinerOnes() throws IOException {
        loadPage();
        assertThat(bodyData("districtSimplify")).as("level of the opening view (half a pixel is 2 km)").isEqualTo("1600");
        assertThat(requested("districts")).singleElement().asString().endsWith("&simplify=1600");
        assertThat(requested("provinces")).singleElement().asString().endsWith("&simplify=1600");

        flyTo("秦皇岛市");
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> Integer.parseInt(bodyData("districtSimplify")) < 1600);
        String level = bodyData("districtSimplify");
        assertThat(Integer.parseInt(level)).as("half a pixel over a city").isLessThanOrEqualTo(200);
        assertThat(requested("districts")).hasSize(2).last().asString()
                .endsWith(level.equals("0") ? "items?limit=10000" : "&simplify=" + level);
        screenshot("map-qinhuangdao-finer.png");

        // the finer outlines went into the same paths: a click still opens the district's popup
        WebElement label = driver.findElement(By.cssSelector(".az-label span[data-label='昌黎县']"));
        new Actions(driver).moveToElement(label).click().perform();
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.getText()).contains("昌黎县", "秦皇岛市", "130322");
        assertThat(consoleMessages(Level.WARNING)).as("browser console warnings and errors").isEmpty();
    }

    @Test
    void planningOverlaysAreDrawnInClassColoursWithCitedPopups() throws IOException {
        loadPage();
        assertThat(bodyData("error")).as("error reported by the page").isEmpty();
        List<String> expected = new ArrayList<>(BASE);
        expected.addAll(OVERLAYS);
        assertThat(List.of(bodyData("loaded").split(","))).as("collections on the map")
                .startsWith(BASE.toArray(String[]::new))
                .containsExactlyInAnyOrderElementsOf(expected);

        // every overlay is in the switcher; ban zones, radii and buffers are on, the rest off
        WebElement layerSwitcher = driver.findElement(By.cssSelector(".leaflet-control-layers"));
        assertThat(layerSwitcher.getText()).contains("禁燃区", "建成区", "工业园区", "其他管控区", "供热半径", "省界缓冲区", "省际边界");
        for (String id : OVERLAYS) {
            assertThat(overlayCheckbox(id).isSelected()).as(id + " shown by default").isEqualTo(SHOWN_BY_DEFAULT.contains(id));
        }

        // ban zones: filled by class, III darkest red, II orange, I yellow; derived ones hatched and dashed
        List<WebElement> banPaths = driver.findElements(By.cssSelector(".leaflet-pane svg path.az-ban-zone"));
        assertThat(banPaths).as("ban-zone polygons drawn").hasSizeGreaterThanOrEqualTo(5)
                .hasSize((int) numberMatched("ban-zones"));
        Map<String, Set<String>> fillsByClass = new TreeMap<>();
        for (WebElement path : banPaths) {
            String classes = path.getAttribute("class");
            String banClass = classes.contains("az-ban-III") ? "III" : classes.contains("az-ban-II") ? "II" : "I";
            if (classes.contains("az-ban-derived")) {
                assertThat(path.getAttribute("fill")).as("derived ban zone hatched").isEqualTo("url(#az-hatch-ban-" + banClass + ")");
                assertThat(path.getAttribute("stroke-dasharray")).as("derived ban zone outline dashed").isNotBlank();
            } else {
                fillsByClass.computeIfAbsent(banClass, k -> new TreeSet<>()).add(path.getAttribute("fill"));
            }
        }
        assertThat(fillsByClass).as("drawn ban-zone fills by class").containsOnlyKeys("I", "II", "III");
        fillsByClass.values().forEach(fills -> assertThat(fills).as("one fill per class").hasSize(1));
        int[] classIII = rgb(fillsByClass.get("III").iterator().next());
        int[] classII = rgb(fillsByClass.get("II").iterator().next());
        int[] classI = rgb(fillsByClass.get("I").iterator().next());
        assertThat(luminance(classIII)).as("class III darker than II").isLessThan(luminance(classII));
        assertThat(luminance(classII)).as("class II darker than I").isLessThan(luminance(classI));
        assertThat(classIII[0]).as("class III is red").isGreaterThan(2 * Math.max(classIII[1], classIII[2]));
        assertThat(classII[0] > classII[1] && classII[1] > classII[2]).as("class II is orange").isTrue();
        assertThat(classI[0] > 200 && classI[1] > 180 && classI[2] < 120).as("class I is yellow").isTrue();
        assertThat(driver.findElements(By.cssSelector("#az-patterns pattern"))).as("hatch patterns in the page").isNotEmpty();

        // derived layers: one dashed circle per qualifying plant, one band piece per side of a border
        List<WebElement> radii = driver.findElements(By.cssSelector("path.az-heating-radius"));
        assertThat(radii).as("heating radii drawn").isNotEmpty().hasSize((int) numberMatched("heating-radii"));
        assertThat(radii.get(0).getAttribute("stroke-dasharray")).as("heating radius outline dashed").isNotBlank();
        assertThat(driver.findElements(By.cssSelector("path.az-border-buffer")))
                .as("border-buffer pieces drawn").hasSize((int) numberMatched("border-buffers"));
        assertThat(driver.findElements(By.cssSelector("path.az-built-up, path.az-industrial-park, path.az-control-zone, path.az-border-line")))
                .as("overlays that are off by default draw nothing").isEmpty();

        // draw order: districts < ban zones < buffers < radii < heat-source markers (clickable on top)
        List<Integer> stack = new ArrayList<>();
        for (String selector : List.of("path.az-district", "path.az-ban-zone", "path.az-border-buffer",
                "path.az-heating-radius", "path.az-heat-source")) {
            Object z = ((JavascriptExecutor) driver).executeScript(
                    "return getComputedStyle(document.querySelector(arguments[0]).closest('.leaflet-pane')).zIndex", selector);
            stack.add(Integer.parseInt(String.valueOf(z)));
        }
        assertThat(stack).as("pane z-index, bottom to top").isSorted().doesNotHaveDuplicates();

        // the legend explains what is on: switching a layer on shows its legend row
        WebElement builtUpRow = driver.findElement(By.cssSelector("[data-testid=legend] [data-legend='built-up-areas']"));
        assertThat(builtUpRow.isDisplayed()).as("legend row of a layer that is off").isFalse();
        overlayCheckbox("built-up-areas").click();
        assertThat(driver.findElements(By.cssSelector("path.az-built-up"))).hasSize((int) numberMatched("built-up-areas"));
        assertThat(builtUpRow.isDisplayed()).as("legend row once the layer is on").isTrue();
        overlayCheckbox("built-up-areas").click();
        assertThat(driver.findElements(By.cssSelector("path.az-built-up"))).isEmpty();

        // Qinhuangdao: its border with Liaoning carries the consultation band
        flyTo("秦皇岛市");
        screenshot("map-zones.png");

        // a click on a drawn ban zone names its class and cites its plan, even where a heating
        // radius and the border band lie over it
        JsonNode zone = null;
        for (JsonNode f : json("/ogc/collections/ban-zones/items?limit=10000").path("features")) {
            JsonNode p = f.path("properties");
            if ("秦皇岛市".equals(p.path("city").asText()) && !p.has("source")) zone = f;
        }
        assertThat(zone).as("a drawn ban zone in Qinhuangdao").isNotNull();
        JsonNode p = zone.path("properties");
        String document = p.path("document").asText();
        String title = json("/api/rules").path("documents").path(document).asText();
        assertThat(title).as("title of " + document + " in the rule book").isNotBlank();
        clickInside("path.az-ban-zone[data-feature-id='" + zone.path("id").asText() + "']");
        WebElement popup = new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
        assertThat(popup.findElement(By.cssSelector("h3")).getText()).as("the ban zone first").isEqualTo(p.path("name").asText());
        assertThat(popup.getText()).contains("禁燃区", p.path("class").asText() + "类", "《" + title + "》",
                p.path("clause").asText(), "示意", p.path("district").asText());
        screenshot("map-zones-popup.png");

        // control-zone tags take their type's colour from classes the page adds through the CSSOM
        // (a style attribute in popup HTML would be refused by the Content-Security-Policy)
        List<?> tag = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return import('./js/zones.js').then(({ CONTROL_TYPES }) => {"
                + "  const span = document.createElement('span');"
                + "  span.className = 'tag tag-control tag-control-fireworks_ban';"
                + "  document.body.append(span);"
                + "  const probe = document.createElement('span');"
                + "  probe.style.color = CONTROL_TYPES.fireworks_ban.color;"
                + "  document.body.append(probe);"
                + "  const seen = [getComputedStyle(span).color, getComputedStyle(probe).color];"
                + "  span.remove(); probe.remove();"
                + "  return seen; })");
        assertThat(tag.get(0)).as("tag colour of a fireworks-ban zone").isEqualTo(tag.get(1));

        List<String> errors = consoleMessages(Level.SEVERE);
        assertThat(errors).as("browser console errors").isEmpty();
        assertThat(browser.cspViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void theLanguageSwitchShowsThePageInEnglishRemembersItAndGoesBack() throws IOException {
        loadPage();
        try {
            assertThat(js("return document.documentElement.lang")).isEqualTo("zh-CN");
            WebElement toEnglish = driver.findElement(By.cssSelector("[data-testid=language-switch]"));
            assertThat(toEnglish.getText()).isEqualTo("English");
            toEnglish.click();
            awaitLanguage("en");
            screenshot("map-english.png");
            assertThat(driver.getTitle()).contains("Air-quality spatial planning");
            assertThat(driver.findElement(By.cssSelector(".leaflet-control-layers")).getText())
                    .contains("Districts", "Provinces", "Heat sources", "Ban zones", "Heating radii").doesNotContain("区县", "禁燃区");
            assertThat(driver.findElement(By.cssSelector("[data-testid=legend]")).getText()).contains("Legend", "Key area");
            assertThat(driver.findElement(By.id("status")).getText()).startsWith("Districts ");
            assertThat(driver.findElement(By.cssSelector("[data-testid=session-open]")).getText()).isEqualTo("Sign in");

            // remembered: a reload stays in English
            driver.navigate().refresh();
            awaitLanguage("en");

            driver.findElement(By.cssSelector("[data-testid=language-switch]")).click();
            awaitLanguage("zh-CN");
            assertThat(driver.findElement(By.cssSelector(".leaflet-control-layers")).getText()).contains("区县", "禁燃区");
            assertThat(driver.findElement(By.cssSelector("[data-testid=language-switch]")).getText()).isEqualTo("English");
            assertThat(consoleMessages(Level.SEVERE)).as("browser console errors").isEmpty();
            assertThat(browser.cspViolations()).as("Content-Security-Policy violations").isEmpty();
        } finally {
            js("localStorage.clear()"); // the other tests start in the default language
        }
    }

    /** Waits for the page to have reloaded in `lang` and drawn its layers. */
    private void awaitLanguage(String lang) {
        new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> lang.equals(js("return document.documentElement.lang"))
                && "true".equals(bodyData("complete")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /** Opens the page and waits until every collection is drawn or has failed. */
    private void loadPage() throws IOException {
        driver.get(service.baseUrl() + "/");
        try {
            new WebDriverWait(driver, LOAD_TIMEOUT).until(d -> "true".equals(bodyData("complete")) || !bodyData("error").isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("map-timeout.png");
            fail("the map did not finish loading within " + LOAD_TIMEOUT.toSeconds() + " s; status line: '"
                    + driver.findElement(By.id("status")).getText() + "'; console: " + consoleMessages(Level.ALL), e);
        }
    }

    private WebElement overlayCheckbox(String collection) {
        return driver.findElement(By.xpath("//label[.//*[@data-overlay='" + collection + "']]//input"));
    }

    /**
     * Clicks a point inside the path where only zones lie over it (no marker, label, control or
     * popup): the click has to get through the radii and bands to what lies underneath.
     */
    private void clickInside(String pathSelector) {
        Object found = ((JavascriptExecutor) driver).executeScript(
                "const path = document.querySelector(arguments[0]);"
                + "const r = path.getBoundingClientRect();"
                + "for (let k = 1; k < 400; k++) {"
                // a low-discrepancy walk over the middle 80 % of the box
                + "  const x = r.left + r.width * (0.1 + 0.8 * ((k * 0.618034) % 1));"
                + "  const y = r.top + r.height * (0.1 + 0.8 * ((k * 0.754878) % 1));"
                + "  const hits = document.elementsFromPoint(x, y);"
                + "  if (hits.includes(path) && hits[0].matches('path.az-zone')) return [x, y];"
                + "}"
                + "return null;", pathSelector);
        assertThat(found).as("a free point inside " + pathSelector).isInstanceOf(List.class);
        List<?> point = (List<?>) found;
        new Actions(driver).moveToLocation(((Number) point.get(0)).intValue(), ((Number) point.get(1)).intValue())
                .click().perform();
    }

    private JsonNode json(String pathAndQuery) throws IOException {
        return JSON.readTree(service.get(pathAndQuery).body());
    }

    private static int[] rgb(String hex) {
        assertThat(hex).as("a fill colour").matches("#[0-9a-fA-F]{6}");
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
                Integer.parseInt(hex.substring(5, 7), 16)};
    }

    /** Relative luminance (Rec. 709 weights) on the 0–255 scale: enough to order colours by darkness. */
    private static double luminance(int[] rgb) {
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
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

    /** The URLs the page has asked for a collection's items at, in order. */
    private List<String> requested(String collection) {
        List<?> names = (List<?>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map((e) => e.name)"
                + ".filter((name) => name.includes('/collections/' + arguments[0] + '/items'))", collection);
        return names.stream().map(String::valueOf).toList();
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
}
