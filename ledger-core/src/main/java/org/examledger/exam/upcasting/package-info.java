/**
 * Axon upcasters: they show stored events of an older revision to handlers (aggregates,
 * projections, history) in the current revision. They change nothing stored: the event table keeps
 * the bytes an older version wrote, and each leaf of the Merkle log covers those bytes (ADR 0019).
 */
package org.examledger.exam.upcasting;
