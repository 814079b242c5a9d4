/**
 * The complaint workflow's read models: who is suspended (consulted by the domain when staff are
 * assigned or sign), and the supervisors' views (open cases with their age, a person's complaint
 * and sanction history, complaint counts and rates per examiner and per station year).
 */
package org.examledger.projections.complaints;
