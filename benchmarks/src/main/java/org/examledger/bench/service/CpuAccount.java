package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the machine's CPU went during a measured phase: the service's process, PostgreSQL's
 * processes, the load generator (this harness's own JVM), everything else, and idle, read from
 * Linux's {@code /proc} at the phase's start and end. Divided by the events the phase stored it is
 * the cost of one event in CPU time, per part: what says which part a target's rate would have to
 * come out of (docs/performance.md).
 *
 * <p>PostgreSQL is every process named {@code postgres} (its server and each connection's backend);
 * a backend that exits during the phase is counted through its server's "waited-for children" time.
 * Times are in the kernel's clock ticks ({@link #TICKS_PER_SECOND}, 100 on Linux).
 */
final class CpuAccount {

  /** USER_HZ: /proc reports CPU time in these, 100 a second on every Linux architecture we run. */
  static final int TICKS_PER_SECOND = 100;

  private static final Path PROC = Path.of("/proc");

  private final long serverPid;
  private final long generatorPid = ProcessHandle.current().pid();
  private Snapshot start;
  private Snapshot end;

  /**
   * @param serverPid the service's process, -1 when it runs elsewhere (--server)
   */
  CpuAccount(long serverPid) {
    this.serverPid = serverPid;
  }

  /** Whether this machine has the /proc files the account reads. */
  static boolean available() {
    return Files.isReadable(PROC.resolve("stat"));
  }

  /** Marks the phase's start. */
  void start() {
    start = snapshot();
  }

  /** Marks the phase's end. */
  void stop() {
    if (start == null) {
      throw new IllegalStateException("stop before start");
    }
    end = snapshot();
  }

  /**
   * The account from {@link #start} to {@link #stop}.
   *
   * @param events what the phase stored, for the per-event costs; 0 leaves them out
   */
  ObjectNode toJson(long events) {
    if (end == null) {
      throw new IllegalStateException("toJson before stop");
    }
    return between(start, end, events);
  }

  /** One reading of the counters. */
  record Snapshot(
      long nanos, long machineBusy, long machineIdle, long server, long postgres, long generator) {}

  private Snapshot snapshot() {
    long[] machine = machineTicks(read(PROC.resolve("stat")));
    return new Snapshot(
        System.nanoTime(),
        machine[0],
        machine[1],
        serverPid < 0 ? 0 : processTicks(serverPid, false),
        postgresTicks(),
        processTicks(generatorPid, false));
  }

  static ObjectNode between(Snapshot a, Snapshot b, long events) {
    double wall = (b.nanos() - a.nanos()) / 1e9;
    double busy = seconds(b.machineBusy() - a.machineBusy());
    double idle = seconds(b.machineIdle() - a.machineIdle());
    double server = seconds(b.server() - a.server());
    double postgres = seconds(b.postgres() - a.postgres());
    double generator = seconds(b.generator() - a.generator());
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("wallSeconds", round(wall, 1000));
    json.put("machineCores", Runtime.getRuntime().availableProcessors());
    json.put("serverCpuSeconds", round(server, 100));
    json.put("postgresCpuSeconds", round(postgres, 100));
    json.put("generatorCpuSeconds", round(generator, 100));
    json.put("otherCpuSeconds", round(Math.max(0, busy - server - postgres - generator), 100));
    json.put("idleCpuSeconds", round(idle, 100));
    if (wall > 0) {
      json.put("serverCores", round(server / wall, 100));
      json.put("postgresCores", round(postgres / wall, 100));
      json.put("generatorCores", round(generator / wall, 100));
      json.put("machineBusyShare", busy + idle > 0 ? round(busy / (busy + idle), 1000) : 0);
    }
    if (events > 0) {
      ObjectNode perEvent = json.putObject("microsecondsPerEvent");
      perEvent.put("server", round(server * 1e6 / events, 10));
      perEvent.put("postgres", round(postgres * 1e6 / events, 10));
      perEvent.put("generator", round(generator * 1e6 / events, 10));
      perEvent.put("machineBusy", round(busy * 1e6 / events, 10));
    }
    return json;
  }

  /**
   * The first line of /proc/stat: busy ticks (user, nice, system, irq, softirq, steal) and idle
   * ticks (idle, iowait) of all cores together.
   */
  static long[] machineTicks(String procStat) {
    String line = procStat.lines().findFirst().orElse("");
    String[] f = line.trim().split("\\s+");
    if (f.length < 9 || !f[0].equals("cpu")) {
      throw new IllegalStateException("unexpected /proc/stat first line: " + line);
    }
    long busy = 0;
    for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
      busy += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
    return new long[] {busy, idle};
  }

  /**
   * The fields of a /proc/PID/stat line after the command name, which is in parentheses and may
   * itself hold spaces and parentheses: index 0 is the state (field 3 of proc(5)).
   */
  static String[] statFields(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalStateException("unexpected /proc/PID/stat line: " + stat);
    }
    return stat.substring(close + 1).trim().split("\\s+");
  }

  /** The command name of a /proc/PID/stat line (proc(5) field 2, without its parentheses). */
  static String command(String stat) {
    return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  }

  /**
   * utime + stime of a /proc/PID/stat line (proc(5) fields 14 and 15), with its waited-for
   * children's cutime + cstime (16 and 17) when asked.
   */
  static long ticks(String stat, boolean withChildren) {
    String[] f = statFields(stat);
    // f[0] is field 3, so field n is f[n - 3]
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (withChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks;
  }

  private static long processTicks(long pid, boolean withChildren) {
    String stat = readOrNull(PROC.resolve(Long.toString(pid)).resolve("stat"));
    return stat == null ? 0 : ticks(stat, withChildren);
  }

  /**
   * The ticks of every postgres process together, the exited backends' included (in their server's
   * children's time): a backend that exits during the phase is counted from its share at the start
   * to the end, one that starts during it whole.
   */
  private static long postgresTicks() {
    long ticks = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        String stat = readOrNull(dir.resolve("stat"));
        if (stat != null && command(stat).equals("postgres")) {
          ticks += ticks(stat, true);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
    }
    return ticks;
  }

  private static String read(Path file) {
    String s = readOrNull(file);
    if (s == null) {
      throw new IllegalStateException("cannot read " + file);
    }
    return s;
  }

  /** The file's text, or null when it is gone (a process that exited) or unreadable. */
  private static String readOrNull(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  private static double seconds(long ticks) {
    return (double) ticks / TICKS_PER_SECOND;
  }

  private static double round(double value, int scale) {
    return Math.round(value * scale) / (double) scale;
  }
}
