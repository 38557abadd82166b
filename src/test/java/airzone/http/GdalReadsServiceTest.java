package airzone.http;

import airzone.RunningService;
import airzone.layer.Catalog;
import airzone.layer.CollectionInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * GDAL's OGC API - Features driver (what QGIS uses too) reads the service: the quickest check
 * that our landing page, collections and paging are what real clients expect. ogrinfo comes from
 * Debian's gdal-bin; its absence is a failure, not a skip (scripts/test installs it).
 */
class GdalReadsServiceTest {

    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final long TIMEOUT_SECONDS = 90;

    private static RunningService service;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(OGRINFO)) {
            fail(OGRINFO + " is missing: this test needs GDAL's ogrinfo (apt-get install gdal-bin, "
                    + "or run scripts/test which installs it)");
        }
        service = RunningService.start(RunningService.Store.H2GIS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void ogrinfoCountsTheDistrictsTheServiceReports() throws Exception {
        HttpResponse<String> page = service.get("/ogc/collections/districts/items?limit=1");
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(page.body());
        long matched = body.path("numberMatched").asLong(-1);
        assertThat(matched).as("numberMatched of districts").isGreaterThanOrEqualTo(60);

        Result info = ogrinfo("-ro", "-so", "OAPIF:" + service.baseUrl() + "/ogc", "districts");
        assertThat(info.exitCode()).as("ogrinfo exit code; output:%n%s", info.output()).isZero();
        assertThat(info.output()).contains("Layer name: districts");
        // one Polygon among MultiPolygons would make GDAL type the layer "Unknown (any)"
        assertThat(info.output()).contains("Geometry: Multi Polygon");
        Matcher count = Pattern.compile("Feature Count: (-?\\d+)").matcher(info.output());
        assertThat(count.find()).as("a feature count in:%n%s", info.output()).isTrue();
        assertThat(Long.parseLong(count.group(1))).as("GDAL's feature count").isEqualTo(matched);
        assertThat(info.output()).as("no GDAL warnings or errors about our responses")
                .doesNotContain("ERROR").doesNotContain("Warning");
    }

    @Test
    void ogrinfoListsEveryCollection() throws Exception {
        Result list = ogrinfo("-ro", "OAPIF:" + service.baseUrl() + "/ogc");
        assertThat(list.exitCode()).as("ogrinfo exit code; output:%n%s", list.output()).isZero();
        List<String> missing = new ArrayList<>();
        for (CollectionInfo c : Catalog.all()) {
            // ogrinfo lists layers as "N: id (geometry type)"
            if (!Pattern.compile("(?m)^\\d+: " + Pattern.quote(c.id()) + "( |$)").matcher(list.output()).find()) {
                missing.add(c.id());
            }
        }
        assertThat(missing).as("collections ogrinfo did not list; output:%n%s", list.output()).isEmpty();
        assertThat(list.output()).doesNotContain("ERROR");
    }

    record Result(int exitCode, String output) {
    }

    /** Runs ogrinfo with stderr merged into stdout, so GDAL's complaints end up in the assertion text. */
    private static Result ogrinfo(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(OGRINFO.toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("ogrinfo", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // localhost must never go through a proxy the machine may have configured
            builder.environment().put("NO_PROXY", "localhost,127.0.0.1");
            builder.environment().put("no_proxy", "localhost,127.0.0.1");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("ogrinfo did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                        + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
