package org.examledger.api.complaints;

import org.examledger.keys.ActorRole;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sanction policy, under {@code ledger.complaints.*} (docs/complaints.md). Defaults are the
 * brief's: six months, the station administrator, then the guidance centre's supervisor.
 *
 * @param suspensionPeriod ISO-8601 period (P6M) or duration (PT30S)
 */
@ConfigurationProperties("ledger.complaints")
public record ComplaintProperties(
    @DefaultValue("P6M") String suspensionPeriod,
    @DefaultValue("STATION_ADMIN") ActorRole stationApprover,
    @DefaultValue("SUPERVISOR") ActorRole upperLevelApprover) {}
