package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;

/** Payload of {@value StatementTypes#SCORE_RECORD}; the subject is the sessionId. */
public record RecordScorePayload(String candidateId, String componentId, BigDecimal score) {

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static RecordScorePayload read(JsonNode payload) {
    PayloadReader r =
        new PayloadReader(payload, "payload", List.of("candidateId", "componentId", "score"));
    return new RecordScorePayload(r.text("candidateId"), r.text("componentId"), r.decimal("score"));
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("candidateId", candidateId)
        .put("componentId", componentId)
        .put("score", score.toPlainString());
  }
}
