package airzone.io.imports;

import airzone.io.ValueType;

/**
 * An attribute field as a file declares it: its name there, the type of its values, and — when a
 * sidecar (our export's fields.csv) says so — the property it stands for; null otherwise.
 */
record SourceField(String name, ValueType type, String sidecarProperty) {

    SourceField(String name, ValueType type) {
        this(name, type, null);
    }
}
