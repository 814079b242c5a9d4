-- The ledger's Merkle log (issue 4, docs/adr/0015-sequencer-and-checkpoints.md): one leaf per
-- stored event in the sequencer's own contiguous numbering, the hashes of completed perfect
-- subtrees that proofs are assembled from, every signed checkpoint and every witness cosignature.
-- Leaves, nodes, checkpoints and cosignatures are evidence: append-only by trigger like the event
-- table. Only ledger_log_state (the sequencer's running size and root) is ever updated.

CREATE TABLE ledger_log_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    tree_size BIGINT  NOT NULL CHECK (tree_size >= 0),
    root_hash BYTEA   NOT NULL CHECK (length(root_hash) = 32)
);
-- SHA-256 of the empty string: the root of the empty tree (RFC 6962 section 2.1).
INSERT INTO ledger_log_state (id, tree_size, root_hash)
VALUES (1, 0, '\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea);

CREATE TABLE ledger_leaf (
    leaf_index       BIGINT       PRIMARY KEY CHECK (leaf_index >= 0),
    global_index     BIGINT       NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    leaf_hash        BYTEA        NOT NULL CHECK (length(leaf_hash) = 32),
    sequenced_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_merkle_node (
    level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index BIGINT  NOT NULL CHECK (node_index >= 0),
    hash       BYTEA   NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, node_index)
);

CREATE TABLE ledger_checkpoint (
    tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BYTEA  NOT NULL CHECK (length(root_hash) = 32),
    note      TEXT   NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_cosignature (
    tree_size      BIGINT       NOT NULL REFERENCES ledger_checkpoint (tree_size),
    witness_name   VARCHAR(255) NOT NULL,
    signature_line TEXT         NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tree_size, witness_name)
);

CREATE FUNCTION ledger_refuse_log_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'the Merkle log only grows; a rewritten leaf, node or checkpoint is tampering';
END
$$;

CREATE TRIGGER ledger_leaf_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_leaf
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_log_change();
CREATE TRIGGER ledger_leaf_no_truncate
    BEFORE TRUNCATE ON ledger_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_log_change();

CREATE TRIGGER ledger_merkle_node_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_merkle_node
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_log_change();
CREATE TRIGGER ledger_merkle_node_no_truncate
    BEFORE TRUNCATE ON ledger_merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_log_change();

CREATE TRIGGER ledger_checkpoint_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_checkpoint
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_log_change();
CREATE TRIGGER ledger_checkpoint_no_truncate
    BEFORE TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_log_change();

CREATE TRIGGER ledger_cosignature_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_cosignature
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_log_change();
CREATE TRIGGER ledger_cosignature_no_truncate
    BEFORE TRUNCATE ON ledger_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_log_change();
