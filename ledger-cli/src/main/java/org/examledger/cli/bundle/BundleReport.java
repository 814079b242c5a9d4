package org.examledger.cli.bundle;

import java.util.List;

/**
 * What an offline verification found.
 *
 * @param logKey the log verifier key checkpoints were checked with
 * @param logKeyPinned whether the caller gave that key; false: taken from the bundle itself, which
 *     proves only that the bundle is self-consistent
 * @param checkpoints the tree sizes of the bundled checkpoints
 * @param events the events in the bundle (key registry events included)
 * @param signed events whose envelope verified
 * @param unsigned events without an envelope (unsigned entries, counted, not failed)
 * @param keys key registrations found among the events
 */
public record BundleReport(
    String selection,
    String logKey,
    boolean logKeyPinned,
    int witnessThreshold,
    List<Long> checkpoints,
    int events,
    int signed,
    int unsigned,
    int keys,
    List<Finding> findings) {

  public BundleReport {
    checkpoints = List.copyOf(checkpoints);
    findings = List.copyOf(findings);
  }

  public boolean ok() {
    return findings.isEmpty();
  }
}
