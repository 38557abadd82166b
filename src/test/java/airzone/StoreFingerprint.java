package airzone;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per table of the store's schema, its row count and a hash over its rows, both computed by the
 * database: a test's "nothing changed" in milliseconds, where reading every feature back and
 * spelling it out cost 0.3–0.5 s (HostileInputContract does it after each of its 303 cases per
 * store). The embedded store hashes every column of every row; PostgreSQL hashes its row versions'
 * ids. The row hashes are sorted before they are hashed together, so the order the database reads
 * rows in does not matter; any change of any value of any row, an added row or a removed one changes
 * the table's line (HostileInputContract proves that on both stores).
 */
public final class StoreFingerprint {

    /** Rows the spatial library brings along, not the service's data. */
    private static final List<String> NOT_OURS = List.of("spatial_ref_sys");

    private final Map<String, String> tables;

    private StoreFingerprint(Map<String, String> tables) {
        this.tables = tables;
    }

    public static StoreFingerprint of(Connection c) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        Map<String, String> tables = new TreeMap<>();
        for (String table : tables(c, postgres)) {
            String sql = postgres ? postgresHash(table) : h2Hash(c, table);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                tables.put(table, rs.getLong(1) + " rows " + rs.getString(2));
            }
        }
        return new StoreFingerprint(tables);
    }

    /** The tables whose line differs, each with its line before and after; empty when nothing changed. */
    public List<String> differences(StoreFingerprint after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : after.tables.entrySet()) {
            String old = tables.get(e.getKey());
            if (!e.getValue().equals(old)) out.add(e.getKey() + ": " + old + " → " + e.getValue());
        }
        for (String table : tables.keySet()) if (!after.tables.containsKey(table)) out.add(table + ": gone");
        return out;
    }

    /** The tables fingerprinted, lower case. */
    public java.util.Set<String> tables() {
        return tables.keySet().stream().map(String::toLowerCase).collect(java.util.stream.Collectors.toSet());
    }

    private static List<String> tables(Connection c, boolean postgres) throws SQLException {
        String sql = postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                : "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_TYPE = 'BASE TABLE'";
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!NOT_OURS.contains(name.toLowerCase())) names.add(name);
            }
        }
        if (names.isEmpty()) throw new IllegalStateException("no tables in the store's schema: is this the service's database?");
        return names;
    }

    /**
     * PostgreSQL writes every insert and update as a new row version stamped with its transaction's id (xmin)
     * at a new place (ctid), and a delete takes one away: the set of (ctid, xmin) changes with any change of
     * any row, committed, and costs nothing to read — hashing the rows' values would detoast and spell out
     * every geometry (a third of a second a case).
     */
    private static String postgresHash(String table) {
        return "SELECT count(*), md5(coalesce(string_agg(h, ',' ORDER BY h), '')) FROM (SELECT ctid::text || xmin::text h FROM \""
                + table + "\" t) r";
    }

    /**
     * H2 has no row-to-text cast: each column is quoted (NULL stays unquoted, so it differs from the
     * text 'NULL'), geometries as a hash of their EWKB (their WKT would cost seconds).
     */
    private static String h2Hash(Connection c, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            p.setString(1, table);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String column = "\"" + rs.getString(1) + "\"";
                    String text = rs.getString(2).equalsIgnoreCase("GEOMETRY")
                            ? "RAWTOHEX(HASH('SHA-256', CAST(" + column + " AS VARBINARY)))"
                            : "CAST(" + column + " AS VARCHAR)";
                    columns.add("COALESCE('\"' || REPLACE(" + text + ", '\"', '\"\"') || '\"', 'NULL')");
                }
            }
        }
        return "SELECT COUNT(*), COALESCE(RAWTOHEX(HASH('SHA-256', LISTAGG(h, ',') WITHIN GROUP (ORDER BY h))), '') FROM ("
                + "SELECT RAWTOHEX(HASH('SHA-256', " + String.join(" || ',' || ", columns) + ")) h FROM \"" + table + "\") r";
    }
}
