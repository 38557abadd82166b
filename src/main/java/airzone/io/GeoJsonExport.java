package airzone.io;

import airzone.geo.GridRounding;
import airzone.geo.GeoJson;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;

/**
 * GeoJSON, streamed with Jackson (geometries by {@link GeoJsonGeometry}). In EPSG:4326 it is RFC 7946 (no
 * "crs" member, lon/lat, counter-clockwise outer rings); in any other CRS it carries the "crs"
 * member of the 2008 GeoJSON specification with the EPSG URN, which GDAL and QGIS read (RFC 7946
 * has no way to name another CRS). Properties keep their JSON types, nested values included.
 */
final class GeoJsonExport implements FormatWriter {

    @Override
    public Path write(ExportLayer layer, Path dir) throws IOException {
        Path file = dir.resolve(layer.baseName() + ".geojson");
        try (JsonGenerator gen = GeoJson.MAPPER.getFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("type", "FeatureCollection");
            gen.writeStringField("name", layer.collection().id());
            if (layer.crs().epsg() != ExportCrs.WGS84) {
                gen.writeObjectFieldStart("crs");
                gen.writeStringField("type", "name");
                gen.writeObjectFieldStart("properties");
                gen.writeStringField("name", layer.crs().urn());
                gen.writeEndObject();
                gen.writeEndObject();
            }
            gen.writeArrayFieldStart("features");
            for (ExportRow row : layer.rows()) {
                gen.writeStartObject();
                gen.writeStringField("type", "Feature");
                gen.writeStringField("id", row.id());
                gen.writeFieldName("geometry");
                if (row.geometry() == null) gen.writeNull();
                else GeoJsonGeometry.write(gen, GridRounding.roundKeepingValid(row.geometry(), layer.crs().decimals()), layer.crs().decimals());
                gen.writeFieldName("properties");
                GeoJson.MAPPER.writeTree(gen, row.properties());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        return file;
    }
}
