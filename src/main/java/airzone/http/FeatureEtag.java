package airzone.http;

import airzone.layer.Feature;

/** A feature's strong ETag: its store version, which every write raises (so If-Match can detect stale edits). */
final class FeatureEtag {

    private FeatureEtag() {
    }

    static String of(Feature feature) {
        return "\"v" + feature.version() + '"';
    }
}
