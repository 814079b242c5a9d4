package org.examledger.exam;

/** How the Candidate Notice (考生须知) was given to a room's candidates. */
public enum NoticeReadingMethod {
  /** A proctor read it aloud: the only way revision 1 of the notice event could record. */
  READ_ALOUD,
  /** A recording was played (e.g. a station-wide announcement) with a proctor present. */
  RECORDING_PLAYED
}
