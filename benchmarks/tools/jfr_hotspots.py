#!/usr/bin/env python3
"""Where a JFR recording of the server spent its samples, by component (inclusive: a frame of the
component anywhere on the stack). Startup threads (main, background-preinit) are left out.

  jfr print --json --stack-depth 300 --events jdk.ExecutionSample server.jfr > samples.json
  python3 benchmarks/tools/jfr_hotspots.py samples.json
"""
import collections
import json
import sys

COMPONENTS = [
    ("Ed25519 verify (Bouncy Castle)", "org.bouncycastle"),
    ("BCrypt (password check)", "org.springframework.security.crypto.bcrypt"),
    ("canonical JSON (RFC 8785)", "org.examledger.canonical"),
    ("Merkle log / sequencer", "org.examledger.api.seal"),
    ("admission", "org.examledger.api.admission"),
    ("projections", "org.examledger.projections"),
    ("Axon: aggregate load (EventSourcingRepository.doLoad)", "org.axonframework.eventsourcing.EventSourcingRepository.doLoad"),
    ("Axon: append events (JDBC)", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.appendEvents"),
    ("Axon command handling", "org.axonframework.commandhandling"),
    ("Axon event processors", "org.axonframework.eventhandling"),
    ("Jackson", "com.fasterxml.jackson"),
    ("PostgreSQL JDBC driver", "org.postgresql"),
    ("Hikari pool", "com.zaxxer.hikari"),
    ("stack trace capture (StackTraceElement)", "java.lang.StackTraceElement"),
]


def main(path):
    with open(path) as f:
        events = json.load(f)["recording"]["events"]
    counted = collections.Counter()
    total = 0
    for e in events:
        thread = e["values"]["sampledThread"]["javaName"] or ""
        if thread.startswith(("main", "background-preinit")):
            continue
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        names = [fr["method"]["type"]["name"].replace("/", ".") + "." + fr["method"]["name"] for fr in frames]
        total += 1
        for label, prefix in COMPONENTS:
            if any(n.startswith(prefix) for n in names):
                counted[label] += 1
    print(f"{total} samples on request and processor threads")
    for label, _ in COMPONENTS:
        print(f"{100 * counted[label] / max(total, 1):5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
