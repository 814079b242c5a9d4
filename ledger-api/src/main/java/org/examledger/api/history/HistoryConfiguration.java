package org.examledger.api.history;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.api.admission.KeyRegistryView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history reader, over the event store, the log's leaves and the key registry. */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

  @Bean
  public SignatureChecks signatureChecks(KeyRegistryView keys) {
    return new SignatureChecks(keys);
  }

  @Bean
  public SessionHistory sessionHistory(
      EventStore eventStore, JdbcClient jdbc, SignatureChecks signatures) {
    return new SessionHistory(eventStore, jdbc, signatures);
  }
}
