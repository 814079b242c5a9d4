-- Admission (docs/adr/0016): one row per admitted statement, written in the same transaction as
-- the event it caused. The primary key (statement hash) and the (actor, nonce) key are the replay
-- protection: a second admission of either is a unique violation and rolls the command back.
CREATE TABLE admitted_statement (
    statement_hash CHAR(64)     NOT NULL PRIMARY KEY,
    actor_id       VARCHAR(64)  NOT NULL,
    nonce          VARCHAR(128) NOT NULL,
    statement_type VARCHAR(100) NOT NULL,
    signed         BOOLEAN      NOT NULL,
    admitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT admitted_statement_actor_nonce UNIQUE (actor_id, nonce)
);

-- Evidence like the events: append-only, refused by trigger to everyone (see V2).
CREATE FUNCTION ledger_refuse_evidence_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER admitted_statement_no_update_or_delete
    BEFORE UPDATE OR DELETE ON admitted_statement
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_evidence_change();

CREATE TRIGGER admitted_statement_no_truncate
    BEFORE TRUNCATE ON admitted_statement
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_evidence_change();
