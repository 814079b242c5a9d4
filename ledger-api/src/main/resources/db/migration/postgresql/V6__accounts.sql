-- Who may call the API (docs/security.md). Not evidence: the signed statements are. Accounts are
-- disabled, never deleted, so that every submitter recorded in an event's provenance stays known.
-- password_hash is BCrypt; roles is a comma-separated list of AccountRole names; actor_id is the
-- ledger actor this person signs as (statements signed by another actor need an explicit rule).
CREATE TABLE ledger_account (
    username      VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    actor_id      VARCHAR(64)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at   TIMESTAMP WITH TIME ZONE
);
