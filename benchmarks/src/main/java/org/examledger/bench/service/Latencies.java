package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.HdrHistogram.Histogram;

/** HdrHistogram of latencies in microseconds (1 µs to 10 min, 3 significant digits), as JSON. */
final class Latencies {

  private Latencies() {}

  static Histogram histogram() {
    return new Histogram(1, 600_000_000L, 3);
  }

  static void recordNanos(Histogram h, long nanos) {
    h.recordValue(Math.max(1, Math.min(nanos / 1_000, 600_000_000L)));
  }

  /** Count and percentiles in milliseconds (three decimals). */
  static ObjectNode toJson(Histogram h) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("count", h.getTotalCount());
    if (h.getTotalCount() == 0) {
      return json;
    }
    json.put("meanMs", ms(h.getMean()));
    json.put("p50Ms", ms(h.getValueAtPercentile(50)));
    json.put("p90Ms", ms(h.getValueAtPercentile(90)));
    json.put("p99Ms", ms(h.getValueAtPercentile(99)));
    json.put("p999Ms", ms(h.getValueAtPercentile(99.9)));
    json.put("maxMs", ms(h.getMaxValue()));
    return json;
  }

  private static double ms(double micros) {
    return Math.round(micros) / 1000.0;
  }
}
