package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A suite's {@code --name value} options. Every option a suite reads (given or defaulted) is kept,
 * so that the result file records the settings that produced its numbers; an option given but never
 * read is an error, so that a typo does not silently run the defaults.
 */
final class Options {

  private final Map<String, String> given = new LinkedHashMap<>();
  private final Map<String, String> used = new TreeMap<>();

  Options(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --option value, found '" + a + "'");
      }
      given.put(a.substring(2), args.get(++i));
    }
  }

  String text(String name, String fallback) {
    String value = given.getOrDefault(name, fallback);
    if (value != null) {
      used.put(name, value);
    }
    return value;
  }

  int integer(String name, int fallback) {
    String value = text(name, String.valueOf(fallback));
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, was '" + value + "'");
    }
  }

  /** A duration such as {@code 60s}, {@code 2m} or {@code 500ms}. */
  Duration duration(String name, String fallback) {
    String value = text(name, fallback);
    try {
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      if (value.endsWith("s")) {
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      }
      if (value.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      }
    } catch (NumberFormatException e) {
      // fall through to the refusal
    }
    throw new IllegalArgumentException(
        "--" + name + " must be a duration such as 60s, 2m or 500ms, was '" + value + "'");
  }

  boolean flag(String name, boolean fallback) {
    String value = text(name, String.valueOf(fallback));
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "--" + name + " must be true or false, was '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** Refuses options that no part of the suite read. */
  void checkAllUsed() {
    for (String name : given.keySet()) {
      if (!used.containsKey(name)) {
        throw new IllegalArgumentException("unknown option --" + name + " for this suite");
      }
    }
  }

  ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    used.forEach(json::put);
    return json;
  }
}
