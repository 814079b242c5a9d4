/**
 * Verification of a whole ledger from what is stored: every leaf recomputed from its event, the
 * Merkle tree rebuilt, every signed checkpoint checked against it, every actor signature re-checked
 * against the key history. Plain Java; the stored data arrives through {@link
 * org.examledger.verify.LedgerSource}, so a database reader and an offline bundle can both feed it.
 */
package org.examledger.verify;
