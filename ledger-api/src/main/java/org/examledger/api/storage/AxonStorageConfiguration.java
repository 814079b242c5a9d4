package org.examledger.api.storage;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.saga.repository.jdbc.GenericSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.examledger.api.config.LedgerProperties;
import org.examledger.api.problem.DatabaseUnavailable;
import org.examledger.complaints.ComplaintRuleViolation;
import org.examledger.exam.ExamRuleViolation;
import org.examledger.exam.upcasting.LedgerUpcasters;
import org.examledger.keys.KeyRegistryViolation;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Declares Axon's JDBC storage explicitly instead of trusting its auto-configuration, which sets
 * none of the tuning knobs and does not recognise PostgreSQL duplicate keys (see
 * shared/notes/axon-on-postgres.md and docs/adr/0004-axon-jdbc-event-store.md).
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

  /** SQLSTATE 23505 is unique_violation in both PostgreSQL and H2 (SQL standard class 23). */
  static final String UNIQUE_VIOLATION = "23505";

  @Bean
  public ConnectionProvider connectionProvider(DataSource dataSource) {
    return new SpringDataSourceConnectionProvider(dataSource);
  }

  @Bean
  public EventSchema eventSchema() {
    return EventSchema.builder()
        .eventTable("domain_event_entry")
        .snapshotTable("snapshot_event_entry")
        .globalIndexColumn("global_index")
        .eventIdentifierColumn("event_identifier")
        .aggregateIdentifierColumn("aggregate_identifier")
        .sequenceNumberColumn("sequence_number")
        .typeColumn("type")
        .timestampColumn("time_stamp")
        .payloadTypeColumn("payload_type")
        .payloadRevisionColumn("payload_revision")
        .payloadColumn("payload")
        .metaDataColumn("meta_data")
        .build();
  }

  @Bean
  public TokenSchema tokenSchema() {
    return TokenSchema.builder()
        .setTokenTable("token_entry")
        .setProcessorNameColumn("processor_name")
        .setSegmentColumn("segment")
        .setTokenColumn("token")
        .setTokenTypeColumn("token_type")
        .setTimestampColumn("timestamp")
        .setOwnerColumn("owner")
        .build();
  }

  @Bean
  public SagaSqlSchema sagaSqlSchema() {
    return new GenericSagaSqlSchema(
        SagaSchema.builder()
            .sagaEntryTable("saga_entry")
            .revisionColumn("revision")
            .serializedSagaColumn("serialized_saga")
            .sagaTypeColumn("saga_type")
            .sagaIdColumn("saga_id")
            .associationValueEntryTable("association_value_entry")
            .associationKeyColumn("association_key")
            .associationValueColumn("association_value")
            .build());
  }

  /** A conflicting append must become a retryable ConcurrencyException (Axon issue #1368). */
  @Bean
  public PersistenceExceptionResolver persistenceExceptionResolver() {
    return new SQLStateResolver(UNIQUE_VIOLATION);
  }

  /**
   * The upcasters every stored event passes through before aggregates, processors and the history
   * see it (ADR 0019). Stored bytes and leaves are never changed by them.
   */
  @Bean
  public EventUpcasterChain ledgerUpcasterChain() {
    return LedgerUpcasters.chain();
  }

  @Bean
  public EventStorageEngine eventStorageEngine(
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      EventSchema eventSchema,
      PersistenceExceptionResolver persistenceExceptionResolver,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      Serializer serializer,
      EventUpcasterChain ledgerUpcasterChain,
      LedgerProperties properties) {
    LedgerProperties.EventStore tuning = properties.eventStore();
    return JdbcEventStorageEngine.builder()
        .connectionProvider(connectionProvider)
        .transactionManager(transactionManager)
        .schema(eventSchema)
        .dataType(byte[].class)
        .persistenceExceptionResolver(persistenceExceptionResolver)
        .eventSerializer(eventSerializer)
        .snapshotSerializer(serializer)
        .upcasterChain(ledgerUpcasterChain)
        .batchSize(tuning.batchSize())
        // Axon issue #4829: an event behind a gap older than gapTimeout is skipped forever.
        // Keep the timeout long and transactions short; the sequencer checks for holes itself.
        .gapTimeout((int) tuning.gapTimeout().toMillis())
        .maxGapOffset(tuning.maxGapOffset())
        .build();
  }

  /**
   * The event store as the four tracking projections read it (application.yml, their {@code
   * source}): read and deserialized ahead of the processor on a thread of each stream's own, each
   * chunk lingering for more events ({@code ledger.event-store.projection-linger}). The sequencer
   * has its own (SealConfiguration).
   */
  @Bean
  public ReadAheadEventSource projectionEventSource(
      EventStore eventStore, LedgerProperties properties) {
    return new ReadAheadEventSource(
        eventStore,
        properties.eventStore().projectionReadAhead(),
        properties.eventStore().projectionLinger());
  }

  @Bean
  public TokenStore tokenStore(
      ConnectionProvider connectionProvider,
      Serializer serializer,
      TokenSchema tokenSchema,
      LedgerProperties properties) {
    return JdbcTokenStore.builder()
        .connectionProvider(connectionProvider)
        .serializer(serializer)
        .schema(tokenSchema)
        .nodeId(properties.nodeId())
        .claimTimeout(properties.eventStore().claimTimeout())
        .build();
  }

  /** Retries commands that lost an optimistic-locking race (two nodes, one aggregate). */
  @Bean(destroyMethod = "shutdown")
  public ScheduledExecutorService commandRetryExecutor() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "command-retry");
          t.setDaemon(true);
          return t;
        });
  }

  @Bean
  public CommandGateway commandGateway(
      CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
    return DefaultCommandGateway.builder()
        .commandBus(commandBus)
        .retryScheduler(
            IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .retryInterval(50)
                .maxRetryCount(8)
                // a broken rule, a duplicate id or an unknown aggregate stays so on retry
                .addNonTransientFailurePredicate(
                    t ->
                        t instanceof ExamRuleViolation
                            || t instanceof KeyRegistryViolation
                            || t instanceof ComplaintRuleViolation
                            || t instanceof AggregateStreamCreationException
                            || t instanceof AggregateNotFoundException)
                // an unreachable database: answered 503 at once, the client retries later
                .addNonTransientFailurePredicate(DatabaseUnavailable::causedBy)
                .build())
        .build();
  }
}
