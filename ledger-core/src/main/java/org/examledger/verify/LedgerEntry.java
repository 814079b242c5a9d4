package org.examledger.verify;

import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.Hash;

/**
 * One row of the pairing of leaves with events: a leaf and its event, a leaf whose event is gone,
 * or an event that has no leaf.
 *
 * @param leafIndex the stored leaf index, or null for an event without a leaf
 * @param leafEventId the event identifier the leaf names, or null for an event without a leaf
 * @param leafHash the stored leaf hash, or null for an event without a leaf
 * @param event the stored event, or null when the leaf names an event that is not stored
 */
public record LedgerEntry(Long leafIndex, String leafEventId, Hash leafHash, StoredEvent event) {

  public LedgerEntry {
    if (leafIndex == null && event == null) {
      throw new IllegalArgumentException("an entry holds a leaf, an event, or both");
    }
    if (leafIndex != null && (leafEventId == null || leafHash == null)) {
      throw new IllegalArgumentException("a leaf needs its event identifier and its hash");
    }
  }

  /** The event identifier this entry is about: the leaf's, or the event's when it has no leaf. */
  public String eventId() {
    return leafEventId != null ? leafEventId : event.eventIdentifier();
  }
}
