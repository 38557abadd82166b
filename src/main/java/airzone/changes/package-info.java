/**
 * The live changes: one poller per instance follows the audit trail by seq and fans the lines out to
 * one queue per server-sent-event stream ({@code ChangeFeed}).
 *
 * <p>May depend on: layer, rules.
 */
package airzone.changes;
