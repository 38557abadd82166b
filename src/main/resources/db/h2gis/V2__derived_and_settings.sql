-- Derived features (computed from rules) are replaced wholesale on every recompute; the flag tells
-- them from drawn and imported ones that share a collection (ban-zones has both).
ALTER TABLE features ADD COLUMN derived BOOLEAN DEFAULT FALSE NOT NULL;
-- One counter for every write: a version is never reused, so an ETag never comes back to mean other content.
CREATE SEQUENCE feature_version START WITH 1000;
CREATE TABLE settings (
    name VARCHAR(64) PRIMARY KEY,
    content CHARACTER LARGE OBJECT NOT NULL
);
