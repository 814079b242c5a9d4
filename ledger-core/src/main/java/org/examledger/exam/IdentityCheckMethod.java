package org.examledger.exam;

/** How a proctor checked a candidate's identity. */
public enum IdentityCheckMethod {
  VISUAL,
  CARD_READER,
  PHOTO_MATCH
}
