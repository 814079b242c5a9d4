/**
 * Sealing the ledger: the sequencer that gives every stored event a contiguous leaf of the Merkle
 * log (in the transaction that advances its token), the publisher of signed C2SP checkpoints, and
 * the reads auditors and witnesses need (proofs, entries, cosignatures).
 */
package org.examledger.api.seal;
