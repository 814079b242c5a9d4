-- Read model: result sheets (current component scores per candidate). A projection: it may be
-- dropped and rebuilt from the event store at any time (processing group "result-sheets").
CREATE TABLE rm_session (
    session_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    occupation  VARCHAR(200) NOT NULL,
    exam_level  INT          NOT NULL,
    exam_type   VARCHAR(32)  NOT NULL,
    pass_mark   NUMERIC(9, 2) NOT NULL,
    starts_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rm_session_component (
    session_id   VARCHAR(64)  NOT NULL,
    component_id VARCHAR(64)  NOT NULL,
    position     INT          NOT NULL,
    name         VARCHAR(200) NOT NULL,
    max_score    NUMERIC(9, 2) NOT NULL,
    PRIMARY KEY (session_id, component_id)
);

CREATE TABLE rm_result_sheet (
    session_id    VARCHAR(64) NOT NULL,
    candidate_id  VARCHAR(64) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, candidate_id)
);

CREATE TABLE rm_component_score (
    session_id   VARCHAR(64)  NOT NULL,
    candidate_id VARCHAR(64)  NOT NULL,
    component_id VARCHAR(64)  NOT NULL,
    score        NUMERIC(9, 2) NOT NULL,
    actor_id     VARCHAR(64)  NOT NULL,
    submitter_id VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    signed       BOOLEAN      NOT NULL,
    PRIMARY KEY (session_id, candidate_id, component_id)
);
