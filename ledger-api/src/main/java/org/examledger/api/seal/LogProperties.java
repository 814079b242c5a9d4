package org.examledger.api.seal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Merkle log's settings, under {@code ledger.log.*} (docs/operations.md, "Merkle log").
 *
 * @param origin the checkpoint origin line, also the log key's name (tlog-checkpoint "Note text")
 * @param keyFile the log's Ed25519 PKCS#8 PEM signing key; {@code <ledger.data-dir>/keys/
 *     log-ed25519.pem} when unset; created with owner-only permissions if absent
 * @param checkpointInterval how often the publisher looks for growth and signs
 * @param witnesses verifier keys (vkey strings, type 0x04 cosignature/v1) of the witnesses whose
 *     cosignatures the log accepts and serves
 * @param sequencerBatchSize events the sequencer handles per transaction
 * @param catchUpInterval how often every node looks for committed events the tracking processor
 *     passed over (an Axon gap given up on) and sequences them
 * @param maxEntries the largest page of {@code GET /api/v1/log/entries} and {@code
 *     /aggregates/{aggregateId}/entries}
 * @param bulkMaxUnsequenced the most events stored ahead of the log before a bulk submission waits
 *     for the sequencer ({@link BulkPacing}); 0 for never
 * @param bulkMaxWait the longest a bulk submission waits for the sequencer before it goes on
 * @param sequencerLinger when above zero, the sequencer reads the store through a read-ahead stream
 *     that, once an event is there, waits this long for more before the sequencer takes them
 *     (unless a batch's worth came first): fewer, larger transactions under single writes, each
 *     event's leaf later by about this long (ReadAheadEventSource); zero reads the store directly
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(
    @DefaultValue("examledger.local/ledger") String origin,
    Path keyFile,
    @DefaultValue("1s") Duration checkpointInterval,
    @DefaultValue List<String> witnesses,
    @DefaultValue("100") int sequencerBatchSize,
    @DefaultValue("1m") Duration catchUpInterval,
    @DefaultValue("1000") int maxEntries,
    @DefaultValue("2000") long bulkMaxUnsequenced,
    @DefaultValue("5s") Duration bulkMaxWait,
    @DefaultValue("100ms") Duration sequencerLinger) {}
