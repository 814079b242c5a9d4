/**
 * Complaints and sanctions (the zero-complaint rule): a complaint about an examiner or proctor is
 * filed, investigated by a guidance-centre supervisor and decided; a verified complaint suspends
 * the person for a configured period, after which they await reinstatement, which needs a written
 * self-criticism and approvals by the station and then the upper level. One aggregate per case.
 */
package org.examledger.complaints;
