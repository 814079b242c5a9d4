-- Persistent deadlines (ADR 0018): db-scheduler's table, which Axon's DbSchedulerDeadlineManager
-- uses for the end of a suspension period. A deadline set on one node fires on any node, after a
-- restart too. Not evidence: the scheduler updates and deletes its rows; what a deadline does is an
-- event in the ledger. Schema as db-scheduler 16 documents it for this database.
CREATE TABLE scheduled_tasks (
    task_name            varchar(1000) NOT NULL,
    task_instance        varchar(1000) NOT NULL,
    task_data            blob,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            varchar(1000),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx
    ON scheduled_tasks (priority DESC, execution_time ASC);
