package airzone.changes;

import airzone.layer.AuditEntry;
import airzone.rules.DerivedLayers;

import java.time.Instant;
import java.util.Optional;

/**
 * One committed change the live feed passes on: a feature's (collection, id and version; a seed names
 * only its collection) or the rule parameters'. Null fields are those the audit line has none of.
 */
public record Change(long seq, String collection, String id, Long version, String action, String user, Instant at) {

    /**
     * The change an audit line records, if it is one for every reader: features (their lines name a
     * collection) and rules. Users, roles and unlocks are audited too but stay with the admins' audit.
     */
    static Optional<Change> of(AuditEntry line) {
        if (line.collection() == null && !line.action().equals(DerivedLayers.RULES_ACTION)) return Optional.empty();
        return Optional.of(new Change(line.seq(), line.collection(), line.featureId(), line.version(), line.action(), line.user(), line.at()));
    }
}
