package org.examledger.api.flags;

import java.math.BigDecimal;
import java.time.Duration;
import org.examledger.flags.FlagThresholds;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The flag thresholds, under {@code ledger.flags.*} (docs/flags.md); defaults are the brief's.
 *
 * @param cureWindow how long an unsigned change may wait for its countersignature
 * @param passMarkWindow points at or above the pass mark that a lifted total must land within
 */
@ConfigurationProperties("ledger.flags")
public record FlagProperties(
    @DefaultValue("24h") Duration cureWindow,
    @DefaultValue("5") BigDecimal passMarkWindow,
    @DefaultValue RepeatedEdits repeatedEdits) {

  /**
   * @param count corrections of one mark that flag it
   * @param delta total movement of one mark (points) beyond which it is flagged
   */
  public record RepeatedEdits(@DefaultValue("3") int count, @DefaultValue("10") BigDecimal delta) {}

  FlagThresholds thresholds() {
    return new FlagThresholds(
        cureWindow, passMarkWindow, repeatedEdits.count(), repeatedEdits.delta());
  }
}
