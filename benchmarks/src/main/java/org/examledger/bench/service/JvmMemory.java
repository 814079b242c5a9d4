package org.examledger.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory of a Java process the harness started: resident set from {@code /proc/PID/status}, the
 * heap in use after a full collection through {@code jcmd}, and the heap after each collection from
 * a unified GC log ({@code -Xlog:gc:file=...}).
 */
final class JvmMemory {

  /** G1 and Parallel both print "used NNNK" in GC.heap_info. */
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** A -Xlog:gc line's "before->after(committed)", e.g. "24M->3M(256M)". */
  private static final Pattern AFTER_GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private JvmMemory() {}

  /** VmRSS (current) or VmHWM (peak since start) in bytes; -1 if the process is gone. */
  static long resident(long pid, boolean peak) {
    String field = peak ? "VmHWM:" : "VmRSS:";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).replace("kB", "").trim()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Forces a full collection in the process ({@code jcmd PID GC.run}) and returns the heap in use
   * right after it (the live set), or -1 when jcmd is missing or answers something else.
   */
  static long heapUsedAfterFullGc(long pid) throws InterruptedException {
    if (pid < 0) {
      return -1;
    }
    if (jcmd(pid, "GC.run") == null) {
      return -1;
    }
    String info = jcmd(pid, "GC.heap_info");
    if (info == null) {
      return -1;
    }
    Matcher m = HEAP_USED.matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  /**
   * The largest heap occupancy right after a collection in a unified GC log, in bytes, and the
   * number of collections: {max, count}; {-1, 0} when the log is missing or has no collection.
   */
  static long[] maxHeapAfterGc(Path gcLog) throws IOException {
    if (!Files.isRegularFile(gcLog)) {
      return new long[] {-1, 0};
    }
    long max = -1;
    long count = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = AFTER_GC.matcher(line);
      if (m.find()) {
        count++;
        max = Math.max(max, Long.parseLong(m.group(2)) * 1024 * 1024);
      }
    }
    return new long[] {max, count};
  }

  private static String jcmd(long pid, String command) throws InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return null;
    }
    try {
      Process p =
          new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    }
  }
}
