package airzone.web;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The desk's transfer, rules and users tabs of one page, driven through their controls as a planner
 * or admin drives them (the page itself is a {@link WorkbenchPage}: sign-in, waits, screenshots).
 */
final class DeskPage implements AutoCloseable {

    private static final Duration WORK = Duration.ofSeconds(90);

    private final WorkbenchPage page;

    DeskPage(WorkbenchPage page) {
        this.page = page;
    }

    static DeskPage signedIn(String baseUrl, String name, String password) {
        return new DeskPage(WorkbenchPage.signedIn(baseUrl, name, password));
    }

    WorkbenchPage page() {
        return page;
    }

    /** Opens a tab of the desk and waits until its module has built it. */
    void open(String tab, String builtWhen) {
        page.press("desk-tab-" + tab);
        page.waitFor("the " + tab + " tab", d -> tab.equals(page.body("desk")) && !page.all(builtWhen).isEmpty());
    }

    void select(String testid, String value) {
        new Select(page.testid(testid)).selectByValue(value);
    }

    String text(String testid) {
        return page.testid(testid).getText();
    }

    void type(String testid, String value) {
        WebElement field = page.testid(testid);
        field.clear();
        field.sendKeys(value);
    }

    // ---- export ----

    /** Presses download and waits for the file the page offered; returns it as saved by the browser. */
    Path download() throws InterruptedException {
        page.press("export-download");
        page.waitFor("the export", d -> page.testid("export-message").getAttribute("data-file") != null
                || "error".equals(page.testid("export-message").getAttribute("data-kind")), WORK);
        String name = page.testid("export-message").getAttribute("data-file");
        if (name == null) throw new AssertionError("the export was refused: " + text("export-message"));
        return page.browser().downloaded(name, WORK);
    }

    // ---- import ----

    void chooseFile(Path file) {
        page.testid("import-file").sendKeys(file.toAbsolutePath().toString());
    }

    /** Presses the dry run and waits for its outcome (data-import "previewed", "refused" or "failed"). */
    String dryRun() {
        page.press("import-preview");
        page.waitFor("the dry run", d -> List.of("previewed", "refused", "failed").contains(page.body("import")), WORK);
        return page.body("import");
    }

    String confirm() {
        page.press("import-confirm");
        page.waitFor("the import", d -> List.of("imported", "failed").contains(page.body("import")), WORK);
        return page.body("import");
    }

    /** The ids of the incoming features drawn on the map (the tab's preview layer). */
    @SuppressWarnings("unchecked")
    List<String> previewIds() {
        return (List<String>) page.js("""
                const ids = [];
                airzoneMap.eachLayer((l) => {
                  if (l.options?.pane === 'import-preview' && l.feature && l.getElement?.()) ids.push(String(l.feature.id ?? ''));
                });
                return ids;""");
    }

    /** The cells of each row of a report table (import-rejected, import-fields …), without its header. */
    List<List<String>> rows(String testid) {
        return page.all("[data-testid=" + testid + "] tbody tr").stream()
                .map(tr -> tr.findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList()).toList();
    }

    /** The properties of every feature the page's layer of {@code collection} draws. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> drawn(String collection) {
        return (List<Map<String, Object>>) page.js("""
                const found = [];
                airzoneMap.eachLayer((l) => {
                  const p = l.feature?.properties;
                  if (p && p['@collection'] === arguments[0] && l.getElement?.()) found.push(p);
                });
                return found;""", collection);
    }

    void screenshot(String name) {
        page.screenshot(name);
    }

    @Override
    public void close() throws Exception {
        page.close();
    }
}
