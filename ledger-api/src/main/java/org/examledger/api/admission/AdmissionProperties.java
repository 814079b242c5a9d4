package org.examledger.api.admission;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Admission settings, under {@code ledger.admission.*} (docs/operations.md).
 *
 * @param maxSkew how far a statement's issuedAt may be from the server's clock, either way
 * @param unsignedAllowedTypes statement types that may arrive without a signature (transcribed from
 *     paper by a clerk); everything else must be signed
 * @param maxStatementBytes the largest statement (its JSON as sent); larger ones are refused with
 *     413 before they are parsed
 */
@ConfigurationProperties("ledger.admission")
public record AdmissionProperties(
    @DefaultValue("5m") Duration maxSkew,
    @DefaultValue("exam.score.record/v1") Set<String> unsignedAllowedTypes,
    @DefaultValue("64KB") DataSize maxStatementBytes) {

  public AdmissionProperties {
    unsignedAllowedTypes = Set.copyOf(unsignedAllowedTypes);
  }
}
