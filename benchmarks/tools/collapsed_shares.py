#!/usr/bin/env python3
"""Where an async-profiler CPU profile of the server or the verifier spent its samples.

The profile is async-profiler's collapsed-stack output (one line per distinct stack: frames joined
by ';', then the sample count), for example from

  ./ledger bench load --out /tmp/load.json --baseline false --server-jvm \\
      "-Xmx2g -agentpath:/path/to/libasyncProfiler.so=start,event=cpu,interval=1ms,file=/tmp/cpu.collapsed,collapsed"

(libasyncProfiler.so comes in Maven Central's tools.profiler:async-profiler:4.1:jar:linux-x64;
docs/performance.md, "Profiling"). Stacks of the application's start (SpringApplication) and of the
harness's sign-ins (BCrypt) are left out. Prints each component's inclusive share (a frame of it
anywhere on the stack) and the hottest leaf frames.

  python3 benchmarks/tools/collapsed_shares.py /tmp/cpu.collapsed [extra-pattern ...]
"""
import collections
import sys

COMPONENTS = [
    ("HTTP requests (Tomcat worker threads)", "Http11Processor"),
    ("Spring Security filter chain (incl. everything under it)", "springframework/security/web/FilterChainProxy"),
    ("controllers", "org/examledger/api/web/"),
    ("admission (parse, key lookup, signature, replay check)", "admission/Admission"),
    ("Ed25519 verification (Bouncy Castle)", "org/bouncycastle/math/ec/rfc8032/Ed25519"),
    ("command dispatch (Axon gateway, interceptors, aggregate, commit)", "DefaultCommandGateway.sendAndWait"),
    ("Axon handler-timeout stack traces (AxonTimeLimitedTask)", "AxonTimeLimitedTask.start"),
    ("Axon tracking processors (projections, sequencer)", "TrackingEventProcessor"),
    ("the sequencer", "org/examledger/api/seal/LedgerSequencer"),
    ("PostgreSQL JDBC driver", "org/postgresql"),
    ("Jackson", "com/fasterxml/jackson"),
    ("JIT compilers", "CompileBroker"),
    ("garbage collection", "G1"),
]


def main(path, extra):
    total = 0
    inclusive = collections.Counter()
    leaves = collections.Counter()
    patterns = COMPONENTS + [(p, p) for p in extra]
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            if not count.isdigit():
                continue
            n = int(count)
            if "SpringApplication" in stack or "BCrypt" in stack:
                continue
            total += n
            for name, pattern in patterns:
                if pattern in stack:
                    inclusive[name] += n
            leaves[stack.split(";")[-1].split("(")[0][:100]] += n
    if total == 0:
        sys.exit("no samples in " + path)
    print(f"{total} samples (1 sample = 1 ms of CPU at interval=1ms)")
    for name, _ in patterns:
        print(f"{100 * inclusive[name] / total:6.1f}%  {name}")
    print("hottest leaf frames:")
    for frame, n in leaves.most_common(15):
        print(f"{100 * n / total:6.1f}%  {frame}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
