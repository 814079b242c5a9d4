package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;

/**
 * Payload of {@value StatementTypes#CANDIDATE_REGISTER}; the statement's subject is the sessionId.
 * Identity documents travel only as keyed hashes with a short suffix ({@link DocumentRef#keyed}).
 */
public record RegisterCandidatePayload(
    String candidateId, String room, Eligibility eligibility, List<DocumentRef> documents) {

  private static final List<String> MEMBERS =
      List.of("candidateId", "room", "eligibility", "documents");
  private static final List<String> ELIGIBILITY = List.of("qualification", "trainingRecord");
  private static final List<String> DOCUMENT = List.of("type", "keyedHash", "suffix");

  public RegisterCandidatePayload {
    documents = List.copyOf(documents);
  }

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static RegisterCandidatePayload read(JsonNode payload) {
    PayloadReader r = new PayloadReader(payload, "payload", MEMBERS);
    PayloadReader e =
        new PayloadReader(payload.get("eligibility"), "payload.eligibility", ELIGIBILITY);
    JsonNode array = r.array("documents");
    List<DocumentRef> documents = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      PayloadReader d = new PayloadReader(array.get(i), "payload.documents[" + i + "]", DOCUMENT);
      documents.add(
          new DocumentRef(
              d.enumValue("type", DocumentType.class), d.text("keyedHash"), d.text("suffix")));
    }
    return new RegisterCandidatePayload(
        r.text("candidateId"),
        r.text("room"),
        new Eligibility(e.text("qualification"), e.text("trainingRecord")),
        documents);
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("candidateId", candidateId);
    node.put("room", room);
    node.putObject("eligibility")
        .put("qualification", eligibility.qualification())
        .put("trainingRecord", eligibility.trainingRecord());
    ArrayNode array = node.putArray("documents");
    for (DocumentRef d : documents) {
      array
          .addObject()
          .put("type", d.type().name())
          .put("keyedHash", d.keyedHash())
          .put("suffix", d.suffix());
    }
    return node;
  }
}
