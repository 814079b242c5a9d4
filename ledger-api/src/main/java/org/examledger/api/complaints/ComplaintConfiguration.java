package org.examledger.api.complaints;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.complaints.ActorDirectory;
import org.examledger.complaints.ComplaintCase;
import org.examledger.complaints.SanctionPolicy;
import org.examledger.exam.SuspensionRegistry;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.complaints.SuspensionProjection;
import org.examledger.projections.complaints.SuspensionsView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the complaint case aggregate, the suspension read model (SUBSCRIBING, in the event's
 * transaction, so the exam domain sees every committed suspension) and the supervisors' views
 * (tracking processor {@value ComplaintCaseProjection#PROCESSING_GROUP}).
 *
 * <p>The aggregate's period-end deadline goes to Axon's DbSchedulerDeadlineManager, which Axon's
 * auto-configuration declares once db-scheduler's Scheduler bean exists (db-scheduler's starter,
 * table {@code scheduled_tasks}, Flyway V5): deadlines survive restarts and fire on any node.
 */
@Configuration(proxyBeanMethods = false)
public class ComplaintConfiguration {

  @Bean
  public ConfigurerModule complaintModule() {
    return configurer -> {
      configurer.configureAggregate(ComplaintCase.class);
      configurer
          .eventProcessing()
          .registerSubscribingEventProcessor(SuspensionProjection.PROCESSING_GROUP)
          .registerListenerInvocationErrorHandler(
              SuspensionProjection.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    };
  }

  @Bean
  public SanctionPolicy sanctionPolicy(ComplaintProperties properties) {
    return new SanctionPolicy(
        properties.suspensionPeriod(),
        properties.stationApprover(),
        properties.upperLevelApprover());
  }

  @Bean
  public ActorDirectory actorDirectory(KeyRegistryView registry) {
    return new KeyRoleDirectory(registry);
  }

  @Bean
  public SuspensionProjection suspensionProjection(JdbcClient jdbc) {
    return new SuspensionProjection(jdbc);
  }

  /**
   * Injected by Axon into the exam session's assignment and marking handlers; asks the database
   * once per person inside a bulk submission ({@link BulkSuspensionMemo}).
   */
  @Bean
  public SuspensionRegistry suspensionRegistry(JdbcClient jdbc) {
    return new BulkSuspensionMemo(new SuspensionsView(jdbc));
  }

  @Bean
  public ComplaintCaseProjection complaintCaseProjection(JdbcOperations jdbc) {
    return new ComplaintCaseProjection(jdbc);
  }

  @Bean
  public ComplaintViews complaintViews(JdbcClient jdbc) {
    return new ComplaintViews(jdbc);
  }
}
