package org.examledger.api.config;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.examledger.exam.ExamSession;
import org.examledger.projections.scores.ResultSheetProjection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers the domain (which has no Spring stereotypes: ledger-core stays free of Spring) and the
 * projections with Axon.
 */
@Configuration(proxyBeanMethods = false)
public class ExamDomainConfiguration {

  @Bean
  public ConfigurerModule examAggregates() {
    return configurer -> configurer.configureAggregate(ExamSession.class);
  }

  @Bean
  public ResultSheetProjection resultSheetProjection(JdbcClient jdbcClient) {
    return new ResultSheetProjection(jdbcClient);
  }

  /** The service's clock: stamps receivedAt on commands. Tests replace it with a fixed clock. */
  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
