package org.examledger.api.secrets;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the station secret lives, under {@code ledger.security.*} (docs/operations.md).
 *
 * @param stationSecretFile the station's HMAC key for document numbers (hex, owner-only); {@code
 *     <ledger.data-dir>/keys/station-secret} when unset. {@code ./ledger init} creates it; the
 *     service itself never hashes, it only refuses to start beside a file others may read.
 */
@ConfigurationProperties("ledger.security")
public record StationSecretProperties(Path stationSecretFile) {}
