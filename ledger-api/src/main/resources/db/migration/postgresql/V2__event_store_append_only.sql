-- The event table is append-only at the database too (BRIEF section 3.1): UPDATE, DELETE and
-- TRUNCATE are refused by trigger, whoever the caller is. A superuser can still disable the
-- trigger; that is what the ledger's Merkle log and `./ledger verify` exist to detect.

CREATE FUNCTION ledger_refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'events are never updated or deleted; record a correction as a new event';
END
$$;

CREATE TRIGGER domain_event_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_event_change();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_event_change();
