/**
 * RFC 6962 / RFC 9162 Merkle tree for the ledger: leaf and node hashing, an append-only log that
 * keeps only a compact range in memory and writes completed subtree hashes to a {@link
 * org.examledger.merkle.NodeStore}, and a verifier for inclusion and consistency proofs.
 */
package org.examledger.merkle;
