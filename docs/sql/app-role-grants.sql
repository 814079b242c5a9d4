-- Grants for the service's database role on PostgreSQL (docs/operations.md). Run as the schema
-- owner or a superuser after the migrations, with :app replaced by the role's name.
-- PostgresGrantsIT runs this very file and then the service as that role.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :app;
-- The evidence: insert and read, nothing else (the triggers refuse the rest even to the owner).
GRANT SELECT, INSERT ON domain_event_entry, admitted_statement TO :app;
-- The Merkle log's evidence likewise; only the sequencer's running state is ever updated.
GRANT SELECT, INSERT ON ledger_leaf, ledger_merkle_node, ledger_checkpoint, ledger_cosignature
    TO :app;
GRANT SELECT, UPDATE ON ledger_log_state TO :app;
-- Axon's bookkeeping and the projections, which the service keeps current.
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, saga_entry,
    association_value_entry, rm_session, rm_session_component, rm_result_sheet,
    rm_component_score, rm_component_mark, rm_component_adjudication, registry_key,
    rm_suspension, rm_complaint, rm_complaint_step, rm_complaint_evidence, rm_suspended_statement,
    rm_examiner_marking, rm_examiner, rm_examiner_assignment, rm_roster_component, rm_roster_mark,
    rm_stat_session, rm_stat_candidate TO :app;
-- Accounts: added and disabled (never deleted) by ./ledger user and the demo.
GRANT SELECT, INSERT, UPDATE ON ledger_account TO :app;
-- db-scheduler's persistent deadlines: the scheduler claims, reschedules and deletes its rows.
GRANT SELECT, INSERT, UPDATE, DELETE ON scheduled_tasks TO :app;
GRANT SELECT ON flyway_schema_history TO :app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO :app;
