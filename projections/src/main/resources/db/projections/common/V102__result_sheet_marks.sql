-- Read model of double marking and the sheet's life cycle (issue 5). rm_component_score keeps the
-- first mark (now with the event id of its latest entry, which a countersignature names);
-- rm_component_mark holds the independent second and third marks; rm_component_adjudication the
-- chief examiner's value. The final score follows from them by DoubleMarkingPolicy when read.
ALTER TABLE rm_session_component ADD COLUMN double_marking_tolerance NUMERIC(9, 2);
ALTER TABLE rm_result_sheet ADD COLUMN status VARCHAR(16) DEFAULT 'OPEN' NOT NULL;
ALTER TABLE rm_component_score ADD COLUMN entry_event_id VARCHAR(255);

CREATE TABLE rm_component_mark (
    session_id     VARCHAR(64)  NOT NULL,
    candidate_id   VARCHAR(64)  NOT NULL,
    component_id   VARCHAR(64)  NOT NULL,
    mark_number    INT          NOT NULL,
    score          NUMERIC(9, 2) NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    submitter_id   VARCHAR(64)  NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    signed         BOOLEAN      NOT NULL,
    entry_event_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (session_id, candidate_id, component_id, mark_number)
);

CREATE TABLE rm_component_adjudication (
    session_id     VARCHAR(64)  NOT NULL,
    candidate_id   VARCHAR(64)  NOT NULL,
    component_id   VARCHAR(64)  NOT NULL,
    score          NUMERIC(9, 2) NOT NULL,
    actor_id       VARCHAR(64)  NOT NULL,
    adjudicated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (session_id, candidate_id, component_id)
);
