package airzone.web;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

/**
 * The desk's screening tab, driven as a planner drives it: open the tab, describe the project,
 * choose the site (a click on the map, an outline drawn, coordinates typed), read what it says.
 * Built on {@link WorkbenchPage} for the browser, the map's pixels and the waits.
 */
final class ScreeningPage implements AutoCloseable {

    private final WorkbenchPage page;

    ScreeningPage(WorkbenchPage page) {
        this.page = page;
    }

    WorkbenchPage page() {
        return page;
    }

    void open() {
        page.press("desk-tab-screen");
        page.waitFor("the screening tab", d -> "idle".equals(page.body("screening")) && !page.all("[data-testid=screening-field-fuel] option[value=coal]").isEmpty());
    }

    /** Fills the project form: text and number fields typed, selects picked by value, checkboxes set. */
    void project(Map<String, String> values) {
        values.forEach((name, value) -> {
            WebElement field = page.testid("screening-field-" + name);
            if ("select".equals(field.getTagName())) {
                new Select(field).selectByValue(value);
            } else if ("checkbox".equals(field.getAttribute("type"))) {
                if (field.isSelected() != Boolean.parseBoolean(value)) field.click();
            } else {
                field.clear();
                field.sendKeys(value);
            }
        });
    }

    String field(String name) {
        WebElement field = page.testid("screening-field-" + name);
        return "checkbox".equals(field.getAttribute("type")) ? String.valueOf(field.isSelected()) : field.getAttribute("value");
    }

    /** Presses "pick on the map" and clicks (lon, lat); waits for the screening to end. */
    void pickAt(double lon, double lat) {
        page.press("screening-pick");
        page.waitFor("picking", d -> "picking".equals(page.body("screening")));
        page.clickAt(lon, lat, 0, 0);
        waitDone();
    }

    /** Types coordinates (and a zone, or null) and presses "read and screen"; does not wait. */
    void type(String text, String zone) {
        WebElement input = page.testid("screening-coordinates");
        input.clear();
        input.sendKeys(text);
        WebElement zoneInput = page.testid("screening-zone");
        zoneInput.clear();
        if (zone != null) zoneInput.sendKeys(zone);
        page.press("screening-read");
    }

    /** Waits until the screening is done (or failed, which fails the test with what the tab said). */
    void waitDone() {
        page.waitFor("the screening", d -> List.of("done", "error").contains(page.body("screening")));
        if (!"done".equals(page.body("screening"))) throw new AssertionError("the screening failed: " + message());
    }

    void waitError() {
        page.waitFor("the refusal", d -> "error".equals(page.body("screening")));
    }

    String message() {
        return page.testid("screening-message").getText();
    }

    /** lon, lat of the point screened last. */
    double[] site() {
        String[] parts = page.body("screeningSite").split(",");
        return new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
    }

    List<WebElement> findings(String rule) {
        return page.all("[data-testid=screening-finding][data-rule='" + rule + "']");
    }

    @Override
    public void close() throws Exception {
        page.close();
    }
}
