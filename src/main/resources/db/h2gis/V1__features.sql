-- Every collection lives in one table: the collections share one shape (id, properties, geometry),
-- and one table keeps both stores' SQL identical.
CREATE TABLE features (
    collection VARCHAR(64) NOT NULL,
    id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    properties CHARACTER LARGE OBJECT NOT NULL,
    geom GEOMETRY(GEOMETRY, 4326) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    PRIMARY KEY (collection, id)
);
CREATE SPATIAL INDEX features_geom ON features (geom);
