package airzone.web;

import airzone.RunningService;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The map's first view in headless Chromium against the whole service on the embedded store: time
 * from navigation to the districts on screen and to every layer drawn, and the bytes transferred,
 * over a link throttled to 20 Mbit/s with 20 ms latency (Chromium's network emulation) and over the
 * plain loopback. The page as it is ("simplified") against the same page asking for every layer at
 * full precision, as it did before the simplified views ("full"), in turns, with the ratio of each
 * pair: the machine is shared and noisy, so the ratio says more than the times. Every visit is a
 * first one (HTTP cache off), except the last row's, which follow a visit before them. Not a test:
 * {@code mvn -q -B test-compile exec:java -Dexec.mainClass=airzone.web.FirstViewBenchmark}.
 */
public final class FirstViewBenchmark {

    private static final int RUNS = Integer.getInteger("runs", 7);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int LATENCY_MS = 20;
    private static final long BYTES_PER_SECOND = 20_000_000 / 8;
    /** The hash that asks the recorder below to strip {@code simplify} from the page's requests. */
    private static final String FULL = "#full";

    /**
     * Times from navigation: when the page has put the districts on the map (it sets
     * data-district-count) and when every layer is drawn (data-complete), each once the next frame has
     * been painted. With {@link #FULL}, the page's requests go out without {@code simplify}.
     */
    private static final String RECORDER = """
            window.airzoneTimes = {};
            const painted = (name) => {
              if (name in airzoneTimes) return;
              airzoneTimes[name] = null;
              requestAnimationFrame(() => setTimeout(() => { airzoneTimes[name] = performance.now(); }));
            };
            new MutationObserver(() => {
              if (document.body?.dataset.districtCount) painted('districts');
              if (document.body?.dataset.complete) painted('complete');
            }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-district-count', 'data-complete'] });
            if (location.hash === '#full') {
              const fetch = window.fetch;
              window.fetch = (url, init) => fetch(String(url).replace(/([?&])simplify=\\d+&?/, '$1').replace(/[?&]$/, ''), init);
            }
            """;

    /** What one visit measured: milliseconds from navigation, bytes from the Resource Timing entries. */
    private record Visit(double districtsMs, double completeMs, long bytes, long districtBytes) {
    }

    private record Link(String name, int latencyMs, long bytesPerSecond) {
    }

    public static void main(String[] args) throws Exception {
        try (RunningService service = RunningService.start(RunningService.Store.H2GIS);
             HeadlessChromium browser = HeadlessChromium.start()) {
            browser.runOnEveryNewPage(RECORDER);
            String page = service.baseUrl() + "/";
            System.out.printf("%-38s %10s %10s %10s %10s %14s%n", "first view, median of " + RUNS, "districts", "complete",
                    "bytes", "districts", "districts time");
            System.out.printf("%-38s %10s %10s %10s %10s %14s%n", "", "ms", "ms", "KB", "KB", "simpl./full");
            for (Link link : List.of(new Link("20 Mbit/s, 20 ms", LATENCY_MS, BYTES_PER_SECOND), new Link("loopback", 0, 0))) {
                browser.emulateNetwork(link.latencyMs(), link.bytesPerSecond());
                browser.useHttpCache(false);
                visit(browser, page + FULL);
                visit(browser, page);
                List<Visit> full = new ArrayList<>();
                List<Visit> simplified = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    full.add(visit(browser, page + FULL));
                    simplified.add(visit(browser, page));
                }
                double[] ratios = new double[RUNS];
                for (int i = 0; i < RUNS; i++) ratios[i] = simplified.get(i).districtsMs() / full.get(i).districtsMs();
                print(link.name() + ", full", full, null);
                print(link.name() + ", simplified", simplified, median(ratios));
            }
            browser.emulateNetwork(LATENCY_MS, BYTES_PER_SECOND);
            browser.useHttpCache(true);
            List<Visit> again = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                visit(browser, page);
                again.add(visit(browser, page));
            }
            print("20 Mbit/s, simplified, second visit", again, null);
        }
    }

    private static Visit visit(HeadlessChromium browser, String url) {
        WebDriver driver = browser.driver();
        driver.get("about:blank");
        driver.get(url);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        new WebDriverWait(driver, TIMEOUT).until(d -> js.executeScript(
                "return typeof window.airzoneTimes?.complete === 'number' || !!document.body.dataset.error"));
        Object error = js.executeScript("return document.body.dataset.error || null");
        if (error != null) throw new IllegalStateException("the page failed: " + error);
        Map<?, ?> m = (Map<?, ?>) js.executeScript("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                const bytes = (list) => list.reduce((sum, e) => sum + e.transferSize, 0);
                return { districts: airzoneTimes.districts, complete: airzoneTimes.complete, bytes: bytes(entries),
                         districtBytes: bytes(entries.filter((e) => e.name.includes('/collections/districts/items'))) };
                """);
        return new Visit(number(m.get("districts")), number(m.get("complete")), (long) number(m.get("bytes")),
                (long) number(m.get("districtBytes")));
    }

    private static void print(String row, List<Visit> visits, Double ratio) {
        System.out.printf("%-38s %10.0f %10.0f %10.1f %10.1f %14s%n", row,
                median(visits.stream().mapToDouble(Visit::districtsMs).toArray()),
                median(visits.stream().mapToDouble(Visit::completeMs).toArray()),
                median(visits.stream().mapToDouble(Visit::bytes).toArray()) / 1000,
                median(visits.stream().mapToDouble(Visit::districtBytes).toArray()) / 1000,
                ratio == null ? "" : String.format("%.2f", ratio));
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
