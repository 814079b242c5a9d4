-- Read models of issue 7: the examiner roster (tracking processor "examiner-roster") and the
-- station's annual statistics (tracking processor "station-statistics"). Projections: dropped and
-- rebuilt from the event store at any time.
CREATE TABLE rm_examiner (
    person_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rm_examiner_assignment (
    person_id     VARCHAR(64) NOT NULL,
    session_id    VARCHAR(64) NOT NULL,
    role          VARCHAR(32) NOT NULL,
    assigned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    unassigned_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (person_id, session_id, role)
);

-- Component maxima per session, for the leniency index (marks as a share of the maximum).
CREATE TABLE rm_roster_component (
    session_id   VARCHAR(64)   NOT NULL,
    component_id VARCHAR(64)   NOT NULL,
    max_score    NUMERIC(9, 2) NOT NULL,
    PRIMARY KEY (session_id, component_id)
);

-- Every current mark with who gave it (corrections update the value).
CREATE TABLE rm_roster_mark (
    session_id   VARCHAR(64)   NOT NULL,
    candidate_id VARCHAR(64)   NOT NULL,
    component_id VARCHAR(64)   NOT NULL,
    mark_number  INT           NOT NULL,
    examiner_id  VARCHAR(64)   NOT NULL,
    score        NUMERIC(9, 2) NOT NULL,
    PRIMARY KEY (session_id, candidate_id, component_id, mark_number)
);

CREATE TABLE rm_stat_session (
    session_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    stat_year   INT          NOT NULL,
    exam_type   VARCHAR(32)  NOT NULL,
    occupation  VARCHAR(200) NOT NULL,
    cancelled   BOOLEAN      NOT NULL
);

CREATE TABLE rm_stat_candidate (
    session_id   VARCHAR(64) NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    stat_year    INT         NOT NULL,
    passed       BOOLEAN,
    PRIMARY KEY (session_id, candidate_id)
);
