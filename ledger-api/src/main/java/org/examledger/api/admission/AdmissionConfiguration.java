package org.examledger.api.admission;

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
      ObjectProvider<LedgerFlags> flags) {
    CommandGateway once = DefaultCommandGateway.builder().commandBus(commandBus).build();
    return new BulkSubmission(
        new StatementDispatcher(
            once, clock, suspensions, flagId -> flags.getObject().exists(flagId, clock.instant())),
        transactionManager);
  }

  /**
   * Axon's Spring Boot interceptor auto-configuration registers every MessageHandlerInterceptor
   * bean for commands with the command bus, after its transaction interceptor.
   */
  @Bean
  public AdmittedStatementInterceptor admittedStatementInterceptor(JdbcClient jdbc, Clock clock) {
    return new AdmittedStatementInterceptor(jdbc, clock);
  }
}
