package org.examledger.statements;

import java.util.LinkedHashMap;
import java.util.Map;
import org.examledger.reviews.AcknowledgeFlagCommand;
import org.examledger.reviews.ResolveFlagCommand;

/**
 * A supervisor's flag reviews, bound like the other generic families by {@link RecordPayloads}: the
 * subject is the flag's identifier (docs/flags.md), the payload the command's other members.
 */
public final class ReviewStatements {

  public static final Map<String, Class<? extends Record>> COMMANDS = commands();

  private ReviewStatements() {}

  private static Map<String, Class<? extends Record>> commands() {
    Map<String, Class<? extends Record>> m = new LinkedHashMap<>();
    m.put("flag.acknowledge/v1", AcknowledgeFlagCommand.class);
    m.put("flag.resolve/v1", ResolveFlagCommand.class);
    return Map.copyOf(m);
  }
}
