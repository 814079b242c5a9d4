-- The embedded database refuses UPDATE and DELETE on the event table with a trigger class
-- (H2 triggers are Java). H2 fires no trigger on TRUNCATE; the foreign key below makes H2 refuse
-- TRUNCATE TABLE domain_event_entry instead ("cannot truncate: referenced by a constraint").
-- What H2 cannot refuse: a user with admin rights dropping the trigger or the table. The Merkle
-- log and `./ledger verify` are what detect that (docs/architecture.md, "Append-only").

CREATE TRIGGER domain_event_entry_no_update
    BEFORE UPDATE ON domain_event_entry
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";

CREATE TRIGGER domain_event_entry_no_delete
    BEFORE DELETE ON domain_event_entry
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";

CREATE TABLE domain_event_entry_truncate_guard (
    global_index BIGINT REFERENCES domain_event_entry (global_index)
);
