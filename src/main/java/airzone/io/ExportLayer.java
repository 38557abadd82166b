package airzone.io;

import airzone.layer.CollectionInfo;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a format writer needs: the collection, the rows with geometries already in the
 * export CRS, their columns, the text encoding (UTF-8 unless GBK was asked for) and the file name
 * every file of the export starts with.
 */
public record ExportLayer(CollectionInfo collection, ExportCrs crs, Charset charset, LocalDate date,
                         List<ExportRow> rows, List<Column> columns, String baseName) {
}
