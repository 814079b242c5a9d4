package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a result was measured on: numbers are only comparable on the same one. */
final class Machine {

  private Machine() {}

  static ObjectNode describe() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("cpuModel", cpuModel());
    json.put("memoryBytes", totalMemory());
    json.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " ("
            + System.getProperty("os.arch")
            + ")");
    json.put(
        "java",
        System.getProperty("java.vendor")
            + " "
            + System.getProperty("java.runtime.version", System.getProperty("java.version")));
    json.put("jvmMaxHeapBytes", Runtime.getRuntime().maxMemory());
    json.put(
        "loadAverageAtStart", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return json;
  }

  private static String cpuModel() {
    for (String line : lines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown (no /proc/cpuinfo model name)";
  }

  /** MemTotal from /proc/meminfo, in bytes; -1 where there is none. */
  private static long totalMemory() {
    for (String line : lines(Path.of("/proc/meminfo"))) {
      if (line.startsWith("MemTotal:")) {
        String kib = line.substring("MemTotal:".length()).replace("kB", "").trim();
        return Long.parseLong(kib) * 1024;
      }
    }
    return -1;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
