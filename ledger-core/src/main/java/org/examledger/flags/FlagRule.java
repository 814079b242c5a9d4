package org.examledger.flags;

import java.util.List;

/** One rule of the brief's section 5: reads the whole log and returns its flags. */
interface FlagRule {

  /** The kebab-case identifier every flag of this rule carries. */
  String id();

  List<Flag> evaluate(EventLog log, FlagThresholds thresholds);
}
