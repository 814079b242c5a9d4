package org.examledger.bench.service;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import java.nio.file.Path;

/**
 * A CPU profile of the service over the measured phase only: async-profiler (a native JVMTI agent,
 * {@code libasyncProfiler.so} from Maven Central's {@code tools.profiler:async-profiler}) is loaded
 * into the running server through the JDK's Attach API when the phase starts and stopped when it
 * ends, writing collapsed stacks ({@code benchmarks/tools/collapsed_shares.py} reads them). A
 * profile of the server's whole life mixes in its start, the JIT's first minutes and the harness's
 * preparation: for the sheet phase that is most of the samples (docs/performance.md, "Profiling").
 */
final class PhaseProfiler {

  private final long pid;
  private final Path library;
  private final Path out;

  /**
   * @param pid the server's process, which the harness started
   * @param library async-profiler's {@code libasyncProfiler.so} (LoadSuite checks it is a file
   *     before any server starts)
   * @param out where the collapsed stacks go
   */
  PhaseProfiler(long pid, Path library, Path out) {
    if (pid < 0) {
      throw new IllegalArgumentException("a phase profile needs a server the harness started");
    }
    this.pid = pid;
    this.library = library.toAbsolutePath();
    this.out = out.toAbsolutePath();
  }

  /** Starts sampling CPU time, every thread, once a millisecond. */
  void start() {
    command("start,event=cpu,interval=1ms,threads");
  }

  /** Stops sampling and writes the profile. */
  void stop() {
    command("stop,file=" + out + ",collapsed");
  }

  Path out() {
    return out;
  }

  private void command(String arguments) {
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        vm.loadAgentPath(library.toString(), arguments);
      } finally {
        vm.detach();
      }
    } catch (AgentLoadException e) {
      throw new IllegalStateException(
          "async-profiler refused '" + arguments + "' in the server: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot attach to the server (pid " + pid + ") to profile it: " + e, e);
    }
  }
}
