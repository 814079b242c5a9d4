package org.examledger.api.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Says loudly, at start and every minute after, that this node runs the integrity-off benchmark
 * baseline ({@code ledger.benchmark.integrity=off}): it admits statements without checking their
 * signatures and seals nothing. There is no way to run so without this warning in the log; and
 * {@code ./ledger verify} names every event such a node stored as one without a leaf.
 */
@Component
@ConditionalOnProperty(name = BenchmarkProperties.INTEGRITY, havingValue = "off")
class BenchmarkModeWarning implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(BenchmarkModeWarning.class);

  static final String WARNING =
      "BENCHMARK BASELINE, NOT FOR USE: "
          + BenchmarkProperties.INTEGRITY
          + "=off: statement signatures are NOT checked and NOTHING is sealed (no leaves, no"
          + " checkpoints); every event written now will be reported by ./ledger verify as"
          + " unsealed. Remove the setting and restart for any real use.";

  private ScheduledExecutorService executor;

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "benchmark-mode-warning");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleAtFixedRate(() -> log.warn(WARNING), 0, 1, TimeUnit.MINUTES);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
