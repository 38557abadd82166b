package airzone.io.imports;

import airzone.io.ExportCrs;
import airzone.io.ValueType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KML 2.2 (and 2.1, with or without the namespace) read with the JDK's StAX parser — DTDs and
 * external entities are switched off, so a document cannot make the service read a file or a URL
 * (XXE) or expand entities (billion laughs): any entity it declares is an error. Every Placemark,
 * however deep in Folders, becomes a feature: its {@code name} and {@code description}, its
 * ExtendedData ({@code Data/value} and {@code SchemaData/SimpleData}, typed by the document's
 * {@code Schema/SimpleField} types), and its Point, LineString, LinearRing, Polygon or MultiGeometry
 * in WGS 84 lon/lat (altitudes dropped). The id is a {@code feature_id} data field (the service's
 * own export), else the Placemark's id attribute, else an {@code id} data field.
 *
 * <p>Two things the service's KML export adds for Google Earth are not read back as properties:
 * a name that only repeats the id (written when a feature has no name) and a description that is an
 * HTML table of the same ExtendedData values.
 */
final class KmlImport {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final XMLInputFactory factory;

    KmlImport() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** One Placemark while it is read. */
    private static final class Placemark {
        String id;
        String name;
        String description;
        final Map<String, String> data = new LinkedHashMap<>();
        final Map<String, String> schemaOf = new HashMap<>();
        final List<Geometry> geometries = new ArrayList<>();
        String problem;
    }

    SourceLayer read(Path file, ImportOptions options) throws IOException {
        Map<String, Map<String, ValueType>> schemas = new HashMap<>();
        List<Placemark> placemarks = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            try {
                boolean root = false;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw ImportRefused.badInput("the KML declares a DTD; DTDs and entities are refused (they can make a parser read other files)");
                    }
                    if (event != XMLStreamConstants.START_ELEMENT) continue;
                    if (!root) {
                        root = true;
                        if (!r.getLocalName().equals("kml")) {
                            throw ImportRefused.badInput("the upload is XML but not KML: its root element is <" + r.getLocalName() + ">");
                        }
                        continue;
                    }
                    switch (r.getLocalName()) {
                        case "Schema" -> readSchema(r, schemas);
                        case "Placemark" -> placemarks.add(readPlacemark(r));
                        default -> {
                        }
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ");
            throw ImportRefused.badInput("the KML cannot be read: " + message, e);
        }
        return layer(placemarks, schemas, options);
    }

    private SourceLayer layer(List<Placemark> placemarks, Map<String, Map<String, ValueType>> schemas, ImportOptions options) {
        if (options.crs() != null && options.crs().epsg() != ExportCrs.WGS84 && options.crs().epsg() != ExportCrs.CGCS2000) {
            throw ImportRefused.badInput("KML coordinates are WGS 84 longitude/latitude by specification; crs=" + options.crs().code()
                    + " cannot apply");
        }
        Map<String, ValueType> types = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int tables = 0;
        int nameIsId = 0;
        List<SourceFeature> features = new ArrayList<>();
        // first pass: the fields and their types
        for (Placemark p : placemarks) {
            for (String key : p.data.keySet()) {
                ValueType t = typeOf(p, key, schemas);
                types.merge(key, t, Values::widen);
            }
        }
        String idField = null;
        for (String key : types.keySet()) if (key.equalsIgnoreCase(IdField.EXPORTED)) idField = key;
        boolean idFromAttribute = idField == null && placemarks.stream().anyMatch(p -> p.id != null);
        if (idField == null && !idFromAttribute) {
            for (String key : types.keySet()) if (key.equalsIgnoreCase("id")) idField = key;
        }
        for (Placemark p : placemarks) {
            Map<String, JsonNode> attributes = new LinkedHashMap<>();
            String id = idField != null ? trimToNull(p.data.get(idField)) : p.id;
            if (idField != null && id == null) id = p.id;
            if (p.name != null && !p.name.isBlank()) {
                if (p.name.equals(id)) nameIsId++;
                else attributes.put("name", TextNode.valueOf(p.name));
            }
            if (p.description != null && !p.description.isBlank()) {
                if (isAttributeTable(p)) tables++;
                else attributes.put("description", TextNode.valueOf(p.description));
            }
            for (Map.Entry<String, String> e : p.data.entrySet()) {
                if (e.getKey().equals(idField) || e.getValue() == null || e.getValue().isEmpty()) continue;
                attributes.put(e.getKey(), Values.as(TextNode.valueOf(e.getValue()), types.get(e.getKey())));
            }
            Geometry g = p.geometries.isEmpty() ? null : p.geometries.size() == 1 ? p.geometries.get(0)
                    : GEOMETRY.buildGeometry(p.geometries);
            features.add(new SourceFeature(id, attributes, g, p.problem));
        }
        List<SourceField> fields = new ArrayList<>();
        if (placemarks.stream().anyMatch(p -> p.name != null && !p.name.isBlank() && !p.name.equals(p.id))) {
            fields.add(new SourceField("name", ValueType.TEXT));
        }
        if (placemarks.stream().anyMatch(p -> p.description != null && !p.description.isBlank() && !isAttributeTable(p))) {
            fields.add(new SourceField("description", ValueType.TEXT));
        }
        final String idName = idField;
        types.forEach((name, t) -> {
            if (!name.equals(idName) && !name.equals("name") && !name.equals("description")) fields.add(new SourceField(name, t));
        });
        if (tables > 0) notes.add(tables + " Placemark description(s) are HTML tables of their ExtendedData and were not imported as a property");
        if (nameIsId > 0) notes.add(nameIsId + " Placemark name(s) only repeat the feature id and were not imported as a property");
        return new SourceLayer(ImportFormat.KML, null, ExportCrs.wgs84(), "KML (WGS 84 longitude/latitude)",
                TextEncoding.utf8(TextEncoding.FORMAT), fields, idName == null && idFromAttribute ? "Placemark id" : idName, features, notes);
    }

    private static ValueType typeOf(Placemark p, String key, Map<String, Map<String, ValueType>> schemas) {
        String schema = p.schemaOf.get(key);
        if (schema != null) {
            Map<String, ValueType> fields = schemas.get(schema.startsWith("#") ? schema.substring(1) : schema);
            if (fields != null && fields.get(key) != null) return fields.get(key);
        }
        return ValueType.TEXT;
    }

    private static boolean isAttributeTable(Placemark p) {
        return !p.data.isEmpty() && p.description.trim().toLowerCase(Locale.ROOT).startsWith("<table");
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void readSchema(XMLStreamReader r, Map<String, Map<String, ValueType>> schemas) throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        String name = r.getAttributeValue(null, "name");
        Map<String, ValueType> fields = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (r.getLocalName().equals("SimpleField")) {
                    String field = r.getAttributeValue(null, "name");
                    if (field != null) fields.put(field, kmlType(r.getAttributeValue(null, "type")));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        if (id != null) schemas.put(id, fields);
        if (name != null) schemas.putIfAbsent(name, fields);
    }

    private static ValueType kmlType(String type) {
        if (type == null) return ValueType.TEXT;
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "int", "uint", "short", "ushort" -> ValueType.INTEGER;
            case "float", "double" -> ValueType.REAL;
            case "bool" -> ValueType.BOOLEAN;
            default -> ValueType.TEXT;
        };
    }

    private static Placemark readPlacemark(XMLStreamReader r) throws XMLStreamException {
        Placemark p = new Placemark();
        p.id = trimToNull(r.getAttributeValue(null, "id"));
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) return p; // </Placemark>
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "name" -> p.name = text(r).trim();
                case "description" -> p.description = text(r).trim();
                case "ExtendedData" -> readExtendedData(r, p);
                case "Point", "LineString", "LinearRing", "Polygon", "MultiGeometry" -> {
                    Geometry g = readGeometry(r, p);
                    if (g != null) p.geometries.add(g);
                }
                default -> skip(r);
            }
        }
        return p;
    }

    private static void readExtendedData(XMLStreamReader r, Placemark p) throws XMLStreamException {
        String schemaUrl = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "SchemaData" -> {
                    schemaUrl = r.getAttributeValue(null, "schemaUrl");
                    depth++;
                }
                case "SimpleData" -> {
                    String name = r.getAttributeValue(null, "name");
                    String value = text(r);
                    if (name != null) {
                        p.data.put(name, value);
                        if (schemaUrl != null) p.schemaOf.put(name, schemaUrl);
                    }
                }
                case "Data" -> {
                    String name = r.getAttributeValue(null, "name");
                    String value = null;
                    while (r.hasNext()) {
                        int e = r.next();
                        if (e == XMLStreamConstants.END_ELEMENT) break; // </Data>
                        if (e != XMLStreamConstants.START_ELEMENT) continue;
                        if (r.getLocalName().equals("value")) value = text(r);
                        else skip(r);
                    }
                    if (name != null) p.data.put(name, value);
                }
                default -> skip(r);
            }
        }
    }

    /** The geometry element the reader stands on, read to its end; null (and a problem noted) when unusable. */
    private static Geometry readGeometry(XMLStreamReader r, Placemark p) throws XMLStreamException {
        String kind = r.getLocalName();
        List<Geometry> parts = new ArrayList<>();
        List<Coordinate[]> outer = new ArrayList<>();
        List<Coordinate[]> inner = new ArrayList<>();
        Coordinate[] coordinates = null;
        String boundary = null;
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (r.getLocalName().equals("outerBoundaryIs") || r.getLocalName().equals("innerBoundaryIs")) boundary = null;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            if (kind.equals("MultiGeometry") && List.of("Point", "LineString", "LinearRing", "Polygon", "MultiGeometry").contains(name)) {
                Geometry g = readGeometry(r, p);
                if (g != null) parts.add(g);
            } else if (name.equals("outerBoundaryIs") || name.equals("innerBoundaryIs")) {
                boundary = name;
                depth++;
            } else if (name.equals("LinearRing") && kind.equals("Polygon")) {
                depth++;
            } else if (name.equals("coordinates")) {
                Coordinate[] c = coordinates(text(r), p);
                if (kind.equals("Polygon")) {
                    if ("innerBoundaryIs".equals(boundary)) inner.add(c);
                    else outer.add(c);
                } else {
                    coordinates = c;
                }
            } else {
                skip(r);
            }
        }
        try {
            return switch (kind) {
                case "Point" -> coordinates == null || coordinates.length == 0 ? null : GEOMETRY.createPoint(coordinates[0]);
                case "LineString" -> coordinates == null ? null : GEOMETRY.createLineString(coordinates);
                // a ring on its own encloses an area: read as the polygon it bounds
                case "LinearRing" -> coordinates == null ? null : GEOMETRY.createPolygon(closed(coordinates));
                case "Polygon" -> polygon(outer, inner);
                default -> parts.isEmpty() ? null : GEOMETRY.buildGeometry(parts);
            };
        } catch (IllegalArgumentException e) {
            if (p.problem == null) p.problem = "its " + kind + " is not a valid geometry: " + e.getMessage();
            return null;
        }
    }

    private static Geometry polygon(List<Coordinate[]> outer, List<Coordinate[]> inner) {
        if (outer.isEmpty()) return null;
        LinearRing shell = GEOMETRY.createLinearRing(closed(outer.get(0)));
        LinearRing[] holes = inner.stream().map(c -> GEOMETRY.createLinearRing(closed(c))).toArray(LinearRing[]::new);
        Polygon polygon = GEOMETRY.createPolygon(shell, holes);
        if (outer.size() == 1) return polygon;
        // several outer rings in one Polygon (some writers do this): one polygon each
        List<Polygon> polygons = new ArrayList<>();
        polygons.add(polygon);
        for (int i = 1; i < outer.size(); i++) polygons.add(GEOMETRY.createPolygon(closed(outer.get(i))));
        return GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length > 0 && !ring[0].equals2D(ring[ring.length - 1])) {
            Coordinate[] c = java.util.Arrays.copyOf(ring, ring.length + 1);
            c[ring.length] = new Coordinate(ring[0]);
            return c;
        }
        return ring;
    }

    /** "lon,lat[,alt] lon,lat[,alt] …" as 2D coordinates. */
    private static Coordinate[] coordinates(String text, Placemark p) {
        String t = text.trim().replaceAll("\\s*,\\s*", ",");
        if (t.isEmpty()) return new Coordinate[0];
        String[] tuples = t.split("\\s+");
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String[] parts = tuples[i].split(",");
            try {
                if (parts.length < 2) throw new NumberFormatException("'" + tuples[i] + "' has no latitude");
                out[i] = new Coordinate(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]));
            } catch (NumberFormatException e) {
                if (p.problem == null) p.problem = "its coordinates cannot be read: " + e.getMessage();
                return new Coordinate[0];
            }
        }
        return out;
    }

    /** The text content of the element the reader stands on (CDATA included), read to its end. */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> out.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException("entity reference &" + r.getLocalName()
                        + "; is not allowed (DTD entities are refused)", r.getLocation());
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
        }
    }
}
