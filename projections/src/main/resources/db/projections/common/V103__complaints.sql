-- Read models of the complaint workflow (issue 6). All projections: dropped and rebuilt from the
-- event store at any time.
--
-- rm_suspension is written by the SUBSCRIBING processor "suspensions" in the transaction of the
-- suspension events, so that "is this person suspended" (asked when staff are assigned and when
-- they sign) is answered against every committed decision, on every node.
CREATE TABLE rm_suspension (
    complaint_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    person_id       VARCHAR(64) NOT NULL,
    suspended_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    suspended_until TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(32) NOT NULL,
    -- reinstated or rescinded at; NULL while the suspension bars the person
    ended_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rm_suspension_person_idx ON rm_suspension (person_id);

-- The rest is the tracking processor "complaint-cases": the supervisors' views.
CREATE TABLE rm_complaint (
    complaint_id       VARCHAR(64)   NOT NULL PRIMARY KEY,
    respondent_id      VARCHAR(64)   NOT NULL,
    respondent_role    VARCHAR(16)   NOT NULL,
    session_id         VARCHAR(64),
    candidate_id       VARCHAR(64),
    channel            VARCHAR(32)   NOT NULL,
    summary            VARCHAR(2000) NOT NULL,
    filed_by           VARCHAR(64)   NOT NULL,
    filed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_year         INT           NOT NULL,
    status             VARCHAR(32)   NOT NULL,
    investigator_id    VARCHAR(64),
    referred_to        VARCHAR(2000),
    outcome            VARCHAR(16),
    reasons            VARCHAR(2000),
    decided_at         TIMESTAMP WITH TIME ZONE,
    reopen_count       INT           NOT NULL,
    sanction_status    VARCHAR(32),
    suspended_from     TIMESTAMP WITH TIME ZONE,
    suspended_until    TIMESTAMP WITH TIME ZONE,
    self_criticism_sha256 VARCHAR(64),
    station_approved_by   VARCHAR(64),
    upper_approved_by     VARCHAR(64),
    sanction_ended_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX rm_complaint_respondent_idx ON rm_complaint (respondent_id);

-- Every step of a case in order, with the event that recorded it.
CREATE TABLE rm_complaint_step (
    complaint_id VARCHAR(64)   NOT NULL,
    step_no      INT           NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    actor_id     VARCHAR(64)   NOT NULL,
    signed       BOOLEAN       NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    detail       VARCHAR(2000),
    event_id     VARCHAR(255)  NOT NULL,
    PRIMARY KEY (complaint_id, step_no)
);

CREATE TABLE rm_complaint_evidence (
    complaint_id VARCHAR(64)   NOT NULL,
    evidence_no  INT           NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    reference    VARCHAR(255)  NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    linked_by    VARCHAR(64)   NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (complaint_id, evidence_no)
);

-- Statements a suspended person signed anyway (kept as evidence, without effect).
CREATE TABLE rm_suspended_statement (
    event_id       VARCHAR(255) NOT NULL PRIMARY KEY,
    person_id      VARCHAR(64)  NOT NULL,
    session_id     VARCHAR(64)  NOT NULL,
    statement_type VARCHAR(64)  NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who marked whom in which (station) year: the denominator of complaint rates.
CREATE TABLE rm_examiner_marking (
    examiner_id  VARCHAR(64) NOT NULL,
    mark_year    INT         NOT NULL,
    session_id   VARCHAR(64) NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (examiner_id, mark_year, session_id, candidate_id)
);
