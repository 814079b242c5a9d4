-- Read model of the key registry for admission (docs/adr/0016). Written by the SUBSCRIBING
-- processor "key-registry" in the same transaction as the KeyRegistered/KeyRevoked event, so a key
-- is usable by the very next request on any node. Rebuildable from the event store.
CREATE TABLE registry_key (
    key_id     CHAR(64)     NOT NULL PRIMARY KEY,
    owner_id   VARCHAR(64)  NOT NULL,
    role       VARCHAR(32)  NOT NULL,
    algorithm  VARCHAR(16)  NOT NULL,
    public_key VARCHAR(512) NOT NULL,
    valid_from TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE,
    genesis    BOOLEAN      NOT NULL
);
