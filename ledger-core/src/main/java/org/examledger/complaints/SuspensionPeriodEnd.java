package org.examledger.complaints;

import java.time.Instant;

/** The payload of the persistent deadline that ends a suspension period. */
public record SuspensionPeriodEnd(String complaintId, Instant suspendedUntil) {}
