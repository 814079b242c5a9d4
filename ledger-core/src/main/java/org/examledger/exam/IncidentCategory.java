package org.examledger.exam;

/** Incident categories: candidate, staff, environment, technical, other. */
public enum IncidentCategory {
  CANDIDATE_IDENTITY,
  CANDIDATE_BEHAVIOUR,
  CANDIDATE_COMPLAINT,
  STAFF_COMPLIANCE,
  STAFF_ERROR,
  ENVIRONMENT,
  TECHNICAL,
  OTHER
}
