-- The ledger's Merkle log on the embedded H2 database: the same tables as
-- db/migration/postgresql/V3, append-only with the trigger class of V2 and a guard table per
-- evidence table that makes H2 refuse TRUNCATE (H2 fires no trigger on TRUNCATE).

CREATE TABLE ledger_log_state (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    tree_size BIGINT  NOT NULL CHECK (tree_size >= 0),
    root_hash BINARY VARYING(32) NOT NULL CHECK (OCTET_LENGTH(root_hash) = 32)
);
-- SHA-256 of the empty string: the root of the empty tree (RFC 6962 section 2.1).
INSERT INTO ledger_log_state (id, tree_size, root_hash)
VALUES (1, 0, X'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');

CREATE TABLE ledger_leaf (
    leaf_index       BIGINT       PRIMARY KEY CHECK (leaf_index >= 0),
    global_index     BIGINT       NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL UNIQUE,
    leaf_hash        BINARY VARYING(32) NOT NULL CHECK (OCTET_LENGTH(leaf_hash) = 32),
    sequenced_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_merkle_node (
    level      INTEGER NOT NULL CHECK (level BETWEEN 0 AND 62),
    node_index BIGINT  NOT NULL CHECK (node_index >= 0),
    hash       BINARY VARYING(32) NOT NULL CHECK (OCTET_LENGTH(hash) = 32),
    PRIMARY KEY (level, node_index)
);

CREATE TABLE ledger_checkpoint (
    tree_size BIGINT PRIMARY KEY CHECK (tree_size >= 0),
    root_hash BINARY VARYING(32) NOT NULL CHECK (OCTET_LENGTH(root_hash) = 32),
    note      CHARACTER LARGE OBJECT NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE ledger_cosignature (
    tree_size      BIGINT       NOT NULL REFERENCES ledger_checkpoint (tree_size),
    witness_name   VARCHAR(255) NOT NULL,
    signature_line CHARACTER LARGE OBJECT NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tree_size, witness_name)
);

CREATE TRIGGER ledger_leaf_no_update BEFORE UPDATE ON ledger_leaf
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TRIGGER ledger_leaf_no_delete BEFORE DELETE ON ledger_leaf
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TABLE ledger_leaf_truncate_guard (leaf_index BIGINT REFERENCES ledger_leaf (leaf_index));

CREATE TRIGGER ledger_merkle_node_no_update BEFORE UPDATE ON ledger_merkle_node
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TRIGGER ledger_merkle_node_no_delete BEFORE DELETE ON ledger_merkle_node
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TABLE ledger_merkle_node_truncate_guard (
    level      INTEGER,
    node_index BIGINT,
    FOREIGN KEY (level, node_index) REFERENCES ledger_merkle_node (level, node_index)
);

CREATE TRIGGER ledger_checkpoint_no_update BEFORE UPDATE ON ledger_checkpoint
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TRIGGER ledger_checkpoint_no_delete BEFORE DELETE ON ledger_checkpoint
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
-- ledger_cosignature's foreign key already makes H2 refuse TRUNCATE TABLE ledger_checkpoint.

CREATE TRIGGER ledger_cosignature_no_update BEFORE UPDATE ON ledger_cosignature
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TRIGGER ledger_cosignature_no_delete BEFORE DELETE ON ledger_cosignature
    FOR EACH ROW CALL "org.examledger.api.storage.H2AppendOnlyTrigger";
CREATE TABLE ledger_cosignature_truncate_guard (
    tree_size    BIGINT,
    witness_name VARCHAR(255),
    FOREIGN KEY (tree_size, witness_name) REFERENCES ledger_cosignature (tree_size, witness_name)
);
