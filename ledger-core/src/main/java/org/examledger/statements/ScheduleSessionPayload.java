package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.examledger.exam.ExamType;
import org.examledger.exam.ScoreComponent;

/**
 * Payload of {@value StatementTypes#SESSION_SCHEDULE}; the statement's subject is the sessionId.
 */
public record ScheduleSessionPayload(
    String occupation,
    int level,
    ExamType examType,
    BigDecimal passMark,
    List<ScoreComponent> components,
    Instant startsAt,
    Instant endsAt) {

  private static final List<String> MEMBERS =
      List.of("occupation", "level", "examType", "passMark", "components", "startsAt", "endsAt");
  private static final List<String> COMPONENT_MEMBERS = List.of("componentId", "name", "maxScore");

  public ScheduleSessionPayload {
    components = List.copyOf(components);
  }

  /**
   * @throws StatementPayloadException naming the first member that is missing, unexpected or of the
   *     wrong type
   */
  public static ScheduleSessionPayload read(JsonNode payload) {
    PayloadReader r = new PayloadReader(payload, "payload", MEMBERS);
    JsonNode array = r.array("components");
    List<ScoreComponent> components = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      PayloadReader c =
          new PayloadReader(array.get(i), "payload.components[" + i + "]", COMPONENT_MEMBERS);
      components.add(
          new ScoreComponent(c.text("componentId"), c.text("name"), c.decimal("maxScore")));
    }
    return new ScheduleSessionPayload(
        r.text("occupation"),
        r.integer("level"),
        r.enumValue("examType", ExamType.class),
        r.decimal("passMark"),
        components,
        r.instant("startsAt"),
        r.instant("endsAt"));
  }

  /** The payload object a signer puts into the statement. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("occupation", occupation);
    node.put("level", level);
    node.put("examType", examType.name());
    node.put("passMark", passMark.toPlainString());
    ArrayNode array = node.putArray("components");
    for (ScoreComponent c : components) {
      array
          .addObject()
          .put("componentId", c.componentId())
          .put("name", c.name())
          .put("maxScore", c.maxScore().toPlainString());
    }
    node.put("startsAt", startsAt.toString());
    node.put("endsAt", endsAt.toString());
    return node;
  }
}
