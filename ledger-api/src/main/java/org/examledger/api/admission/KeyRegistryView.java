package org.examledger.api.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.PublicKey;
import org.examledger.keys.ActorRole;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers "which key is this, whose, and valid when" from {@code registry_key}, which the
 * subscribing processor updates in the very transaction that stores the key events: a committed
 * registration is visible to the next request on every node.
 */
public class KeyRegistryView {

  /** Parsed keys by their SPKI text; more distinct keys than this and it starts again. */
  private static final int PARSED_KEYS = 4096;

  private final JdbcClient jdbc;

  /**
   * Decoding a key (strict DER, the point checked, its key id hashed) cost as much as the query
   * that finds it; the same bytes always give the same key, so each is decoded once. What is cached
   * is the decoding only: which key is registered, whose, and valid when is read every time.
   */
  private final Map<String, PublicKey> parsed = new ConcurrentHashMap<>();

  public KeyRegistryView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<RegisteredKey> find(String keyId) {
    return jdbc.sql(
            "SELECT key_id, owner_id, role, public_key, valid_from, revoked_at, genesis"
                + " FROM registry_key WHERE key_id = ?")
        .param(keyId)
        .query(this::row)
        .optional();
  }

  /** The keys an actor holds, valid at {@code t}. */
  public List<RegisteredKey> validFor(String actorId, Instant t) {
    return jdbc
        .sql(
            "SELECT key_id, owner_id, role, public_key, valid_from, revoked_at, genesis"
                + " FROM registry_key WHERE owner_id = ? ORDER BY valid_from, key_id")
        .param(actorId)
        .query(this::row)
        .list()
        .stream()
        .filter(k -> k.validAt(t))
        .toList();
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM registry_key").query(Long.class).single() == 0;
  }

  private PublicKey publicKey(String spki) {
    PublicKey key = parsed.get(spki);
    if (key == null) {
      key = PublicKey.fromSpki(Bytes.fromBase64(spki));
      if (parsed.size() >= PARSED_KEYS) {
        parsed.clear();
      }
      parsed.put(spki, key);
    }
    return key;
  }

  private RegisteredKey row(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new RegisteredKey(
        rs.getString("key_id").trim(),
        rs.getString("owner_id"),
        ActorRole.valueOf(rs.getString("role")),
        publicKey(rs.getString("public_key")),
        rs.getTimestamp("valid_from").toInstant(),
        revoked == null ? null : revoked.toInstant(),
        rs.getBoolean("genesis"));
  }
}
