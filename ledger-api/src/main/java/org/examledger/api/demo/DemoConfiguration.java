package org.examledger.api.demo;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * With the demo enabled, the service's clock is a {@link DemoClock} (the system clock after the
 * load) and a fresh data folder gets the demo's fixed log key ({@link DemoLogKey}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoConfiguration {

  /** The demo's fixed log key, written before the log reads its key file. */
  @Bean
  static DemoLogKey demoLogKey() {
    return new DemoLogKey();
  }

  @Bean
  @Primary
  DemoClock demoClock() {
    return new DemoClock(Clock.systemUTC());
  }
}
