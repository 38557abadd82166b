package airzone.http;

import airzone.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} after known traffic: each figure moves by what was done, in Prometheus's text format. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    private RunningService service;

    @BeforeAll
    void start() {
        service = RunningService.start(RunningService.Store.H2GIS);
    }

    @AfterAll
    void stop() throws Exception {
        service.close();
    }

    @Test
    void screeningsBatchRowsRoutesPoolAndJvmAreCounted() {
        String before = metrics();
        for (int i = 0; i < 3; i++) assertThat(service.get("/api/screen?lon=119.6&lat=39.9" + i).statusCode()).isEqualTo(200);
        HttpResponse<String> batch = service.send("POST", "/api/screen/batch", "name,lon,lat\na,119.6,39.9\nb,117.2,39.1\nc,x,39.1\n",
                "Content-Type", "text/csv", "Accept", "text/csv");
        assertThat(batch.statusCode()).isEqualTo(200);
        assertThat(service.get("/ogc/collections/ban-zones/items/no-such-zone").statusCode()).isEqualTo(404);
        String after = metrics();

        assertThat(value(after, "airzone_sites_screened_total") - value(before, "airzone_sites_screened_total"))
                .as("three single sites and two batch rows; the refused row is not screened").isEqualTo(5);
        assertThat(value(after, "airzone_batch_rows_total") - value(before, "airzone_batch_rows_total")).isEqualTo(3);
        assertThat(value(after, "airzone_index_rebuild_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "airzone_derived_recompute_seconds_count")).as("the first start computed them").isGreaterThanOrEqualTo(1);
        assertThat(value(after, "jetty_server_requests_seconds_count{exception=\"Unknown\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/screen\"}")
                - value(before, "jetty_server_requests_seconds_count{exception=\"Unknown\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/screen\"}"))
                .isEqualTo(3);
        assertThat(after).as("a latency histogram per route").contains("jetty_server_requests_seconds_bucket{exception=\"Unknown\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/screen\",le=\"");
        assertThat(after).as("a 404 from a mapped route counts under the route").contains("uri=\"/ogc/collections/{collectionId}/items/{featureId}\"");
        assertThat(after).contains("hikaricp_connections_active{pool=\"h2gis\"}", "jvm_memory_used_bytes{", "airzone_batch_jobs_running ");
    }

    private String metrics() {
        HttpResponse<String> r = service.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        return r.body();
    }

    /** The sample named {@code series} (name and labels as the text format writes them); 0 when absent. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
