package org.examledger.exam;

/** Why a score was changed; OTHER needs a free-text explanation. */
public enum CorrectionReason {
  MARKING_ERROR,
  ADDITION_ERROR,
  REMARK_AFTER_REVIEW,
  TRANSCRIPTION_ERROR,
  OTHER
}
