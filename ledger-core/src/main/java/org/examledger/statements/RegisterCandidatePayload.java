package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Payload of {@value StatementTypes#CANDIDATE_REGISTER}; the subject is the sessionId. */
public record RegisterCandidatePayload(String candidateId) {

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static RegisterCandidatePayload read(JsonNode payload) {
    PayloadReader r = new PayloadReader(payload, "payload", List.of("candidateId"));
    return new RegisterCandidatePayload(r.text("candidateId"));
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("candidateId", candidateId);
  }
}
