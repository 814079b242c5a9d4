package org.examledger.api.admission;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.examledger.keys.KeyRegisteredEvent;
import org.examledger.keys.KeyRevokedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code registry_key} current. Runs in the SUBSCRIBING processor {@value #PROCESSING_GROUP}
 * with a propagating error handler: inside the transaction that appends the event, so the event and
 * its read model commit or fail together.
 */
@ProcessingGroup(KeyRegistryProjection.PROCESSING_GROUP)
public class KeyRegistryProjection {

  public static final String PROCESSING_GROUP = "key-registry";

  private final JdbcClient jdbc;

  public KeyRegistryProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(KeyRegisteredEvent event) {
    jdbc.sql(
            "INSERT INTO registry_key (key_id, owner_id, role, algorithm, public_key, valid_from,"
                + " revoked_at, genesis) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")
        .params(
            event.keyId(),
            event.ownerId(),
            event.role().name(),
            event.algorithm(),
            event.publicKey(),
            Timestamp.from(event.validFrom()),
            event.genesis())
        .update();
  }

  @EventHandler
  void on(KeyRevokedEvent event) {
    jdbc.sql("UPDATE registry_key SET revoked_at = ? WHERE key_id = ?")
        .params(Timestamp.from(event.revokedAt()), event.keyId())
        .update();
  }
}
