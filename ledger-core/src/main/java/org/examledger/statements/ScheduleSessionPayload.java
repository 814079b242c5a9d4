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
    List<String> rooms,
    Instant startsAt,
    Instant endsAt) {

  private static final List<String> MEMBERS =
      List.of(
          "occupation",
          "level",
          "examType",
          "passMark",
          "components",
          "rooms",
          "startsAt",
          "endsAt");
  private static final List<String> COMPONENT_MEMBERS = List.of("componentId", "name", "maxScore");
  private static final List<String> COMPONENT_OPTIONAL = List.of("doubleMarkingTolerance");

  public ScheduleSessionPayload {
    components = List.copyOf(components);
    rooms = List.copyOf(rooms);
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
          new PayloadReader(
              array.get(i), "payload.components[" + i + "]", COMPONENT_MEMBERS, COMPONENT_OPTIONAL);
      components.add(
          new ScoreComponent(
              c.text("componentId"),
              c.text("name"),
              c.decimal("maxScore"),
              c.has("doubleMarkingTolerance") ? c.decimal("doubleMarkingTolerance") : null));
    }
    JsonNode roomArray = r.array("rooms");
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < roomArray.size(); i++) {
      if (!roomArray.get(i).isTextual()) {
        throw new StatementPayloadException(
            "payload.rooms[" + i + "]",
            "payload.rooms[" + i + "]: expected a string, found " + roomArray.get(i));
      }
      rooms.add(roomArray.get(i).textValue());
    }
    return new ScheduleSessionPayload(
        r.text("occupation"),
        r.integer("level"),
        r.enumValue("examType", ExamType.class),
        r.decimal("passMark"),
        components,
        rooms,
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
      ObjectNode component =
          array
              .addObject()
              .put("componentId", c.componentId())
              .put("name", c.name())
              .put("maxScore", c.maxScore().toPlainString());
      if (c.doubleMarked()) {
        component.put("doubleMarkingTolerance", c.doubleMarkingTolerance().toPlainString());
      }
    }
    ArrayNode roomArray = node.putArray("rooms");
    rooms.forEach(roomArray::add);
    node.put("startsAt", startsAt.toString());
    node.put("endsAt", endsAt.toString());
    return node;
  }
}
