package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.Cosignature;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleProofException;
import org.examledger.merkle.ProofVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup and restore with the real PostgreSQL tools (docs/operations.md, "Backup and restore"): a
 * signed ledger written through the API is dumped with {@code pg_dump -Fc} twice (an older backup,
 * then a newer one after a witness cosigned the newest checkpoint), and each test restores a dump
 * with {@code pg_restore} into a fresh database. The newer backup verifies with the same tree size
 * and root; the older one verifies on its own (it is a consistent, merely older, ledger) but is
 * caught by the witnessed checkpoint, and a service started on it forks from what the witness saw.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

  private static final String SESSION = "S-BR";
  private static final Duration SEALING = Duration.ofSeconds(30);

  private PostgresDatabase db;
  private Path dir;
  private Path logKey;
  private Path olderDump;
  private Path newerDump;
  private Path witnessedNote;
  private long olderSize;
  private Checkpoint witnessed;
  private String newerRoot;

  @BeforeAll
  void writeBackUpAndWitness(@TempDir Path temp) throws Exception {
    dir = temp;
    db = PostgresDatabase.create();
    try (LedgerNode node = LedgerNode.start(settings(db))) {
      TestActors.bootstrap(node);
      created(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)));
      for (String candidate : List.of("C-1", "C-2")) {
        created(
            node.post(
                "/api/v1/sessions/" + SESSION + "/candidates",
                AbstractSliceIT.registerBody(SESSION, candidate)));
      }
      olderSize = awaitSealed(db);
      olderDump = pgDump(db, dir.resolve("older.dump"));

      AbstractSliceIT.startSession(node, SESSION);
      for (String[] score :
          List.of(new String[] {"theory", "31.5"}, new String[] {"practical", "30"})) {
        created(
            node.post(
                "/api/v1/sessions/" + SESSION + "/candidates/C-1/scores",
                AbstractSliceIT.scoreBody(SESSION, "C-1", score[0], "\"" + score[1] + "\"")));
      }
      long newerSize = awaitSealed(db);
      assertThat(newerSize).isGreaterThan(olderSize);

      Witness witness = new Witness(node);
      String cosigned = witness.cosignLatest();
      witnessed = witness.last;
      assertThat(witnessed.size()).isEqualTo(newerSize);
      witnessedNote = Files.writeString(dir.resolve("witnessed-checkpoint.txt"), cosigned);
      newerRoot = logState(db).root();
      newerDump = pgDump(db, dir.resolve("newer.dump"));
    }
    logKey = dir.resolve("keys").resolve("log-ed25519.pem");
  }

  @AfterAll
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void newerBackupRestoredIntoAFreshDatabase_verifiesWithTheSameSizeAndRoot() throws Exception {
    try (PostgresDatabase restored = pgRestore(newerDump)) {
      VerifyRun run = verify(restored, "--witnessed-checkpoint", witnessedNote.toString());

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      long size = witnessed.size();
      assertThat(run.summary())
          .isEqualTo(
              "OK: "
                  + size
                  + " events, "
                  + size
                  + " leaves, "
                  + checkpointCount(restored)
                  + " checkpoints (largest size "
                  + size
                  + "), "
                  + size
                  + " signatures verified, 0 unsigned entries, 4 keys, 1 witnessed checkpoints");
      assertThat(logState(restored)).isEqualTo(new LogState(size, newerRoot));
      assertThat(logState(restored)).isEqualTo(logState(db));
    }
  }

  @Test
  void olderBackupRestored_verifiesAloneButIsBehindTheWitnessedCheckpoint() throws Exception {
    try (PostgresDatabase restored = pgRestore(olderDump)) {
      VerifyRun alone = verify(restored);
      assertThat(alone.exitCode()).as(alone.out() + alone.err()).isZero();
      assertThat(alone.summary()).startsWith("OK: " + olderSize + " events, ");

      VerifyRun against = verify(restored, "--witnessed-checkpoint", witnessedNote.toString());

      assertThat(against.exitCode()).as(against.out() + against.err()).isEqualTo(1);
      assertThat(against.out())
          .contains(
              "witnessed-checkpoint-ahead: checkpoint "
                  + witnessed.size()
                  + ": a checkpoint of size "
                  + witnessed.size()
                  + " (root "
                  + Hash.of(witnessed.rootHash()).hex()
                  + ") was signed by the log and witnessed, but the stored log has only "
                  + olderSize
                  + " leaves: the database is behind what was witnessed")
          .containsPattern("(?m)^FAILED: 1 problem; " + olderSize + " events, ");
    }
  }

  @Test
  void serviceStartedOnTheOlderBackup_forksAndTheWitnessRefusesToCosign() throws Exception {
    try (PostgresDatabase restored = pgRestore(olderDump)) {
      long forkedSize;
      try (LedgerNode node = LedgerNode.start(settings(restored))) {
        // new writes after the restore: the log grows past the witnessed size with other leaves
        long candidates = witnessed.size() - olderSize + 2;
        for (int i = 0; i < candidates; i++) {
          created(
              node.post(
                  "/api/v1/sessions/" + SESSION + "/candidates",
                  AbstractSliceIT.registerBody(SESSION, "C-R" + i)));
        }
        forkedSize = awaitSealed(restored);
        assertThat(forkedSize).isGreaterThan(witnessed.size());

        Witness witness = new Witness(node);
        witness.last = witnessed;
        assertThatThrownBy(witness::cosignLatest)
            .isInstanceOf(WitnessRefused.class)
            .hasMessageStartingWith(
                "refusing to cosign checkpoint "
                    + forkedSize
                    + ": it is not consistent with the checkpoint of size "
                    + witnessed.size()
                    + " cosigned before: ");
        // the witness's own cosigned note names a checkpoint the restored log never signed
        Response posted = node.post("/api/v1/log/add-checkpoint", Files.readString(witnessedNote));
        assertThat(posted.status()).as(posted.body()).isIn(404, 409);
      }

      VerifyRun run = verify(restored, "--witnessed-checkpoint", witnessedNote.toString());

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .containsPattern(
              "(?m)^witnessed-checkpoint-fork: checkpoint "
                  + witnessed.size()
                  + ": the witnessed checkpoint of size "
                  + witnessed.size()
                  + " signs root "
                  + Hash.of(witnessed.rootHash()).hex()
                  + " but the tree rebuilt from the stored events has root [0-9a-f]{64} at that"
                  + " size: the stored log is not the log that was witnessed")
          .containsPattern("(?m)^FAILED: 1 problem; " + forkedSize + " events, ");
    }
  }

  @Test
  void witnessedCheckpointNotSignedByTheLog_isAConfigurationError() throws Exception {
    try (PostgresDatabase restored = pgRestore(newerDump)) {
      String forged = Files.readString(witnessedNote).replace("— ", "— x");
      Path file = Files.writeString(dir.resolve("forged-checkpoint.txt"), forged);

      VerifyRun run = verify(restored, "--witnessed-checkpoint", file.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err())
          .startsWith(
              "ledger verify: --witnessed-checkpoint "
                  + file
                  + " is not a checkpoint of this log to check against: ");
      assertThat(run.out()).doesNotContain("OK:");
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Map<String, String> settings(PostgresDatabase database) {
    Map<String, String> settings = new HashMap<>(AbstractLogIT.logSettings());
    settings.putAll(database.nodeSettings("backup-it-node", dir));
    return settings;
  }

  private static void created(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static long awaitSealed(PostgresDatabase database) {
    return database.awaitSealed(SEALING);
  }

  record LogState(long size, String root) {}

  private static LogState logState(PostgresDatabase database) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT tree_size, root_hash FROM ledger_log_state WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      return new LogState(rs.getLong(1), HexFormat.of().formatHex(rs.getBytes(2)));
    }
  }

  private static long checkpointCount(PostgresDatabase database) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        var rs = s.executeQuery("SELECT COUNT(*) FROM ledger_checkpoint")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** {@code pg_dump -Fc}, the documented backup, of the live database. */
  private static Path pgDump(PostgresDatabase database, Path file) throws Exception {
    tool(
        "pg_dump",
        "-Fc",
        "-h",
        PostgresDatabase.HOST,
        "-p",
        PostgresDatabase.PORT,
        "-U",
        PostgresDatabase.USER,
        "-d",
        database.name(),
        "-f",
        file.toString());
    assertThat(Files.size(file)).isPositive();
    return file;
  }

  /** {@code pg_restore} of a dump into a fresh database, the documented restore. */
  private static PostgresDatabase pgRestore(Path dump) throws Exception {
    PostgresDatabase restored = PostgresDatabase.create();
    tool(
        "pg_restore",
        "--exit-on-error",
        "--no-owner",
        "-h",
        PostgresDatabase.HOST,
        "-p",
        PostgresDatabase.PORT,
        "-U",
        PostgresDatabase.USER,
        "-d",
        restored.name(),
        dump.toString());
    return restored;
  }

  private static void tool(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.set(0, "/usr/bin/" + command[0]);
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output;
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command[0] + " did not finish in 120 s");
    }
    output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
  }

  private VerifyRun verify(PostgresDatabase database, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--db-url",
                database.url(),
                "--db-user",
                PostgresDatabase.USER,
                "--log-key",
                logKey.toString()));
    if (extra.length > 0) {
      args.addAll(List.of("--witness-vkey", AbstractLogIT.WITNESS_KEY.toString()));
    }
    args.addAll(List.of(extra));
    return VerifyRun.of(args.toArray(String[]::new));
  }

  /** The witness refused: what it would log instead of cosigning. */
  static final class WitnessRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WitnessRefused(String message) {
      super(message);
    }
  }

  /**
   * The supervisor's witness, as c2sp.org/tlog-witness describes its duty: it cosigns a checkpoint
   * only if it is signed by the log and consistent with the last checkpoint it cosigned (a
   * consistency proof fetched from the log), then posts the cosignature to the log.
   */
  private static final class Witness {
    private final LedgerNode node;
    private final NoteVerifierKey logKey;
    Checkpoint last;

    Witness(LedgerNode node) {
      this.node = node;
      this.logKey = NoteVerifierKey.parse(node.get("/api/v1/log/key").body().strip());
    }

    /** Cosigns the log's latest checkpoint and posts it; the cosigned note. */
    String cosignLatest() {
      Response r = node.get("/api/v1/log/checkpoint");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      SignedNote note = SignedNote.parse(r.body());
      Checkpoint next = new WitnessPolicy(logKey, List.of(), 0).verify(note);
      if (last != null) {
        consistent(next);
      }
      SignedNote cosigned =
          note.addSignature(
              Cosignature.signer(
                  AbstractLogIT.WITNESS_NAME, AbstractLogIT.WITNESS, AbstractLogIT.COSIGNED_AT));
      Response posted = node.post("/api/v1/log/add-checkpoint", cosigned.toString());
      assertThat(posted.status()).as(posted.body()).isEqualTo(200);
      last = next;
      return cosigned.toString();
    }

    private void consistent(Checkpoint next) {
      String refusal =
          "refusing to cosign checkpoint "
              + next.size()
              + ": it is not consistent with the checkpoint of size "
              + last.size()
              + " cosigned before: ";
      if (next.size() < last.size()) {
        throw new WitnessRefused(refusal + "it is smaller");
      }
      Response r = node.get("/api/v1/log/consistency?from=" + last.size() + "&to=" + next.size());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      List<Hash> path = new ArrayList<>();
      r.json().get("proof").forEach(h -> path.add(Hash.fromBase64(h.asText())));
      try {
        ProofVerifier.verifyConsistency(
            new ConsistencyProof(last.size(), next.size(), path),
            Hash.of(last.rootHash()),
            Hash.of(next.rootHash()));
      } catch (MerkleProofException e) {
        throw new WitnessRefused(refusal + e.getMessage());
      }
    }
  }
}
