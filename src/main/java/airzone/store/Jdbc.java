package airzone.store;

import airzone.geo.GeoJson;
import airzone.layer.Feature;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** JDBC helpers the store classes share: reading features, timestamps. */
final class Jdbc {

    private Jdbc() {
    }

    /** Rows with columns id, properties, wkb, version as features. */
    static List<Feature> readFeatures(PreparedStatement select) throws SQLException {
        WKBReader wkb = new WKBReader();
        List<Feature> features = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                features.add(new Feature(rs.getString("id"), GeoJson.parseObject(rs.getString("properties")),
                        geometry(wkb, rs), rs.getLong("version")));
            }
        }
        return features;
    }

    static org.locationtech.jts.geom.Geometry geometry(WKBReader wkb, ResultSet rs) throws SQLException {
        try {
            return wkb.read(rs.getBytes("wkb"));
        } catch (ParseException e) {
            throw new SQLException("stored geometry of " + rs.getString("id") + " is not WKB", e);
        }
    }

    /** Both drivers take and give timestamptz as OffsetDateTime; microseconds is what PostgreSQL keeps. */
    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
