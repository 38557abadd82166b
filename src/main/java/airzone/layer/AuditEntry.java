package airzone.layer;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** One line of the audit trail: any change to features, rules or users. Feature fields are null for the others. */
public record AuditEntry(long seq, Instant at, String user, String action, String collection, String featureId,
                         Long version, JsonNode detail) {
}
