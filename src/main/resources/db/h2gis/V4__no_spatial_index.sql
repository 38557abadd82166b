-- H2 2.4.240 cannot open a database that was killed while a transaction had changed a SPATIAL index:
-- recovery rolls that transaction back through its undo log, opens the index's R-tree map with the
-- plain map builder, and fails with "ValueDataType cannot be cast to SpatialDataType" (found by
-- CrashDurabilityH2gisTest; the file stays unreadable). Without the R-tree there is nothing to trip on.
-- The index served only /items?bbox=, whose `&&` now scans one collection's rows: a few thousand at
-- most in the embedded store, well under a millisecond each; screening has its own in-memory index.
DROP INDEX features_geom;
