/**
 * Deliberate violations of the projections' dependency rules, so that the boundary tests can prove
 * their rules fire. Test code only; never imported by the build's own checks.
 */
package org.examledger.projections.violation;
