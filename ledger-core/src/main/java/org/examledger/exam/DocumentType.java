package org.examledger.exam;

/** Documents a candidate presents. */
public enum DocumentType {
  ID_CARD,
  ADMISSION_TICKET,
  STUDENT_CARD,
  OTHER
}
