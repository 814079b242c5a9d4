package org.examledger.flags;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.examledger.exam.Provenance;

/**
 * Reads the fields every event record shares by name ({@code provenance}, {@code sessionId}, {@code
 * candidateId}, {@code componentId}), so that rules about any event (a bad signature, say) need not
 * list every event type. The server's history and flags and the offline replay read events with it
 * too.
 */
public final class EventFields {

  private EventFields() {}

  /** The event's provenance, or null when the payload is not an event record carrying one. */
  public static Provenance provenance(Object payload) {
    return field(payload, "provenance") instanceof Provenance p ? p : null;
  }

  /** A string field of the event record by name, or null when it has none (or it is null). */
  public static String string(Object payload, String name) {
    return field(payload, name) instanceof String s ? s : null;
  }

  /** The accessors of each record class by component name, looked up once per class. */
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          if (!type.isRecord()) {
            return Map.of();
          }
          Map<String, Method> accessors = new HashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            accessors.put(component.getName(), component.getAccessor());
          }
          return Map.copyOf(accessors);
        }
      };

  /** The names of the payload's record components that are null, among {@code names}. */
  static java.util.List<String> missing(Object payload, java.util.Collection<String> names) {
    Map<String, Method> accessors = ACCESSORS.get(payload.getClass());
    return names.stream()
        .filter(n -> accessors.containsKey(n) && field(payload, n) == null)
        .sorted()
        .toList();
  }

  private static Object field(Object payload, String name) {
    Method accessor = ACCESSORS.get(payload.getClass()).get(name);
    if (accessor == null) {
      return null;
    }
    try {
      return accessor.invoke(payload);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "cannot read "
              + name
              + " of "
              + payload.getClass().getSimpleName()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
