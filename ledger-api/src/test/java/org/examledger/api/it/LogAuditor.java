package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.ProofVerifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an outside auditor does with the log's HTTP API and the integrity library: fetch the key and
 * checkpoints, verify signatures and proofs, recompute leaves from the event table.
 */
final class LogAuditor {

  private final LedgerNode node;
  private final JdbcTemplate sql;

  LogAuditor(LedgerNode node, DataSource dataSource) {
    this.node = node;
    this.sql = new JdbcTemplate(dataSource);
  }

  NoteVerifierKey logKey() {
    Response r = node.get("/api/v1/log/key");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    return NoteVerifierKey.parse(r.body().strip());
  }

  /** The latest checkpoint, its log signature verified. */
  Checkpoint latestCheckpoint() {
    Response r = node.get("/api/v1/log/checkpoint");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    return verified(r.body());
  }

  Checkpoint verified(String note) {
    return new WitnessPolicy(logKey(), List.of(), 0).verify(SignedNote.parse(note));
  }

  long storedEvents() {
    return sql.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
  }

  /** Every event has exactly one leaf and the leaf indexes are 0..n-1. */
  void assertEveryEventHasExactlyOneContiguousLeaf() {
    long events = storedEvents();
    List<Long> indexes =
        sql.queryForList("SELECT leaf_index FROM ledger_leaf ORDER BY leaf_index", Long.class);
    List<Long> expected = new ArrayList<>();
    for (long i = 0; i < events; i++) {
      expected.add(i);
    }
    assertThat(indexes).isEqualTo(expected);
    Long matched =
        sql.queryForObject(
            "SELECT COUNT(*) FROM domain_event_entry e JOIN ledger_leaf l"
                + " ON l.event_identifier = e.event_identifier"
                + " AND l.global_index = e.global_index",
            Long.class);
    assertThat(matched).isEqualTo(events);
  }

  boolean everyEventHasALeaf() {
    return sql.queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class) == storedEvents();
  }

  List<String> eventIdentifiers() {
    return sql.queryForList(
        "SELECT event_identifier FROM domain_event_entry ORDER BY global_index", String.class);
  }

  /** The leaf hash recomputed from the event row, independently of the service's code path. */
  Hash recomputedLeafHash(String eventIdentifier) {
    return LeafEncoding.leafHash(storedEvent(eventIdentifier));
  }

  StoredEvent storedEvent(String eventIdentifier) {
    return sql.queryForObject(
        "SELECT * FROM domain_event_entry WHERE event_identifier = ?",
        (rs, n) -> {
          byte[] meta = rs.getBytes("meta_data");
          return new StoredEvent(
              rs.getString("event_identifier"),
              rs.getString("type"),
              rs.getString("aggregate_identifier"),
              rs.getLong("sequence_number"),
              rs.getString("payload_type"),
              rs.getString("payload_revision"),
              rs.getString("time_stamp"),
              Bytes.of(rs.getBytes("payload")),
              meta == null ? null : Bytes.of(meta));
        },
        eventIdentifier);
  }

  /**
   * Fetches the event's inclusion proof over HTTP and verifies it against the checkpoint it came
   * with, whose signature is verified with the log key. Returns that checkpoint.
   */
  Checkpoint verifyInclusion(String eventIdentifier) {
    Response r = node.get("/api/v1/log/events/" + eventIdentifier + "/proof");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode body = r.json();
    Checkpoint checkpoint = verified(body.get("checkpoint").asText());
    assertThat(body.get("treeSize").asLong()).isEqualTo(checkpoint.size());
    Hash leafHash = Hash.fromBase64(body.get("leafHash").asText());
    assertThat(leafHash).isEqualTo(recomputedLeafHash(eventIdentifier));
    InclusionProof proof =
        new InclusionProof(
            body.get("leafIndex").asLong(), body.get("treeSize").asLong(), hashes(body));
    ProofVerifier.verifyInclusion(proof, leafHash, Hash.of(checkpoint.rootHash()));
    return checkpoint;
  }

  void verifyConsistency(Checkpoint older, Checkpoint newer) {
    Response r = node.get("/api/v1/log/consistency?from=" + older.size() + "&to=" + newer.size());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    ProofVerifier.verifyConsistency(
        new ConsistencyProof(older.size(), newer.size(), hashes(r.json())),
        Hash.of(older.rootHash()),
        Hash.of(newer.rootHash()));
  }

  private static List<Hash> hashes(JsonNode body) {
    List<Hash> path = new ArrayList<>();
    body.get("proof").forEach(h -> path.add(Hash.fromBase64(h.asText())));
    return path;
  }
}
