-- Every collection lives in one table: the collections share one shape (id, properties, geometry),
-- and one table keeps both stores' SQL identical.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE features (
    collection VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    properties JSONB NOT NULL,
    geom geometry(GEOMETRY, 4326) NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (collection, id)
);
CREATE INDEX features_geom ON features USING GIST (geom);
