package org.examledger.verify;

import java.util.List;
import java.util.function.Consumer;
import org.examledger.ledger.StoredEvent;

/**
 * What a verifier reads, in the order it needs it. A database reader streams rows; an offline
 * bundle reads files. Each method hands every item to the consumer and returns when done; a failure
 * to read is thrown as whatever unchecked exception the source uses.
 */
public interface LedgerSource {

  /** The stored payload types of the key registry's events (their Java class names). */
  List<String> KEY_EVENT_TYPES = List.of(KeyHistory.REGISTERED, KeyHistory.REVOKED);

  /**
   * Every stored event of the key registry (registrations and revocations), in any order. These are
   * also delivered by {@link #entries}: here they only build the key history.
   */
  void keyEvents(Consumer<StoredEvent> consumer);

  /**
   * Every leaf with its event, by ascending leaf index, then every event that has no leaf. Each
   * leaf and each event appears exactly once.
   */
  void entries(Consumer<LedgerEntry> consumer);

  /** Every stored checkpoint, by ascending tree size. */
  void checkpoints(Consumer<StoredCheckpointNote> consumer);
}
