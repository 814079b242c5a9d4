package org.examledger.api.seal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.examledger.api.config.BenchmarkProperties;
import org.examledger.api.config.LedgerProperties;
import org.examledger.api.storage.ReadAheadEventSource;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.crypto.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the sequencer into Axon as its own single-segment tracking processor, loads the log key,
 * and runs the checkpoint publisher on a schedule (docs/adr/0015-sequencer-and-checkpoints.md). The
 * integrity-off benchmark baseline ({@code ledger.benchmark.integrity=off}) has neither the
 * sequencer nor the schedule.
 */
@Configuration(proxyBeanMethods = false)
public class SealConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SealConfiguration.class);

  @Bean
  @ConditionalOnProperty(
      name = BenchmarkProperties.INTEGRITY,
      havingValue = "on",
      matchIfMissing = true)
  public LedgerSequencer ledgerSequencer(JdbcTemplate jdbcTemplate, Clock clock) {
    return new LedgerSequencer(jdbcTemplate, clock);
  }

  /**
   * One segment, one thread: one owner across all nodes, and events in delivery order. A failing
   * event is retried (the error propagates and the batch rolls back) instead of being logged and
   * skipped, which would leave it without a leaf.
   */
  @Bean
  @ConditionalOnProperty(
      name = BenchmarkProperties.INTEGRITY,
      havingValue = "on",
      matchIfMissing = true)
  public ConfigurerModule ledgerSequencerProcessor(LogProperties properties) {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing
                    .registerTrackingEventProcessor(
                        LedgerSequencer.PROCESSING_GROUP,
                        c ->
                            properties.sequencerLinger().isZero()
                                ? c.eventStore()
                                : new ReadAheadEventSource(
                                    c.eventStore(),
                                    properties.sequencerBatchSize(),
                                    properties.sequencerLinger()),
                        c ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(properties.sequencerBatchSize()))
                    .registerListenerInvocationErrorHandler(
                        LedgerSequencer.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                    .registerErrorHandler(
                        LedgerSequencer.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
  }

  /**
   * Bulk submissions wait while the log is far behind; with integrity off nothing is sequenced, so
   * they never do.
   */
  @Bean
  public BulkPacing bulkPacing(
      JdbcTemplate jdbcTemplate,
      LogProperties properties,
      BenchmarkProperties benchmark,
      MeterRegistry registry) {
    return new BulkPacing(
        jdbcTemplate,
        benchmark.integrityOff() ? 0 : properties.bulkMaxUnsequenced(),
        properties.bulkMaxWait(),
        registry);
  }

  @Bean
  public NoteSigner logNoteSigner(LogProperties properties, LedgerProperties ledger) {
    Path keyFile =
        properties.keyFile() != null
            ? properties.keyFile()
            : ledger.dataDir().resolve("keys").resolve("log-ed25519.pem");
    Signer signer = LogKey.loadOrCreate(keyFile, new SecureRandom());
    NoteSigner noteSigner = NoteSigner.ed25519(properties.origin(), signer);
    log.info("log key {} (vkey {})", keyFile.toAbsolutePath(), noteSigner.verifierKey());
    return noteSigner;
  }

  @Bean
  public LogReader logReader(JdbcTemplate jdbcTemplate) {
    return new LogReader(jdbcTemplate, LogReader.CACHED_NODES);
  }

  @Bean
  public CheckpointPublisher checkpointPublisher(
      JdbcTemplate jdbcTemplate,
      PlatformTransactionManager transactionManager,
      NoteSigner logNoteSigner,
      LogProperties properties,
      Clock clock) {
    return new CheckpointPublisher(
        jdbcTemplate,
        new TransactionTemplate(transactionManager),
        logNoteSigner,
        properties.origin(),
        clock);
  }

  /** The log's gauges for /actuator/prometheus. */
  @Bean
  public MeterBinder ledgerLogMetrics(JdbcTemplate jdbcTemplate) {
    return new LogMetrics(jdbcTemplate);
  }

  @Bean
  public WitnessCosignatures witnessCosignatures(
      JdbcTemplate jdbcTemplate, LogProperties properties, Clock clock) {
    return new WitnessCosignatures(
        jdbcTemplate,
        WitnessCosignatures.parseKeys(properties.witnesses()),
        properties.origin(),
        clock);
  }

  @Bean
  @ConditionalOnProperty(
      name = BenchmarkProperties.INTEGRITY,
      havingValue = "on",
      matchIfMissing = true)
  public SmartLifecycle checkpointSchedule(
      CheckpointPublisher checkpointPublisher,
      LedgerSequencer ledgerSequencer,
      PlatformTransactionManager transactionManager,
      LogProperties properties) {
    return new CheckpointSchedule(
        checkpointPublisher,
        ledgerSequencer,
        new TransactionTemplate(transactionManager),
        properties);
  }

  /** One daemon thread named {@code name} for a node's periodic work. */
  static ScheduledExecutorService daemonScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /** The log's self-check; as a health indicator its component is {@code ledgerLog}. */
  @Bean
  public LogSelfCheck ledgerLogHealthIndicator(
      JdbcTemplate jdbcTemplate,
      PlatformTransactionManager transactionManager,
      SelfCheckProperties properties,
      Clock clock,
      MeterRegistry meterRegistry) {
    return new LogSelfCheck(
        jdbcTemplate,
        new TransactionTemplate(transactionManager),
        properties,
        clock,
        meterRegistry);
  }

  @Bean
  public SmartLifecycle selfCheckSchedule(
      LogSelfCheck ledgerLogHealthIndicator, SelfCheckProperties properties) {
    return new SelfCheckSchedule(ledgerLogHealthIndicator, properties);
  }

  /** Runs the self-check every {@code ledger.self-check.interval} while the node is up. */
  static final class SelfCheckSchedule implements SmartLifecycle {

    private final LogSelfCheck check;
    private final SelfCheckProperties properties;
    private ScheduledExecutorService executor;

    SelfCheckSchedule(LogSelfCheck check, SelfCheckProperties properties) {
      this.check = check;
      this.properties = properties;
    }

    @Override
    public synchronized void start() {
      executor = daemonScheduler("log-self-check");
      long millis = properties.interval().toMillis();
      executor.scheduleWithFixedDelay(this::run, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void run() {
      try {
        check.run();
      } catch (RuntimeException e) {
        // logged by the check; the health component reports the error until the next run
      }
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

  /**
   * Runs the publisher every {@code ledger.log.checkpoint-interval} and the sequencer's catch-up
   * sweep every {@code ledger.log.catch-up-interval} while the node is up.
   */
  static final class CheckpointSchedule implements SmartLifecycle {

    private final CheckpointPublisher publisher;
    private final LedgerSequencer sequencer;
    private final TransactionTemplate transactions;
    private final LogProperties properties;
    private ScheduledExecutorService executor;

    CheckpointSchedule(
        CheckpointPublisher publisher,
        LedgerSequencer sequencer,
        TransactionTemplate transactions,
        LogProperties properties) {
      this.publisher = publisher;
      this.sequencer = sequencer;
      this.transactions = transactions;
      this.properties = properties;
    }

    @Override
    public synchronized void start() {
      executor = daemonScheduler("checkpoint-publisher");
      long millis = properties.checkpointInterval().toMillis();
      executor.scheduleWithFixedDelay(this::publish, 0, millis, TimeUnit.MILLISECONDS);
      long sweep = properties.catchUpInterval().toMillis();
      executor.scheduleWithFixedDelay(this::catchUp, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    private void catchUp() {
      try {
        sequencer.sequenceMissed(transactions);
      } catch (RuntimeException e) {
        log.warn(
            "sequencer catch-up sweep failed, retrying in {}", properties.catchUpInterval(), e);
      }
    }

    private void publish() {
      try {
        publisher.publish();
      } catch (CheckpointRefusedException e) {
        // already logged as an error by the publisher; try again next time, never sign a fork
      } catch (RuntimeException e) {
        log.warn("checkpoint publisher failed, retrying in {}", properties.checkpointInterval(), e);
      }
    }

    @Override
    public synchronized void stop() {
      if (executor != null) {
        executor.shutdownNow();
        try {
          executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        executor = null;
      }
    }

    @Override
    public synchronized boolean isRunning() {
      return executor != null;
    }
  }
}
