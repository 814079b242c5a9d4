/**
 * Digests, public keys and signatures for the ledger: Ed25519 (RFC 8032) by default, SM2-with-SM3
 * (GM/T 0003, GM/T 0009) as the national-standard option. Callers see only algorithm-neutral types;
 * {@link org.examledger.crypto.Verifiers} is the one place that picks the algorithm.
 */
package org.examledger.crypto;
