/**
 * Statistical bunching at the pass mark: a Chetty-style estimator that fits a polynomial to the
 * score histogram outside a window around the cutoff and reports the excess mass just above it, the
 * missing mass just below it and the share of just-failing scores that were lifted, with bootstrap
 * standard errors. Pure and deterministic (seeded); see {@code docs/bunching.md}.
 */
package org.examledger.projections.bunching;
