package airzone.store;

/** The few SQL fragments where H2GIS and PostGIS differ. */
record Dialect(String jsonParameter, String nextVersion) {

    static final Dialect H2GIS = new Dialect("?", "NEXT VALUE FOR feature_version");
    static final Dialect POSTGIS = new Dialect("CAST(? AS jsonb)", "nextval('feature_version')");
}
