package airzone.io.imports;

import airzone.io.ExportCrs;

import java.util.List;

/**
 * What a reader made of an upload: the format, the CRS and where it was declared, the text
 * encoding and where it came from, the attribute fields, the field the ids came from (null when
 * none), the features, and notes for the report (a fallback taken, a field type not readable).
 */
record SourceLayer(ImportFormat format, String layer, ExportCrs crs, String crsFrom, TextEncoding encoding,
                   List<SourceField> fields, String idField, List<SourceFeature> features, List<String> notes) {
}
