package org.examledger.statements;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.examledger.exam.Provenance;

/**
 * Binds a statement payload to a command record whose first component is the statement's subject
 * (the aggregate's id: {@code sessionId}, {@code complaintId}), whose {@code provenance} comes from
 * admission, and whose other components are the payload's members. Strict like {@link
 * PayloadReader}: unknown members are refused, decimals travel as strings, integers must be
 * integral; a member left out is {@code null} and the aggregate names it as missing.
 */
public final class RecordPayloads {

  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?");
  private static final String PROVENANCE = "provenance";
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  private RecordPayloads() {}

  /** The payload members a statement of this command carries, in record order. */
  public static List<String> members(Class<? extends Record> command) {
    return Arrays.stream(command.getRecordComponents())
        .skip(1)
        .map(RecordComponent::getName)
        .filter(n -> !n.equals(PROVENANCE))
        .toList();
  }

  /** The name of the component the statement's subject fills: the command's first. */
  public static String subjectMember(Class<? extends Record> command) {
    return command.getRecordComponents()[0].getName();
  }

  /**
   * @throws StatementPayloadException naming the first member that is unexpected or ill-typed
   */
  public static <R extends Record> R bind(
      Class<R> command, String subject, JsonNode payload, Provenance provenance) {
    if (payload == null || !payload.isObject()) {
      throw new StatementPayloadException("payload", "payload: expected a JSON object");
    }
    List<String> members = members(command);
    TreeSet<String> unexpected = new TreeSet<>();
    for (Iterator<String> it = payload.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!members.contains(name)) {
        unexpected.add(name);
      }
    }
    if (!unexpected.isEmpty()) {
      throw new StatementPayloadException(
          "payload." + unexpected.first(),
          "payload."
              + unexpected.first()
              + " is not a member of this payload; expected only "
              + String.join(", ", members));
    }
    RecordComponent[] components = command.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      args[i] =
          i == 0
              ? subject
              : c.getName().equals(PROVENANCE) ? provenance : value(c, payload.get(c.getName()));
    }
    try {
      Constructor<R> constructor = command.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new StatementPayloadException("payload", "payload: " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(command + " is not a bindable command record", e);
    }
  }

  private static Object value(RecordComponent c, JsonNode node) {
    String where = "payload." + c.getName();
    if (node == null || node.isNull()) {
      if (c.getType().isPrimitive()) {
        throw new StatementPayloadException(where, where + " is missing");
      }
      return null;
    }
    if (c.getType() == BigDecimal.class) {
      if (!node.isTextual() || !DECIMAL.matcher(node.textValue()).matches()) {
        throw new StatementPayloadException(
            where, where + ": expected a decimal as a string, e.g. \"48.5\", found " + node);
      }
      return new BigDecimal(node.textValue());
    }
    if (c.getType() == int.class) {
      if (!node.canConvertToExactIntegral() || !node.canConvertToInt()) {
        throw new StatementPayloadException(where, where + ": expected an integer, found " + node);
      }
      return node.asInt();
    }
    if (c.getType() == String.class && !node.isTextual()) {
      throw new StatementPayloadException(where, where + ": expected a string, found " + node);
    }
    try {
      JavaType type = STRICT.getTypeFactory().constructType(c.getGenericType());
      return STRICT.readerFor(type).readValue(node);
    } catch (java.io.IOException e) {
      throw new StatementPayloadException(
          where, where + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
    }
  }
}
