package org.examledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.Es6Numbers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** RFC 8785: parse-and-canonicalize a statement, canonicalize a tree, format one number. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CanonicalJsonBench {

  private JsonNode tree;

  @Setup
  public void setUp() {
    tree = CanonicalJson.parse(Fixtures.STATEMENT_JSON);
  }

  @Benchmark
  public Bytes canonicalizeText() {
    return CanonicalJson.canonicalize(Fixtures.STATEMENT_JSON);
  }

  @Benchmark
  public Bytes canonicalizeTree() {
    return CanonicalJson.canonicalize(tree);
  }

  @Benchmark
  public String formatEs6Number() {
    return Es6Numbers.format(57.5 + 1e-9);
  }
}
