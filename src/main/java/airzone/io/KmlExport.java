package airzone.io;

import airzone.geo.GridRounding;
import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.io.kml.KMLWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * KML 2.2 (always WGS 84 lon/lat, UTF-8) for Google Earth, 奥维 and the like: the document and
 * each placemark carry a Chinese name and a Chinese description — a table of the feature's
 * attributes under Chinese labels — and every attribute also goes into typed ExtendedData, which
 * GDAL and QGIS read as fields.
 *
 * <p>Written here with jts-io's {@link KMLWriter} for the geometry elements. H2GIS's KMLWrite was
 * no fit: it writes no name or description, needs the features in a database table, and turns off
 * the XML writer's escaping, so a '&amp;' or '&lt;' in any value (a plan title, a clause) makes the
 * file unreadable. The document structure is a few fixed elements; values are escaped by {@link #xml}.
 */
final class KmlExport implements FormatWriter {

    /** Chinese labels of the properties the service's layers have; others show under their own name. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(Column.FEATURE_ID, "要素编号"),
            Map.entry("name", "名称"),
            Map.entry("name_en", "英文名称"),
            Map.entry("class", "类别"),
            Map.entry("zone_type", "管控区类型"),
            Map.entry("level", "级别"),
            Map.entry("province", "省份"),
            Map.entry("province_adcode", "省级行政区划代码"),
            Map.entry("city", "城市"),
            Map.entry("city_adcode", "市级行政区划代码"),
            Map.entry("district", "区县"),
            Map.entry("districts", "区县"),
            Map.entry("adcode", "行政区划代码"),
            Map.entry("document", "依据文件"),
            Map.entry("clause", "条款"),
            Map.entry("citation", "依据"),
            Map.entry("effective_date", "生效日期"),
            Map.entry("illustrative", "示意数据"),
            Map.entry("note_zh", "说明"),
            Map.entry("note_en", "说明（英文）"),
            Map.entry("drawn_by", "绘制者"),
            Map.entry("source", "来源"),
            Map.entry("source_ids", "来源要素"),
            Map.entry("rule", "规则"),
            Map.entry("parameters", "规则参数"),
            Map.entry("computed_at", "计算时间"),
            Map.entry("heat_source_id", "热源编号"),
            Map.entry("heat_source_name", "热源名称"),
            Map.entry("total_capacity_mw", "总装机容量（兆瓦）"),
            Map.entry("largest_unit_mw", "最大单机容量（兆瓦）"),
            Map.entry("radius_km", "半径（公里）"),
            Map.entry("buffer_km", "缓冲距离（公里）"),
            Map.entry("length_km", "长度（公里）"),
            Map.entry("chp", "热电联产"),
            Map.entry("fuel", "燃料"),
            Map.entry("status", "状态"),
            Map.entry("coord_quality", "坐标质量"),
            Map.entry("left", "左侧"),
            Map.entry("left_code", "左侧代码"),
            Map.entry("right", "右侧"),
            Map.entry("right_code", "右侧代码"),
            Map.entry("side", "所在一侧"),
            Map.entry("side_code", "所在一侧代码"),
            Map.entry("side_of_line", "边界线方位"),
            Map.entry("neighbour", "相邻方"),
            Map.entry("neighbour_code", "相邻方代码"),
            Map.entry("border_id", "边界编号"),
            Map.entry("seed_city", "示例城市"),
            Map.entry("is_key_area", "重点区域"),
            Map.entry("clean_heating_complete", "清洁取暖已完成"),
            Map.entry("clean_heating_illustrative", "清洁取暖示意数据"),
            Map.entry("clean_heating_note", "清洁取暖说明"));

    @Override
    public Path write(ExportLayer layer, Path dir) throws IOException {
        Path file = dir.resolve(layer.baseName() + ".kml");
        KMLWriter geometry = new KMLWriter();
        geometry.setPrecision(layer.crs().decimals());
        String schemaId = layer.collection().id() + "_schema";
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            w.write("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document id=\"" + xml(layer.collection().id()) + "\">\n");
            w.write("<name>" + xml(layer.collection().titleZh()) + "</name>\n");
            w.write("<description>" + xml(documentDescription(layer)) + "</description>\n");
            w.write("<Schema name=\"" + xml(layer.collection().id()) + "\" id=\"" + xml(schemaId) + "\">\n");
            for (Column c : layer.columns()) {
                if (isName(c)) continue;
                w.write("<SimpleField name=\"" + xml(c.name()) + "\" type=\"" + kmlType(c.type()) + "\">"
                        + "<displayName>" + xml(label(c)) + "</displayName></SimpleField>\n");
            }
            w.write("</Schema>\n");
            for (ExportRow row : layer.rows()) {
                w.write("<Placemark id=\"" + xml(row.id()) + "\">\n");
                w.write("<name>" + xml(placemarkName(row)) + "</name>\n");
                w.write("<description>" + xml(placemarkDescription(layer, row)) + "</description>\n");
                w.write("<ExtendedData><SchemaData schemaUrl=\"#" + xml(schemaId) + "\">\n");
                for (Column c : layer.columns()) {
                    if (isName(c)) continue;
                    Object v = c.value(row);
                    if (v == null) continue;
                    // KML's xsd:boolean allows true/false, but GDAL's LIBKML driver reads only 1/0
                    String text = v instanceof Boolean b ? (b ? "1" : "0") : Column.display(v);
                    w.write("<SimpleData name=\"" + xml(c.name()) + "\">" + xml(text) + "</SimpleData>\n");
                }
                w.write("</SchemaData></ExtendedData>\n");
                if (row.geometry() != null && !row.geometry().isEmpty()) {
                    w.write(geometry.write(GridRounding.roundKeepingValid(row.geometry(), layer.crs().decimals())));
                    w.write("\n");
                }
                w.write("</Placemark>\n");
            }
            w.write("</Document>\n</kml>\n");
        }
        return file;
    }

    /** The "name" property is the placemark's name; repeating it as data would give readers two name fields. */
    private static boolean isName(Column c) {
        return "name".equals(c.property());
    }

    private static String placemarkName(ExportRow row) {
        JsonNode name = row.properties().get("name");
        return name != null && !name.isNull() && !Column.text(name).isBlank() ? Column.text(name) : row.id();
    }

    private static String documentDescription(ExportLayer layer) {
        return layer.collection().titleZh() + "（" + layer.collection().id() + "），共 " + layer.rows().size()
                + " 个要素；坐标系 WGS 84（EPSG:4326）；导出日期 " + layer.date() + "。";
    }

    /** An HTML table of the attributes under Chinese labels, as Google Earth shows a description. */
    private static String placemarkDescription(ExportLayer layer, ExportRow row) {
        StringBuilder html = new StringBuilder("<table>");
        html.append(tableRow("图层", layer.collection().titleZh()));
        for (Column c : layer.columns()) {
            if (isName(c)) continue;
            Object v = c.value(row);
            if (v == null) continue;
            String text = v instanceof Boolean b ? (b ? "是" : "否") : Column.display(v);
            html.append(tableRow(label(c), text));
        }
        return html.append("</table>").toString();
    }

    private static String tableRow(String label, String value) {
        return "<tr><th>" + xml(label) + "</th><td>" + xml(value) + "</td></tr>";
    }

    private static String label(Column c) {
        return LABELS.getOrDefault(c.isFeatureId() ? Column.FEATURE_ID : c.property(), c.name());
    }

    private static String kmlType(ValueType type) {
        return switch (type) {
            case INTEGER -> "int";
            case REAL -> "double";
            case BOOLEAN -> "bool";
            default -> "string";
        };
    }

    /** Text escaped for XML character data and attribute values; characters XML 1.0 forbids are dropped. */
    static String xml(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') out.append(ch);
                }
            }
        }
        return out.toString();
    }
}
