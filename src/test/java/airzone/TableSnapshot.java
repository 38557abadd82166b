package airzone;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Every row the queries return, each as one line of column=value, sorted: the state of a database to compare before and after. */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    public static List<String> of(Connection c, List<String> queries) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String query : queries) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder line = new StringBuilder(query);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        line.append(" | ").append(meta.getColumnLabel(i).toLowerCase()).append('=').append(value(rs, meta, i));
                    }
                    lines.add(line.toString());
                }
            }
        }
        lines.sort(null);
        return lines;
    }

    /** Geometries as their binary bytes: H2 would spell each district out as WKT, which costs seconds. */
    private static String value(ResultSet rs, ResultSetMetaData meta, int column) throws SQLException {
        if (!meta.getColumnTypeName(column).equalsIgnoreCase("geometry")) return rs.getString(column);
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? "null" : java.util.Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * The lines only one side has ("- " expected, "+ " actual), cut to 300 characters: snapshots hold
     * every boundary of the sample data, too much for an assertion message of its own.
     */
    public static List<String> differences(List<String> expected, List<String> actual) {
        java.util.Set<String> had = new java.util.HashSet<>(expected);
        java.util.Set<String> has = new java.util.HashSet<>(actual);
        List<String> differences = new ArrayList<>();
        expected.stream().filter(line -> !has.contains(line)).forEach(line -> differences.add("- " + cut(line)));
        actual.stream().filter(line -> !had.contains(line)).forEach(line -> differences.add("+ " + cut(line)));
        if (differences.isEmpty() && expected.size() != actual.size()) differences.add("same lines, different counts");
        return differences;
    }

    private static String cut(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
