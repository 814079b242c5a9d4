/**
 * The flags on the server: ledger-core's flag engine over every exam and complaint event in the
 * event store, each with its signature re-verified against the key registry, thresholds from {@code
 * ledger.flags.*}; recomputed when the ledger has grown, otherwise served from memory.
 */
package org.examledger.api.flags;
