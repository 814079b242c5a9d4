package org.examledger.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may ask of the service, under {@code ledger.limits.*}
 * (docs/security.md). The size of one statement is admission's ({@code
 * ledger.admission.max-statement-bytes}).
 *
 * @param maxRequestBytes the largest request body; larger ones get 413 before they are read
 * @param writesPerSecond how many writes (POST) one caller may make per second; 0 for no limit
 * @param maxPageSize the most rows one list request returns
 */
@ConfigurationProperties("ledger.limits")
public record LimitProperties(
    @DefaultValue("1MB") DataSize maxRequestBytes,
    @DefaultValue("200") int writesPerSecond,
    @DefaultValue("1000") int maxPageSize) {}
