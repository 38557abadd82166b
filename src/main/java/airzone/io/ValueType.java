package airzone.io;

/**
 * The type an exported attribute column gets, inferred from the JSON values of one property over
 * all exported features. Properties are free-form JSON, so a column is only as specific as all its
 * values allow: one text value among numbers makes the whole column text.
 */
public enum ValueType {
    TEXT,
    INTEGER,
    REAL,
    BOOLEAN,
    /** an ISO calendar date "yyyy-MM-dd" in every row that has a value */
    DATE,
    /** nested objects or arrays (a derived layer's parameters, citation, source_ids), written as JSON text */
    JSON
}
