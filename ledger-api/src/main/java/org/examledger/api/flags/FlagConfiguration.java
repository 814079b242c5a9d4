package org.examledger.api.flags;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.api.history.SignatureChecks;
import org.examledger.flags.FlagEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The flag engine with the configured thresholds, over the event store. */
@Configuration(proxyBeanMethods = false)
public class FlagConfiguration {

  @Bean
  public LedgerFlags ledgerFlags(
      EventStore events, SignatureChecks signatures, FlagProperties properties) {
    return new LedgerFlags(events, signatures, new FlagEngine(properties.thresholds()));
  }
}
