package org.examledger.api.config;

import java.time.Clock;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.examledger.api.storage.BoundedCache;
import org.examledger.api.storage.CheckedCachingRepository;
import org.examledger.exam.ExamSession;
import org.examledger.projections.scores.ResultSheetProjection;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Registers the domain (which has no Spring stereotypes: ledger-core stays free of Spring) and the
 * projections with Axon.
 */
@Configuration(proxyBeanMethods = false)
public class ExamDomainConfiguration {

  /**
   * Exam sessions are the aggregates every score goes to, and a session grows to hundreds of
   * events: they are cached between commands instead of re-read (CheckedCachingRepository).
   */
  @Bean
  public ConfigurerModule examAggregates(LedgerProperties properties) {
    int size = properties.eventStore().aggregateCacheSize();
    if (size == 0) {
      return configurer -> configurer.configureAggregate(ExamSession.class);
    }
    BoundedCache cache = new BoundedCache(size);
    return configurer ->
        configurer.configureAggregate(
            AggregateConfigurer.defaultConfiguration(ExamSession.class)
                .configureRepository(
                    c -> CheckedCachingRepository.of(ExamSession.class, c, cache)));
  }

  @Bean
  public ResultSheetProjection resultSheetProjection(JdbcOperations jdbc) {
    return new ResultSheetProjection(jdbc);
  }

  /** The service's clock: stamps receivedAt on commands. Tests replace it with a fixed clock. */
  @Bean
  @ConditionalOnMissingBean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
