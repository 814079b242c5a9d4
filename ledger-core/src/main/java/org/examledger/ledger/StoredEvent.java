package org.examledger.ledger;

import java.util.Objects;
import org.examledger.bytes.Bytes;

/**
 * One row of the event table ({@code domain_event_entry}) exactly as stored, without the global
 * index (the event store's position, which the leaf deliberately does not commit to: the leaf index
 * is the log's own numbering).
 *
 * @param eventIdentifier {@code event_identifier}, unique
 * @param aggregateType {@code type}, may be null
 * @param aggregateIdentifier {@code aggregate_identifier}
 * @param sequenceNumber {@code sequence_number} within the aggregate
 * @param payloadType {@code payload_type}, the event's class name
 * @param payloadRevision {@code payload_revision}, may be null
 * @param timestamp {@code time_stamp}, the ISO-8601 text Axon stores
 * @param payload {@code payload}, the stored bytes (UTF-8 JSON written by Jackson)
 * @param metaData {@code meta_data}, the stored bytes (UTF-8 JSON), may be null
 */
public record StoredEvent(
    String eventIdentifier,
    String aggregateType,
    String aggregateIdentifier,
    long sequenceNumber,
    String payloadType,
    String payloadRevision,
    String timestamp,
    Bytes payload,
    Bytes metaData) {

  public StoredEvent {
    Objects.requireNonNull(eventIdentifier, "eventIdentifier");
    Objects.requireNonNull(aggregateIdentifier, "aggregateIdentifier");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(payload, "payload");
  }
}
