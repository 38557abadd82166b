package airzone.layer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The audit line of a change that is not a feature (rule parameters, users): the store writes it in
 * the same transaction as the change, so a crash leaves both or neither.
 */
public record AuditLine(String user, String action, JsonNode detail) {

    public String detailJson() {
        return detail == null ? null : detail.toString();
    }
}
