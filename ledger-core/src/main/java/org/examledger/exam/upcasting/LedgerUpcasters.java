package org.examledger.exam.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the ledger's events, in the order they apply. */
public final class LedgerUpcasters {

  private LedgerUpcasters() {}

  /** The upcasters, oldest revision step first. */
  public static List<EventUpcaster> all() {
    return List.of(new CandidateNoticeReadEventUpcaster());
  }

  /** The chain the event storage engine runs every stored event through before handlers. */
  public static EventUpcasterChain chain() {
    return new EventUpcasterChain(all());
  }
}
