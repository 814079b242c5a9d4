package org.examledger.exam.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.NoticeReadingMethod;

/**
 * {@link CandidateNoticeReadEvent} revision 1 to revision 2: adds {@code method} as {@code
 * READ_ALOUD}, the only way revision 1 could record (its command read "the Notice was read aloud").
 * The other members pass through unchanged, in their stored order.
 */
public final class CandidateNoticeReadEventUpcaster extends SingleEventUpcaster {

  static final SimpleSerializedType REVISION_1 =
      new SimpleSerializedType(CandidateNoticeReadEvent.class.getName(), "1");
  static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(CandidateNoticeReadEvent.class.getName(), "2");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return REVISION_1.equals(representation.getType());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        REVISION_2, JsonNode.class, CandidateNoticeReadEventUpcaster::revision2);
  }

  /** The revision-2 payload of a revision-1 payload (a copy; the input is not changed). */
  static JsonNode revision2(JsonNode revision1) {
    if (!(revision1 instanceof ObjectNode stored)) {
      throw new IllegalArgumentException(
          "a CandidateNoticeReadEvent revision 1 payload must be a JSON object, found "
              + revision1.getNodeType());
    }
    ObjectNode upcast = stored.objectNode();
    // the member order of the revision-2 record, so the form equals what revision 2 stores
    for (Map.Entry<String, JsonNode> member : stored.properties()) {
      upcast.set(member.getKey(), member.getValue().deepCopy());
      if (member.getKey().equals("room")) {
        upcast.put("method", NoticeReadingMethod.READ_ALOUD.name());
      }
    }
    if (!upcast.has("method")) {
      upcast.put("method", NoticeReadingMethod.READ_ALOUD.name());
    }
    return upcast;
  }
}
