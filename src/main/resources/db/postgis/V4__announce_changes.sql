-- Every committed audit line (features, rules, users) is announced to the instances sharing this
-- database: PostgreSQL delivers a NOTIFY only when its transaction commits, and never for one that
-- rolls back, so the announcement cannot run ahead of the data. The payload names the change, never
-- its data: listeners read the audit trail (and the store) from their own cursor, so a notification
-- they missed costs them only the wait for their next read.
--
-- The channel is named after the schema the tables are in, so services kept in other schemas of the
-- same database (the tests' are) never wake each other; hashed, because a channel name longer than
-- 63 bytes would fail every write. The listener asks this function for the name too.
CREATE FUNCTION changes_channel(tables_schema TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT 'airzone_changes_' || substr(md5(tables_schema), 1, 16)
$$;
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(changes_channel(TG_TABLE_SCHEMA), json_build_object(
        'seq', NEW.seq, 'collection', NEW.collection, 'id', NEW.feature_id, 'version', NEW.version)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER audit_announced AFTER INSERT ON audit
    FOR EACH ROW EXECUTE FUNCTION announce_change();
