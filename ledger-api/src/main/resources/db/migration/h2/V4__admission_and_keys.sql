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

-- Append-only like the event table (see V2).
CREATE TRIGGER admitted_statement_no_update
    BEFORE UPDATE ON admitted_statement
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";

CREATE TRIGGER admitted_statement_no_delete
    BEFORE DELETE ON admitted_statement
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";

-- H2 fires no trigger on TRUNCATE; a referencing table makes H2 refuse it (as V2 does for events).
CREATE TABLE admitted_statement_truncate_guard (
    statement_hash CHAR(64) REFERENCES admitted_statement (statement_hash)
);
