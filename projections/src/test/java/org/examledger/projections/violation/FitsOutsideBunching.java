package org.examledger.projections.violation;

import org.apache.commons.math3.stat.descriptive.moment.Mean;

/** A read-model class that reaches for Commons Math: the bunching boundary rule must reject it. */
public final class FitsOutsideBunching {

  private FitsOutsideBunching() {}

  /** The mean, computed with Commons Math outside the bunching package. */
  public static double mean(double... values) {
    return new Mean().evaluate(values);
  }
}
