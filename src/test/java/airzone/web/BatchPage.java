package airzone.web;

import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The desk's batch tab in a headless Chromium, driven through its controls (web/js/batch/panel.js). */
final class BatchPage implements AutoCloseable {

    private final WorkbenchPage page;

    private BatchPage(WorkbenchPage page) {
        this.page = page;
    }

    /** A planner's page with the batch tab open. */
    static BatchPage open(String baseUrl, String name, String password) {
        BatchPage batch = new BatchPage(WorkbenchPage.signedIn(baseUrl, name, password));
        batch.openTab();
        return batch;
    }

    void openTab() {
        page.press("desk-tab-batch");
        page.waitFor("the batch tab", d -> "idle".equals(page.body("batch")) && page.testid("desk-batch").isDisplayed());
    }

    WorkbenchPage page() {
        return page;
    }

    /** Chooses a file with the tab's file input, as the planner's file dialog does. */
    void choose(Path file) {
        page.testid("batch-file").sendKeys(file.toAbsolutePath().toString());
        page.waitFor("the chosen file", d -> page.testid("batch-file-name").getText().contains(file.getFileName().toString()));
    }

    void start() {
        page.press("batch-start");
    }

    String state() {
        return page.body("batch");
    }

    /** Waits until the tab is in one of {@code states}; fails at once on an unexpected error. */
    String waitForState(Duration timeout, String... states) {
        List<String> wanted = Arrays.asList(states);
        page.waitFor("the batch " + wanted, d -> wanted.contains(state()) || !wanted.contains("error") && "error".equals(state()), timeout);
        if (!wanted.contains(state())) throw new AssertionError("the batch failed: " + message());
        return state();
    }

    int number(String body) {
        String value = page.body(body);
        return value.isEmpty() ? -1 : Integer.parseInt(value);
    }

    /** A script that ends by calling its last argument (Selenium's async script); its value. */
    Object jsAsync(String script, Object... args) {
        return ((org.openqa.selenium.JavascriptExecutor) page.driver()).executeAsyncScript(script, args);
    }

    String message() {
        WebElement message = page.testid("batch-message");
        return message.isDisplayed() ? message.getText() : "";
    }

    /** Picks a verdict in the filter and waits until the table has applied it. */
    void filterVerdict(String verdict) {
        new Select(page.testid("batch-filter-verdict")).selectByValue(verdict);
        page.waitFor("the verdict filter " + verdict, d -> page.all("[data-testid=batch-table] tbody tr").stream()
                .allMatch(tr -> verdict.isEmpty() || verdict.equals(tr.getAttribute("data-verdict"))));
    }

    /** Presses a download button and waits for the browser to have saved {@code fileName}. */
    Path download(String format, String fileName) throws InterruptedException {
        page.press("batch-download-" + format);
        return page.browser().downloaded(fileName, Duration.ofSeconds(60));
    }

    void screenshot(int n, String step) {
        page.screenshot("batch-" + n + "-" + step + ".png");
    }

    @Override
    public void close() throws java.io.IOException {
        page.close();
    }
}
