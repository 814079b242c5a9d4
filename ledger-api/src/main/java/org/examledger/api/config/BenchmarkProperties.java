package org.examledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that exist only to measure the ledger, under {@code ledger.benchmark.*}. Never for a
 * station: see {@link BenchmarkModeWarning} and docs/performance.md, "Baseline".
 *
 * @param integrity {@code on} (the default, and the only setting for real use) or {@code off}: with
 *     {@code off} the node checks no statement signature and seals nothing (no sequencer, no
 *     checkpoints), so that the load benchmark can measure what integrity costs
 */
@ConfigurationProperties("ledger.benchmark")
public record BenchmarkProperties(@DefaultValue("on") Integrity integrity) {

  /** The property that switches the baseline on; {@code off} only by an explicit setting. */
  public static final String INTEGRITY = "ledger.benchmark.integrity";

  public enum Integrity {
    ON,
    OFF
  }

  public boolean integrityOff() {
    return integrity == Integrity.OFF;
  }
}
