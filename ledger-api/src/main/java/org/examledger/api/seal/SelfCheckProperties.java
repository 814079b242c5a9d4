package org.examledger.api.seal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The log's self-check, under {@code ledger.self-check.*} (docs/operations.md, "Self-check").
 *
 * @param interval how often each node checks that every stored event has a leaf and every leaf an
 *     event
 * @param maxUnsealedAge an event still without a leaf this long after its timestamp makes the check
 *     fail (the sequencer seals within about a second, the catch-up sweep within its interval)
 * @param lookback how far back (by the check's own earlier runs) the quick check recounts events
 *     and leaves: it must exceed the longest database transaction, since a transaction that commits
 *     late fills a hole of the global index that far back
 * @param fullCheckInterval how often the check counts the whole log instead of the recent window
 *     (it always does on its first run after start)
 */
@ConfigurationProperties("ledger.self-check")
public record SelfCheckProperties(
    @DefaultValue("1m") Duration interval,
    @DefaultValue("5m") Duration maxUnsealedAge,
    @DefaultValue("10m") Duration lookback,
    @DefaultValue("1d") Duration fullCheckInterval) {}
