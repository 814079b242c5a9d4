package org.examledger.api.config;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's settings, under {@code ledger.*} (see application.yml and docs/operations.md).
 *
 * @param dataDir where the embedded database keeps its files
 * @param nodeId this node's name in the token store; two nodes must never share one
 * @param eventStore Axon JDBC storage tuning
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
    @DefaultValue("./data") Path dataDir, String nodeId, @DefaultValue EventStore eventStore) {

  public LedgerProperties {
    if (nodeId == null || nodeId.isBlank()) {
      // pid@host: unique per process on one machine, readable in token_entry.owner
      nodeId = ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  /**
   * @param batchSize events read per query by processors and the sequencer (500 since 2026-11-29:
   *     faster first rebuilds and a sequencer that kept up in bulk; docs/performance.md)
   * @param gapTimeout how long a hole in the global index is waited for before it is given up
   * @param maxGapOffset how far behind the head holes are tracked
   * @param claimTimeout after this long without a heartbeat another node may take a segment over
   * @param aggregateCacheSize how many exam sessions a node keeps loaded between commands (each is
   *     checked against the store before use; see CheckedCachingRepository); 0 turns the cache off
   * @param projectionReadAhead events each tracking projection's stream reads and deserializes
   *     ahead of its processor, on a thread of its own (ReadAheadEventSource)
   * @param projectionLinger how long a tracking projection's read-ahead, once an event is there,
   *     waits for more before its processor takes them (unless a chunk's worth came first): fewer,
   *     larger transactions under single writes, each projection later by at most this long
   */
  public record EventStore(
      @DefaultValue("500") int batchSize,
      @DefaultValue("10m") Duration gapTimeout,
      @DefaultValue("10000") int maxGapOffset,
      @DefaultValue("10s") Duration claimTimeout,
      @DefaultValue("2000") int aggregateCacheSize,
      @DefaultValue("1000") int projectionReadAhead,
      @DefaultValue("100ms") Duration projectionLinger) {}
}
