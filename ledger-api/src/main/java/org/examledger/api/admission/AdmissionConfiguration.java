package org.examledger.api.admission;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.examledger.api.config.BenchmarkProperties;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.exam.SuspensionRegistry;
import org.examledger.keys.KeyRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires admission: the key registry aggregate, its read model in a SUBSCRIBING processor whose
 * failures propagate (so the read model commits with the event or not at all), the admitted
 * statement interceptor on the command bus, and the caller identity.
 */
@Configuration(proxyBeanMethods = false)
public class AdmissionConfiguration {

  @Bean
  public ConfigurerModule keyRegistryModule() {
    return configurer -> {
      configurer.configureAggregate(KeyRegistry.class);
      configurer
          .eventProcessing()
          .registerSubscribingEventProcessor(KeyRegistryProjection.PROCESSING_GROUP)
          .registerListenerInvocationErrorHandler(
              KeyRegistryProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    };
  }

  @Bean
  public KeyRegistryProjection keyRegistryProjection(JdbcClient jdbc) {
    return new KeyRegistryProjection(jdbc);
  }

  @Bean
  public KeyRegistryView keyRegistryView(JdbcClient jdbc) {
    return new KeyRegistryView(jdbc);
  }

  @Bean
  public Admission admission(
      KeyRegistryView registry,
      JdbcClient jdbc,
      Clock clock,
      AdmissionProperties properties,
      BenchmarkProperties benchmark) {
    return new Admission(registry, jdbc, clock, properties, !benchmark.integrityOff());
  }

  @Bean
  public StatementDispatcher statementDispatcher(
      CommandGateway commands,
      Clock clock,
      SuspensionRegistry suspensions,
      ObjectProvider<LedgerFlags> flags) {
    return new StatementDispatcher(
        commands, clock, suspensions, flagId -> flags.getObject().exists(flagId, clock.instant()));
  }

  /**
   * Bulk submissions dispatch through their own gateway, without the retry scheduler: a retry runs
   * on another thread, outside the bulk's unit of work (BulkSubmission).
   */
  @Bean
  public BulkSubmission bulkSubmission(
      CommandBus commandBus,
      TransactionManager transactionManager,
      Clock clock,
      SuspensionRegistry suspensions,
      ObjectProvider<LedgerFlags> flags,
      AdmittedStatementInterceptor admissions) {
    return new BulkSubmission(
        withoutRetries(commandBus, clock, suspensions, flags), transactionManager, admissions);
  }

  /**
   * A dispatcher whose gateway has no retry scheduler, for commands sent inside a larger unit of
   * work (a bulk, a group): a retry would run on another thread, outside it.
   */
  private static StatementDispatcher withoutRetries(
      CommandBus commandBus,
      Clock clock,
      SuspensionRegistry suspensions,
      ObjectProvider<LedgerFlags> flags) {
    CommandGateway once = DefaultCommandGateway.builder().commandBus(commandBus).build();
    return new StatementDispatcher(
        once, clock, suspensions, flagId -> flags.getObject().exists(flagId, clock.instant()));
  }

  /**
   * Single statements about sessions are written in groups, through their own gateway without the
   * retry scheduler (as bulk submissions); a statement a group refuses is dispatched alone, through
   * the application's gateway.
   */
  @Bean(destroyMethod = "close")
  public GroupCommit groupCommit(
      CommandBus commandBus,
      StatementDispatcher statementDispatcher,
      TransactionManager transactionManager,
      Clock clock,
      SuspensionRegistry suspensions,
      ObjectProvider<LedgerFlags> flags,
      GroupCommitProperties properties,
      AdmittedStatementInterceptor admissions) {
    return new GroupCommit(
        withoutRetries(commandBus, clock, suspensions, flags)::dispatch,
        statementDispatcher::dispatch,
        admissions::admitAhead,
        transactionManager,
        properties);
  }

  /**
   * {@code ledger.group-commit.groups}, {@code .statements} (stored by groups) and {@code
   * .decided-alone} (dispatched alone after their group refused them or failed), since the start.
   */
  @Bean
  public MeterBinder groupCommitMetrics(GroupCommit groupCommit) {
    return registry -> {
      FunctionCounter.builder("ledger.group-commit.groups", groupCommit, GroupCommit::groups)
          .description("groups of single statements committed, each one transaction")
          .register(registry);
      FunctionCounter.builder(
              "ledger.group-commit.statements", groupCommit, GroupCommit::groupedStatements)
          .description("single statements stored by a group")
          .register(registry);
      FunctionCounter.builder(
              "ledger.group-commit.decided-alone", groupCommit, GroupCommit::decidedAlone)
          .description("statements refused in a group, or of a failed group, then dispatched alone")
          .register(registry);
    };
  }

  /**
   * Axon's Spring Boot interceptor auto-configuration registers every MessageHandlerInterceptor
   * bean for commands with the command bus, after its transaction interceptor.
   */
  @Bean
  public AdmittedStatementInterceptor admittedStatementInterceptor(JdbcTemplate jdbc, Clock clock) {
    return new AdmittedStatementInterceptor(jdbc, clock);
  }
}
