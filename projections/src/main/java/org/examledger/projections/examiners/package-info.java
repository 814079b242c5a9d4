/**
 * The examiner roster: who is registered as an examiner, their session assignments, the marks they
 * gave and a leniency index (how far above or below the other marks of the same components their
 * marks lie), with their standing and complaint history from the complaint views.
 */
package org.examledger.projections.examiners;
