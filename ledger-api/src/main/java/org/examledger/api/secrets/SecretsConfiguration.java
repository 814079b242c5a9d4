package org.examledger.api.secrets;

import java.nio.file.Files;
import java.nio.file.Path;
import org.examledger.api.config.LedgerProperties;
import org.examledger.secrets.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Checks the station secret file at startup. The log key is checked where it is loaded ({@code
 * seal.LogKey}); both go through {@link SecretFiles#requireOwnerOnly}.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

  static final String DEFAULT_FILE = "station-secret";

  private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

  /**
   * Refuses to start when the file exists and group or others may read or write it. An absent file
   * is no error: the service does not need the secret, and {@code ./ledger init} creates it.
   */
  @Bean
  public StationSecretFile stationSecretFile(
      StationSecretProperties properties, LedgerProperties ledger) {
    Path file =
        properties.stationSecretFile() != null
            ? properties.stationSecretFile()
            : ledger.dataDir().resolve("keys").resolve(DEFAULT_FILE);
    if (Files.exists(file)) {
      SecretFiles.requireOwnerOnly(file, "station secret file");
      log.info("station secret file {} is owner-only", file.toAbsolutePath());
    }
    return new StationSecretFile(file);
  }
}
