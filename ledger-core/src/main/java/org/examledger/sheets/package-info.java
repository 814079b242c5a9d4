/**
 * Result sheets as plain values and as a fold over exam events: what the server's projection shows,
 * computed in memory, so that an auditor's offline replay and the server's "as of" views use the
 * same code (a property test in projections holds the fold equal to the JDBC projection).
 */
package org.examledger.sheets;
