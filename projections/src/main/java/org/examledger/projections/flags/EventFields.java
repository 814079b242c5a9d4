package org.examledger.projections.flags;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.examledger.exam.Provenance;

/**
 * Reads the fields every event record shares by name ({@code provenance}, {@code sessionId}, {@code
 * candidateId}, {@code componentId}), so that rules about any event (a bad signature, say) need not
 * list every event type.
 */
final class EventFields {

  private EventFields() {}

  static Provenance provenance(Object payload) {
    return field(payload, "provenance") instanceof Provenance p ? p : null;
  }

  static String string(Object payload, String name) {
    return field(payload, name) instanceof String s ? s : null;
  }

  private static Object field(Object payload, String name) {
    Class<?> type = payload.getClass();
    if (!type.isRecord()) {
      return null;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(name)) {
        try {
          return component.getAccessor().invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(
              "cannot read " + name + " of " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
      }
    }
    return null;
  }
}
