package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Reads one JSON object of a payload strictly: only the listed members, each of its type. */
final class PayloadReader {

  // Decimals travel as strings (RFC 8785 section 3.2.2.3 advises strings for numbers that must
  // keep their decimal value); plain notation only, so one value has one spelling per scale.
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]{0,8})(\\.[0-9]{1,6})?");

  private final JsonNode node;
  private final String path;

  PayloadReader(JsonNode node, String path, List<String> members) {
    this(node, path, members, List.of());
  }

  /** {@code optional} members may be absent; every other member is required. */
  PayloadReader(JsonNode node, String path, List<String> members, List<String> optional) {
    if (node == null || !node.isObject()) {
      throw new StatementPayloadException(
          path,
          path
              + ": expected a JSON object, found "
              + (node == null ? "nothing" : node.getNodeType()));
    }
    this.node = node;
    this.path = path;
    TreeSet<String> unexpected = new TreeSet<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!members.contains(name) && !optional.contains(name)) {
        unexpected.add(name);
      }
    }
    if (!unexpected.isEmpty()) {
      throw new StatementPayloadException(
          where(unexpected.first()),
          where(unexpected.first())
              + " is not a member of this payload; expected only "
              + String.join(", ", members)
              + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", optional)));
    }
    for (String member : members) {
      if (!node.has(member)) {
        throw new StatementPayloadException(where(member), where(member) + " is missing");
      }
    }
  }

  String where(String member) {
    return path + "." + member;
  }

  String text(String member) {
    JsonNode value = node.get(member);
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw wrong(member, "a non-empty string", value);
    }
    return value.textValue();
  }

  int integer(String member) {
    JsonNode value = node.get(member);
    if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
      throw wrong(member, "an integer", value);
    }
    return value.asInt();
  }

  BigDecimal decimal(String member) {
    JsonNode value = node.get(member);
    if (!value.isTextual() || !DECIMAL.matcher(value.textValue()).matches()) {
      throw wrong(member, "a decimal as a string, e.g. \"48.5\"", value);
    }
    return new BigDecimal(value.textValue());
  }

  boolean has(String member) {
    return node.has(member) && !node.get(member).isNull();
  }

  Instant instant(String member) {
    JsonNode value = node.get(member);
    if (value.isTextual() && value.textValue().endsWith("Z")) {
      try {
        return Instant.parse(value.textValue());
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw wrong(member, "an RFC 3339 UTC date-time, e.g. \"2026-06-01T01:00:00Z\"", value);
  }

  <E extends Enum<E>> E enumValue(String member, Class<E> type) {
    String text = text(member);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    throw wrong(member, "one of " + List.of(type.getEnumConstants()), node.get(member));
  }

  JsonNode array(String member) {
    JsonNode value = node.get(member);
    if (!value.isArray()) {
      throw wrong(member, "an array", value);
    }
    return value;
  }

  private StatementPayloadException wrong(String member, String expected, JsonNode found) {
    return new StatementPayloadException(
        where(member), where(member) + ": expected " + expected + ", found " + found);
  }
}
