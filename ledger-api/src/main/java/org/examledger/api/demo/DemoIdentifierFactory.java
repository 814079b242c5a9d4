package org.examledger.api.demo;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifier factory for this application (registered in META-INF/services): random UUIDs,
 * like Axon's default, except on a thread running {@link #deterministic}, where the n-th identifier
 * is a name-based UUID of a fixed label and n. The demo loader uses it so that event and message
 * identifiers, which every Merkle leaf commits to, are the same on every run.
 */
public final class DemoIdentifierFactory extends IdentifierFactory {

  private static final ThreadLocal<long[]> COUNTER = new ThreadLocal<>();

  @Override
  public String generateIdentifier() {
    long[] counter = COUNTER.get();
    if (counter == null) {
      return UUID.randomUUID().toString();
    }
    counter[0]++;
    return UUID.nameUUIDFromBytes(
            ("examledger demo season identifier " + counter[0]).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** Runs {@code work} on this thread with numbered identifiers, counting from 1. */
  static void deterministic(Runnable work) {
    COUNTER.set(new long[1]);
    try {
      work.run();
    } finally {
      COUNTER.remove();
    }
  }
}
