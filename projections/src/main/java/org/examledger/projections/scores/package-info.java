/**
 * Result sheets: each registered candidate's current component scores, total and pass/fail, rebuilt
 * from session, registration and score events. Processing group {@code result-sheets}.
 */
package org.examledger.projections.scores;
