/**
 * History as auditors read it: every event of a session or a candidate's sheet in ledger order,
 * with who made it, whether its signature verifies against the key registry, its leaf index and
 * proof link; and a result sheet as of a past moment or log size, folded from the events.
 */
package org.examledger.api.history;
