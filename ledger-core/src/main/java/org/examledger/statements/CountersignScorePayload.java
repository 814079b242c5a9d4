package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * Payload of {@value StatementTypes#SCORE_COUNTERSIGN}; the subject is the sessionId. Names the
 * unsigned entry by its event id and repeats its values, which the examiner thereby signs.
 */
public record CountersignScorePayload(
    String eventId, String candidateId, String componentId, BigDecimal score) {

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static CountersignScorePayload read(JsonNode payload) {
    PayloadReader r =
        new PayloadReader(
            payload, "payload", List.of("eventId", "candidateId", "componentId", "score"));
    return new CountersignScorePayload(
        r.text("eventId"), r.text("candidateId"), r.text("componentId"), r.decimal("score"));
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("eventId", eventId)
        .put("candidateId", candidateId)
        .put("componentId", componentId)
        .put("score", score.toPlainString());
  }
}
