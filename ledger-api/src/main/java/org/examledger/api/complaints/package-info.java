/**
 * Wiring of the complaint workflow: the case aggregate with its persistent deadlines
 * (db-scheduler), the sanction policy from configuration, key roles from the registry, the
 * suspension registry the exam domain consults, and the supervisors' read endpoints.
 */
package org.examledger.api.complaints;
