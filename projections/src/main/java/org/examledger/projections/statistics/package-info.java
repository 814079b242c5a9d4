/**
 * A station's year in numbers, like its annual work summary: candidates and their growth over the
 * year before, sessions by exam type, occupations, published results and the pass rate, examiners
 * active, and the complaint figures.
 */
package org.examledger.projections.statistics;
