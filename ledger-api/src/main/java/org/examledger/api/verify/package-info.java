/**
 * {@code ./ledger verify}: reads the configured instance's database with plain JDBC (no application
 * context, nothing written) and runs the integrity library's {@link
 * org.examledger.verify.LedgerVerifier} over it.
 */
package org.examledger.api.verify;
