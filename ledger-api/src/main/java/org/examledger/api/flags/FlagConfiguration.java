package org.examledger.api.flags;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.examledger.api.history.SignatureChecks;
import org.examledger.flags.FlagEngine;
import org.examledger.reviews.FlagReview;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The flag engine with the configured thresholds, over the event store; flag reviews. */
@Configuration(proxyBeanMethods = false)
public class FlagConfiguration {

  @Bean
  public ConfigurerModule flagReviewModule() {
    return configurer -> configurer.configureAggregate(FlagReview.class);
  }

  @Bean
  public LedgerFlags ledgerFlags(
      EventStorageEngine events, SignatureChecks signatures, FlagProperties properties) {
    return new LedgerFlags(events, signatures, new FlagEngine(properties.thresholds()));
  }
}
