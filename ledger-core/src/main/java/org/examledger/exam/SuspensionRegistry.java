package org.examledger.exam;

import java.time.Instant;

/**
 * Answers whether an examiner was suspended at a moment. Suspensions are decided by the complaint
 * workflow; the aggregate asks through this interface so that it stays ignorant of how they are
 * stored.
 */
public interface SuspensionRegistry {

  boolean isSuspended(String personId, Instant at);
}
