package airzone.coordinates;

/**
 * A position read from what a planner typed: lon/lat in degrees (CGCS2000, which the service treats
 * as WGS 84), how it was written, the reference system of the text, the Gauss-Krüger zone (null
 * for degrees) and {@code read}, what was understood, in symbols and numbers only (no words, so it
 * reads the same in either language).
 */
public record ReadCoordinates(double lon, double lat, Kind kind, String crs, Integer zone, String read) {

    public enum Kind {
        DECIMAL("decimal"), DMS("dms"), GAUSS_KRUGER("gauss-kruger");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
