package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.SignedNote;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.Node;
import org.examledger.merkle.NodeStore;
import org.examledger.merkle.ProofVerifier;
import org.examledger.merkle.Rfc6962;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * {@code ./ledger bench proofs}: inclusion proof latency from the server ({@code GET
 * /api/v1/log/leaves/{i}/proof?treeSize=N}) at growing log sizes. Writing a million statements
 * through the API would take hours here, so the log tables are filled directly: leaves with
 * synthetic leaf hashes, every Merkle node computed by ledger-core's {@link MerkleLog} (the library
 * the sequencer uses), the log state, and a checkpoint signed with the server's own log key; the
 * server is stopped while the tables grow and restarted for each size. The first proof of each size
 * is verified against the checkpoint's root, so the numbers are for proofs that hold.
 */
final class ProofsSuite {

  private static final String ORIGIN = "examledger.local/ledger";

  /** Synthetic leaves get global indexes far above any real event's. */
  private static final long GLOBAL_INDEX_BASE = 1_000_000_000_000L;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProofsSuite() {}

  /**
   * Remembers the nodes added since the last drain and keeps none: appending and the current root
   * need only the log's compact range, so the harness's memory stays flat at 10^7 leaves (the
   * database holds the nodes).
   */
  private static final class Capturing implements NodeStore {
    final List<Node> added = new ArrayList<>();

    @Override
    public Optional<Hash> get(int level, long index) {
      throw new UnsupportedOperationException(
          "the harness keeps no nodes; proofs are read from the server");
    }

    @Override
    public void put(int level, long index, Hash hash) {
      added.add(new Node(level, index, hash));
    }

    @Override
    public void putAll(List<Node> batch) {
      added.addAll(batch);
    }
  }

  static void run(Options options, Report report) throws Exception {
    List<Long> sizes =
        Arrays.stream(options.text("sizes", "10000,100000,1000000").split(","))
            .map(String::trim)
            .map(Long::parseLong)
            .sorted()
            .toList();
    int requests = options.integer("requests", 5000);
    // 500 left C2 compiling the request path while the proofs were timed (p99 about 9 ms where
    // the warm server's is about 5 ms): a long-running service is measured warm
    int warmupRequests = options.integer("warmup-requests", 20000);
    String pgHost = options.text("pg-host", "127.0.0.1:5432");
    String pgUser = options.text("pg-user", "postgres");
    Path jar = Path.of(options.text("jar", "ledger-api/target/ledger.jar"));
    List<String> jvm = ServiceRun.split(options.text("server-jvm", "-Xmx2g"));
    boolean keep = options.flag("keep-database", false);
    ObjectNode results = report.results();
    ObjectNode bySize = results.putObject("bySize");
    Path dataDir = Files.createTempDirectory("ledger-bench-proofs-");
    Station station = new Station(0, 1);
    try (BenchDatabase db = BenchDatabase.create(pgHost, pgUser, "proofs", keep)) {
      BenchMain.progress("proofs: creating the schema and the log key (first start) ...");
      try (LedgerServer first = LedgerServer.start(jar, db, dataDir, jvm, List.of())) {
        first.addAccounts(station.accounts());
      }
      NoteSigner logSigner =
          NoteSigner.ed25519(
              ORIGIN,
              Signers.fromPkcs8Pem(
                  Files.readString(dataDir.resolve("keys").resolve("log-ed25519.pem")),
                  Sm2UserId.DEFAULT,
                  new SecureRandom()));
      Capturing store = new Capturing();
      MerkleLog log = MerkleLog.create(store);
      for (long size : sizes) {
        long fillStart = System.nanoTime();
        BenchMain.progress("proofs: growing the log to " + size + " leaves ...");
        grow(db, log, store, size, logSigner);
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        try (LedgerServer server = LedgerServer.start(jar, db, dataDir, jvm, List.of())) {
          Http http = new Http(server.url());
          Random random = new Random(20261128L + size);
          verifyOne(http, size, log.root());
          for (int i = 0; i < warmupRequests; i++) {
            proof(http, Math.floorMod(random.nextLong(), size), size);
            keyRequest(http);
          }
          Histogram latency = Latencies.histogram();
          Histogram reference = Latencies.histogram();
          for (int i = 0; i < requests; i++) {
            Latencies.recordNanos(
                latency, proof(http, Math.floorMod(random.nextLong(), size), size));
            // the same client's trivial request between two proofs, for what the platform adds
            Latencies.recordNanos(reference, keyRequest(http));
          }
          ObjectNode o = bySize.putObject(String.valueOf(size));
          o.put("fillSeconds", Math.round(fillSeconds * 10) / 10.0);
          o.set("latency", Latencies.toJson(latency));
          o.set("referenceLatency", Latencies.toJson(reference));
          o.put("serverResidentBytes", server.residentBytes());
          BenchMain.progress(
              "proofs: " + size + " leaves, p99 " + o.get("latency").get("p99Ms") + " ms");
        }
      }
    } finally {
      // the log key and the server's log, kept with the database for a look
      ServiceRun.deleteTree(keep ? null : dataDir);
    }
    report.note(
        "population",
        "The log tables (ledger_leaf, ledger_merkle_node, ledger_log_state, ledger_checkpoint)"
            + " were filled directly over JDBC (COPY), not through the API: synthetic leaf hashes"
            + " (RFC 6962 leaf hash of 'bench leaf <i>'), nodes computed by ledger-core's"
            + " MerkleLog, one checkpoint per size signed with the server's log key. The domain"
            + " event table is empty, so only the log endpoints are meaningful on this database.");
    report.note(
        "method",
        "One client, sequential requests for seeded random leaves against the checkpoint of that"
            + " size (GET /api/v1/log/leaves/{i}/proof?treeSize=N, signed in as the station"
            + " administrator), after --warmup-requests unmeasured ones, each followed by the reference request (so"
            + " both paths are compiled before the clock starts); the server restarted on"
            + " the grown tables for each size. The first proof of each size is verified against the"
            + " root with ledger-core's ProofVerifier. referenceLatency: after each measured proof"
            + " the same client asks GET /api/v1/log/key (sign-in, a small answer, no database),"
            + " what the platform alone adds to a request at that moment.");
  }

  /** {@code GET /api/v1/log/key}: sign-in and a small answer, no database. */
  private static long keyRequest(Http http) {
    Http.Response r = http.get("/api/v1/log/key", Station.ADMIN);
    if (r.status() != 200) {
      throw new IllegalStateException("GET /api/v1/log/key answered " + r.status());
    }
    return r.nanos();
  }

  private static long proof(Http http, long leaf, long size) {
    Http.Response r =
        http.get("/api/v1/log/leaves/" + leaf + "/proof?treeSize=" + size, Station.ADMIN);
    if (r.status() != 200) {
      throw new IllegalStateException(
          "proof of leaf " + leaf + " answered " + r.status() + " " + r.body());
    }
    return r.nanos();
  }

  private static void verifyOne(Http http, long size, Hash root) throws Exception {
    long leaf = size / 3;
    Http.Response r =
        http.get("/api/v1/log/leaves/" + leaf + "/proof?treeSize=" + size, Station.ADMIN);
    if (r.status() != 200) {
      throw new IllegalStateException(
          "proof of leaf " + leaf + " answered " + r.status() + " " + r.body());
    }
    JsonNode body = JSON.readTree(r.body());
    List<Hash> path = new ArrayList<>();
    body.get("proof").forEach(h -> path.add(Hash.fromBase64(h.asText())));
    ProofVerifier.verifyInclusion(
        new InclusionProof(leaf, size, path), Hash.fromBase64(body.get("leafHash").asText()), root);
  }

  /**
   * Appends synthetic leaves up to {@code size}, writes them and their nodes, signs a checkpoint.
   */
  private static void grow(
      BenchDatabase db, MerkleLog log, Capturing store, long size, NoteSigner signer)
      throws Exception {
    long from = log.size();
    HexFormat hex = HexFormat.of();
    String now = Instant.now().toString();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      final int chunk = 50_000;
      for (long start = from; start < size; start += chunk) {
        long end = Math.min(size, start + chunk);
        StringBuilder leaves = new StringBuilder();
        List<Hash> hashes = new ArrayList<>();
        for (long i = start; i < end; i++) {
          Hash h = Rfc6962.leafHash(Bytes.utf8("bench leaf " + i));
          hashes.add(h);
          leaves
              .append(i)
              .append('\t')
              .append(GLOBAL_INDEX_BASE + i)
              .append('\t')
              .append("bench-leaf-")
              .append(i)
              .append('\t')
              .append("\\\\x")
              .append(hex.formatHex(h.value().toByteArray()))
              .append('\t')
              .append(now)
              .append('\n');
        }
        log.appendAll(hashes);
        copy.copyIn(
            "COPY ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash, sequenced_at)"
                + " FROM STDIN",
            new StringReader(leaves.toString()));
        StringBuilder nodes = new StringBuilder();
        for (Node n : store.added) {
          nodes
              .append(n.level())
              .append('\t')
              .append(n.index())
              .append('\t')
              .append("\\\\x")
              .append(hex.formatHex(n.hash().value().toByteArray()))
              .append('\n');
        }
        store.added.clear();
        copy.copyIn(
            "COPY ledger_merkle_node (level, node_index, hash) FROM STDIN",
            new StringReader(nodes.toString()));
      }
      Hash root = log.root();
      try (PreparedStatement state =
          c.prepareStatement(
              "UPDATE ledger_log_state SET tree_size = ?, root_hash = ? WHERE id = 1")) {
        state.setLong(1, size);
        state.setBytes(2, root.value().toByteArray());
        state.executeUpdate();
      }
      SignedNote note =
          SignedNote.sign(
              new Checkpoint(ORIGIN, size, root.value(), List.of()).toNoteText(), signer);
      try (PreparedStatement cp =
          c.prepareStatement(
              "INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)")) {
        cp.setLong(1, size);
        cp.setBytes(2, root.value().toByteArray());
        cp.setString(3, note.toString());
        cp.setTimestamp(4, Timestamp.from(Instant.now()));
        cp.executeUpdate();
      }
      c.commit();
    }
  }
}
