package airzone.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import round trip on the production store: the ban zones exported as a GBK shapefile in
 * EPSG:4528 and as a GeoPackage, imported back into PostGIS through the edit service (one
 * transaction, history, audit), and equal to what was there.
 */
class ImportPostgisTest {

    private static ImportService service;

    @BeforeAll
    static void start() {
        service = ImportService.postgis();
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) service.close();
    }

    @Test
    void aDryRunWithPreviewCarriesTheFeaturesAsTheyWouldBeWrittenAndWritesNothing() throws Exception {
        ImportPreviewChecks.assertPreviewOfGeoJson(service);
        ImportPreviewChecks.assertPreviewOfProjectedShapefile(service);
        assertThat(service.importLeftovers()).isEmpty();
    }

    @Test
    void banZonesComeBackEqualThroughAGbkShapefileInZone40() {
        ImportRoundTripTest.assertRoundTrip(service, "ban-zones", "shapefile", "EPSG:4528", "GBK");
        ImportRoundTripTest.assertRoundTrip(service, "heat-sources", "geopackage", "EPSG:4549", "UTF-8");
        assertThat(service.importLeftovers()).isEmpty();
    }
}
