package org.examledger.exam;

/** The three kinds of appraisal a station runs (national unified, regular, high-tech). */
public enum ExamType {
  NATIONAL_UNIFIED,
  REGULAR,
  HIGH_TECH
}
