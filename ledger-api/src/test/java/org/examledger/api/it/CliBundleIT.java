package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.api.security.AccountRole;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Cosignature;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.cli.LedgerCli;
import org.examledger.crypto.Digests;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Signers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examiner and auditor CLI against the real application on PostgreSQL: a key made with {@code
 * keygen} is registered and assigned through {@code sign}/{@code submit} by the administrator, the
 * new examiner's score is signed and submitted with the CLI and accepted; then a session bundle is
 * exported, verified offline (exit 0), and each kind of tampering (payload byte, proof hash,
 * checkpoint signature, dropped event, key swapped) is caught, exit 1, naming the event or entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliBundleIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SESSION = "S-CLI";

  private Path dir;
  private PostgresDatabase db;
  private Path bundle;
  private Path examinerBundle;
  private Path twoCheckpointBundle;
  private long earlySize;
  private String logVkey;
  private String newKeyId;
  private JsonNode serverSheet;
  private JsonNode serverFlags;
  private Instant beforeScores;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LedgerCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** An auditor's account: reads everything, writes nothing; what an export needs. */
  static final String AUDITOR = "bundle-auditor";

  /** A CLI run signed in as {@link #AUDITOR}. */
  Run asAuditor(String... args) {
    return cli(signedIn(dir, AUDITOR, args));
  }

  /** {@code args} with {@code --user user --password-file F} added after the command name. */
  static String[] signedIn(Path dir, String user, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(1, List.of("--user", user, "--password-file", passwordFile(dir, user).toString()));
    return all.toArray(String[]::new);
  }

  /** A file holding the test password of {@code user}, as a station keeps it. */
  static Path passwordFile(Path dir, String user) {
    try {
      return Files.writeString(dir.resolve(user + ".password"), LedgerNode.password(user));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  /** Signs with the CLI and submits with the CLI; returns the submit run. */
  private Run signAndSubmit(
      LedgerNode node, Path key, String actor, String type, String subject, String payload)
      throws IOException {
    Path envelope = dir.resolve("env-" + System.nanoTime() + ".json");
    Run sign =
        cli(
            "sign",
            "--key",
            key.toString(),
            "--actor",
            actor,
            "--type",
            type,
            "--subject",
            subject,
            "--payload",
            file("payload-" + System.nanoTime() + ".json", payload).toString(),
            "--out",
            envelope.toString());
    assertThat(sign.code()).as(sign.err()).isZero();
    // submitted by the signer's own account, as a station's examiner would
    String user = actor.toLowerCase(java.util.Locale.ROOT);
    node.account(user, actor, LedgerNode.SIGNER_ROLES.toArray(AccountRole[]::new));
    return cli(signedIn(dir, user, "submit", "--server", node.baseUrl(), envelope.toString()));
  }

  @BeforeAll
  void writeThroughTheCliAndExport(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    db = PostgresDatabase.create();
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", db.url());
    settings.put("spring.datasource.username", db.user());
    settings.put("spring.datasource.password", "");
    settings.put("ledger.node-id", "cli-it-node");
    settings.put("ledger.data-dir", dir.resolve("data").toString());
    settings.put("ledger.log.witnesses[0]", AbstractLogIT.WITNESS_KEY.toString());
    try (LedgerNode node = LedgerNode.start(settings)) {
      String server = node.baseUrl();
      TestActors.bootstrap(node);
      node.account(AUDITOR, "auditor-05", AccountRole.AUDITOR);
      assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)).status())
          .isEqualTo(201);
      assertThat(
              node.post(
                      "/api/v1/sessions/" + SESSION + "/candidates",
                      AbstractSliceIT.registerBody(SESSION, "C-1"))
                  .status())
          .isEqualTo(201);

      // the examiner makes a key; the administrator registers and assigns it, all with the CLI
      Path examinerKey = dir.resolve("examiner-09.pem");
      Run keygen = cli("keygen", "--actor", "examiner-09", "--out", examinerKey.toString());
      assertThat(keygen.code()).as(keygen.err()).isZero();
      PublicKey examinerPublic =
          PublicKey.fromPem(Files.readString(dir.resolve("examiner-09.pem.pub")));
      newKeyId = examinerPublic.keyId().value();
      assertThat(keygen.out()).contains(newKeyId);
      Path adminKey = file("admin-01.pem", Signers.toPkcs8Pem(TestActors.ADMIN.signer()));
      Run register =
          signAndSubmit(
              node,
              adminKey,
              "admin-01",
              "keys.register/v1",
              newKeyId,
              "{\"owner\":\"examiner-09\",\"role\":\"EXAMINER\",\"publicKey\":\""
                  + examinerPublic.spki().base64()
                  + "\",\"validFrom\":\""
                  + Instant.now().minusSeconds(60)
                  + "\"}");
      assertThat(register.code()).as(register.err()).isZero();
      assertThat(register.out()).contains(newKeyId);
      Run assign =
          signAndSubmit(
              node,
              adminKey,
              "admin-01",
              "exam.staff.assign/v1",
              SESSION,
              "{\"personId\":\"examiner-09\",\"role\":\"EXAMINER\"}");
      assertThat(assign.code()).as(assign.err()).isZero();
      AbstractSliceIT.startSession(node, SESSION);
      // an earlier checkpoint, as a station's notice board would show it
      await().atMost(Duration.ofSeconds(30)).until(this::sequenced);
      Response early = node.post("/api/v1/log/checkpoint", "");
      assertThat(early.status()).as(early.body()).isEqualTo(200);
      earlySize = Long.parseLong(early.body().split("\n")[1]);
      beforeScores = Instant.now();

      Run score =
          signAndSubmit(
              node,
              examinerKey,
              "examiner-09",
              "exam.score.record/v1",
              SESSION,
              "{\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":\"31.5\"}");
      assertThat(score.code()).as(score.err()).isZero();
      assertThat(JSON.readTree(score.out()).path("signed").asBoolean()).isTrue();
      Response other =
          node.post(
              "/api/v1/sessions/" + SESSION + "/candidates/C-1/scores",
              AbstractSliceIT.scoreBody(SESSION, "C-1", "practical", "\"30\""));
      assertThat(other.status()).as(other.body()).isEqualTo(201);

      // a refused statement: one line with status, rule and detail, exit 1
      Run refused =
          signAndSubmit(
              node,
              examinerKey,
              "examiner-07",
              "exam.score.record/v1",
              SESSION,
              "{\"candidateId\":\"C-1\",\"componentId\":\"practical\",\"score\":\"1\"}");
      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err().strip())
          .startsWith("ledger submit: refused: 403 actor-key-mismatch")
          .doesNotContain("\n");

      await().atMost(Duration.ofSeconds(30)).until(this::sequenced);
      // the witness cosigns the checkpoint that covers everything; the export anchors to it
      SignedNote latest = SignedNote.parse(node.post("/api/v1/log/checkpoint", "").body());
      SignedNote cosigned =
          latest.addSignature(
              Cosignature.signer(
                  AbstractLogIT.WITNESS_NAME, AbstractLogIT.WITNESS, AbstractLogIT.COSIGNED_AT));
      Response added = node.post("/api/v1/log/add-checkpoint", cosigned.toString());
      assertThat(added.status()).as(added.body()).isEqualTo(200);
      logVkey = node.get("/api/v1/log/key").body().strip();
      String sheet = "/api/v1/sessions/" + SESSION + "/candidates/C-1/result-sheet";
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> node.get(sheet).json().path("outcome").asText().equals("PASS"));
      serverSheet = node.get(sheet).json();
      // the flags as of the session's last event, the moment replay judges them at
      serverFlags =
          node.get("/api/v1/flags?session=" + SESSION + "&asOf=" + lastSessionEventTime()).json();
      bundle = dir.resolve("bundle.zip");
      Run export =
          asAuditor("export", "--server", server, "--session", SESSION, "--out", bundle.toString());
      assertThat(export.code()).as(export.err()).isZero();
      assertThat(export.out()).contains("events of session " + SESSION);
      twoCheckpointBundle = dir.resolve("two-checkpoints.zip");
      Run two =
          asAuditor(
              "export",
              "--server",
              server,
              "--session",
              SESSION,
              "--also-checkpoint",
              Long.toString(earlySize),
              "--out",
              twoCheckpointBundle.toString());
      assertThat(two.code()).as(two.err()).isZero();
      // no session: the export reads the whole log and keeps one examiner's events
      examinerBundle = dir.resolve("examiner.zip");
      Run byExaminer =
          asAuditor(
              "export",
              "--server",
              server,
              "--examiner",
              "examiner-09",
              "--quiet",
              "--out",
              examinerBundle.toString());
      assertThat(byExaminer.code()).as(byExaminer.err()).isZero();
      assertThat(byExaminer.out() + byExaminer.err()).isEmpty();
    }
  }

  private String lastSessionEventTime() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = '"
                    + SESSION
                    + "' ORDER BY sequence_number DESC LIMIT 1")) {
      rs.next();
      return JSON.readTree(rs.getBytes(1)).at("/provenance/receivedAt").asText();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean sequenced() throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM domain_event_entry),"
                    + " (SELECT COUNT(*) FROM ledger_leaf)")) {
      rs.next();
      return rs.getLong(1) == rs.getLong(2);
    }
  }

  @AfterAll
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void replayOfTheBundleGivesTheServersResultSheet() throws Exception {
    Run r = cli("replay", bundle.toString(), "--json", "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode replayed = JSON.readTree(r.out());
    JsonNode sheets = replayed.get("sheets");
    assertThat(sheets).hasSize(1);
    assertThat(sheets.get(0)).isEqualTo(serverSheet);
    assertThat(replayed.get("flags")).isEqualTo(serverFlags.get("flags"));
    // C-1 was scored without any identity check: both see it
    assertThat(replayed.get("flags").findValuesAsText("ruleId")).contains("identity-gap");
    assertThat(serverSheet.path("total").decimalValue()).isEqualByComparingTo("61.5");

    Run text = cli("replay", bundle.toString());
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains(SESSION + " C-1  total 61.5 / pass 60  PASS  OPEN")
        .contains("theory: 31.5 of 50  by examiner-09");
    assertThat(text.err()).contains("result sheets");
  }

  @Test
  void replayAsOfAMomentBeforeTheScoresShowsAnIncompleteSheet() throws Exception {
    Run r = cli("replay", bundle.toString(), "--json", "--as-of", beforeScores.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode sheet = JSON.readTree(r.out()).get("sheets").get(0);
    assertThat(sheet.path("outcome").asText()).isEqualTo("INCOMPLETE");
    assertThat(sheet.path("total").decimalValue()).isEqualByComparingTo("0");
    Run bad = cli("replay", bundle.toString(), "--as-of", "last tuesday");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).startsWith("ledger replay: --as-of must be an RFC 3339 time");
  }

  @Test
  void exportedBundleVerifiesOffline() {
    Run r = cli("verify-bundle", bundle.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("result:      VERIFIED").contains("(given with --log-vkey)");
    // 10 session events (schedule, register, assign x3, open, notice, start, 2 scores) + 5 keys
    assertThat(r.out()).contains("events:      15 (15 signed, 0 unsigned; 5 keys registered)");
  }

  @Test
  void examinerBundleHoldsOnlyTheirEventsAndVerifies() throws Exception {
    Run r = cli("verify-bundle", examinerBundle.toString(), "--log-vkey", logVkey, "--quiet");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).isEmpty();
    JsonNode manifest;
    try (ZipFile zip = new ZipFile(examinerBundle.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("manifest.json"))) {
      manifest = JSON.readTree(in);
    }
    assertThat(manifest.path("selection").toString()).isEqualTo("{\"examiner\":\"examiner-09\"}");
    long scores = 0;
    for (JsonNode e : manifest.path("events")) {
      if (!e.path("payloadType").asText().startsWith("org.examledger.keys.")) {
        assertThat(e.path("payloadType").asText()).endsWith("ScoreRecordedEvent");
        scores++;
      }
    }
    assertThat(scores).isEqualTo(1);
  }

  @Test
  void earlierCheckpointIsProvenAPrefixOfTheAnchor() throws Exception {
    Run r = cli("verify-bundle", twoCheckpointBundle.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    long anchor = manifest().path("checkpoints").get(0).asLong();
    assertThat(earlySize).isPositive().isLessThan(anchor);
    assertThat(r.out()).contains("checkpoints: [" + earlySize + ", " + anchor + "]");

    String path = "consistency/" + earlySize + "-" + anchor + ".proof";
    String zeros = Base64.getEncoder().encodeToString(new byte[32]);
    Path tampered =
        tamper(
            twoCheckpointBundle,
            "consistency",
            path,
            text -> zeros + text.substring(text.indexOf('\n')),
            true);
    Run bad = cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("checkpoint-inconsistent: " + path + ": ");
  }

  @Test
  void witnessPolicyIsMetByTheWitnessAndNotByAnotherKey() {
    Run r =
        cli(
            "verify-bundle",
            bundle.toString(),
            "--log-vkey",
            logVkey,
            "--witness",
            AbstractLogIT.WITNESS_KEY.toString(),
            "--witness-threshold",
            "1");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("witnesses:   1 of 1 required").contains("result:      VERIFIED");

    String stranger =
        NoteVerifierKey.cosignatureV1(
                AbstractLogIT.WITNESS_NAME, TestActors.CHIEF.signer().publicKey())
            .toString();
    Run bad = cli("verify-bundle", bundle.toString(), "--log-vkey", logVkey, "--witness", stranger);
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.out()).contains("checkpoint-signature: checkpoints/").contains("witness policy");

    Run tooMany =
        cli(
            "verify-bundle",
            bundle.toString(),
            "--witness",
            AbstractLogIT.WITNESS_KEY.toString(),
            "--witness-threshold",
            "2");
    assertThat(tooMany.code()).isEqualTo(2);
    assertThat(tooMany.err()).startsWith("ledger verify-bundle: --witness-threshold: ");
  }

  @Test
  void jsonReportSaysVerified() throws Exception {
    Run r = cli("verify-bundle", bundle.toString(), "--log-vkey", logVkey, "--json");
    assertThat(r.code()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.path("verified").asBoolean()).isTrue();
    assertThat(report.path("findings")).isEmpty();
  }

  @Test
  void anotherLogKeyFailsEveryCheckpoint() {
    String other =
        NoteVerifierKey.ed25519(
                logVkey.substring(0, logVkey.indexOf('+')), TestActors.CHIEF.signer().publicKey())
            .toString();
    Run r = cli("verify-bundle", bundle.toString(), "--log-vkey", other);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("checkpoint-signature: checkpoints/");
  }

  @Test
  void alteredPayloadByteIsCaughtAndNamed() throws Exception {
    Event score = event("org.examledger.exam.ScoreRecordedEvent", "examiner-09");
    Path tampered =
        tamper(
            "payload",
            score.file(),
            text -> {
              assertThat(text).contains("\"candidateId\":\"C-1\"");
              return text.replace("\"candidateId\":\"C-1\"", "\"candidateId\":\"C-2\"");
            },
            true);
    Run r = cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("inclusion-proof: event " + score.id() + " (leaf " + score.leaf() + ")");
  }

  @Test
  void alteredPayloadWithoutUpdatingTheManifestIsCaughtToo() throws Exception {
    Event score = event("org.examledger.exam.ScoreRecordedEvent", "examiner-09");
    Path tampered =
        tamper("payload-plain", score.file(), t -> t.replace("\"C-1\"", "\"C-2\""), false);
    Run r = cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("entry-altered: " + score.file())
        .contains("inclusion-proof: event " + score.id());
  }

  @Test
  void alteredProofHashIsCaughtAndNamed() throws Exception {
    Event score = event("org.examledger.exam.ScoreRecordedEvent", "examiner-09");
    String zeros = Base64.getEncoder().encodeToString(new byte[32]);
    Path tampered =
        tamper(
            "proof",
            "proofs/" + score.leaf() + ".tlog-proof",
            text -> {
              String[] lines = text.split("\n", -1);
              assertThat(lines[2]).hasSize(44).isNotEqualTo(zeros);
              lines[2] = zeros; // line 1 header, line 2 index, line 3 the first proof hash
              return String.join("\n", lines);
            },
            true);
    Run r = cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("inclusion-proof: event " + score.id() + " (leaf " + score.leaf() + ")");
  }

  @Test
  void alteredCheckpointSignatureIsCaughtAndNamed() throws Exception {
    long size = manifest().path("checkpoints").get(0).asLong();
    String path = "checkpoints/" + size + ".note";
    Path tampered =
        tamper(
            "checkpoint",
            path,
            text -> {
              // the log's own signature line is the first after the blank line; witness lines
              // follow it and are ignored when no witness is required
              int line = text.indexOf("\n\n") + 2;
              int sig = text.indexOf(' ', line + 2) + 1; // after "— <origin> "
              char c = text.charAt(sig + 10);
              return text.substring(0, sig + 10)
                  + (c == 'A' ? 'B' : 'A')
                  + text.substring(sig + 11);
            },
            true);
    Run r = cli("verify-bundle", tampered.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("checkpoint-signature: " + path + ": ");
  }

  @Test
  void droppedEventIsCaughtAndNamed() throws Exception {
    Event score = event("org.examledger.exam.ScoreRecordedEvent", "examiner-09");
    // only the file removed: the manifest still lists the event
    Path plain = rewrite("dropped-plain", files -> files.remove(score.file()), false);
    Run r = cli("verify-bundle", plain.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("event-missing: event " + score.id() + " (leaf " + score.leaf() + ")");

    // file, proof and manifest lines all removed: the gap in the session's sequence shows it
    Path clean =
        rewrite(
            "dropped-clean",
            files -> {
              files.remove(score.file());
              files.remove("proofs/" + score.leaf() + ".tlog-proof");
              ObjectNode m = (ObjectNode) readJson(files.get("manifest.json"));
              ArrayNode events = (ArrayNode) m.get("events");
              for (int i = 0; i < events.size(); i++) {
                if (events.get(i).path("eventId").asText().equals(score.id())) {
                  events.remove(i);
                  break;
                }
              }
              files.put("manifest.json", JSON.writeValueAsBytes(m));
            },
            true);
    Run r2 = cli("verify-bundle", clean.toString(), "--log-vkey", logVkey);
    assertThat(r2.code()).isEqualTo(1);
    assertThat(r2.out())
        .contains(
            "event-missing: session "
                + SESSION
                + ": sequence number "
                + score.sequenceNumber()
                + " is missing");
  }

  @Test
  void swappedKeyIsCaughtAndNamed() throws Exception {
    String otherKey = TestActors.CHIEF.signer().publicKey().spki().base64();
    String path = "keys/" + newKeyId + ".json";
    Path inKeyFile =
        tamper(
            "key-file",
            path,
            text -> {
              ObjectNode key = (ObjectNode) readJson(text.getBytes(StandardCharsets.UTF_8));
              key.put("publicKey", otherKey);
              return key.toString();
            },
            true);
    Run r = cli("verify-bundle", inKeyFile.toString(), "--log-vkey", logVkey);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("key-mismatch: " + path + ": publicKey: ");

    // the key in the registration event itself: its leaf no longer proves, and the score signed
    // with the real key no longer finds it
    Event registration = keyRegistration(newKeyId);
    String realKey =
        readJson(zipEntry(registration.file())).path("payload").path("publicKey").asText();
    Path inEvent =
        tamper("key-event", registration.file(), t -> t.replace(realKey, otherKey), true);
    Event score = event("org.examledger.exam.ScoreRecordedEvent", "examiner-09");
    Run r2 = cli("verify-bundle", inEvent.toString(), "--log-vkey", logVkey);
    assertThat(r2.code()).isEqualTo(1);
    assertThat(r2.out())
        .contains("inclusion-proof: event " + registration.id())
        .contains("signature-invalid: event " + score.id());
  }

  // --- bundle surgery ---

  record Event(String id, long leaf, String file, long sequenceNumber) {}

  private JsonNode manifest() throws IOException {
    return readJson(zipEntry("manifest.json"));
  }

  private Event event(String payloadType, String actor) throws IOException {
    for (JsonNode e : manifest().path("events")) {
      if (e.path("payloadType").asText().equals(payloadType)) {
        JsonNode leaf = readJson(zipEntry(e.path("file").asText()));
        if (actor.equals(leaf.path("payload").path("provenance").path("actorId").asText())) {
          return new Event(
              e.path("eventId").asText(),
              e.path("leafIndex").asLong(),
              e.path("file").asText(),
              e.path("sequenceNumber").asLong());
        }
      }
    }
    throw new AssertionError("no " + payloadType + " by " + actor + " in the bundle");
  }

  private Event keyRegistration(String keyId) throws IOException {
    for (JsonNode e : manifest().path("events")) {
      JsonNode leaf = readJson(zipEntry(e.path("file").asText()));
      if (leaf.path("payloadType").asText().endsWith("KeyRegisteredEvent")
          && keyId.equals(leaf.path("payload").path("keyId").asText())) {
        return new Event(
            e.path("eventId").asText(),
            e.path("leafIndex").asLong(),
            e.path("file").asText(),
            e.path("sequenceNumber").asLong());
      }
    }
    throw new AssertionError("no registration of " + keyId);
  }

  private byte[] zipEntry(String name) throws IOException {
    try (ZipFile zip = new ZipFile(bundle.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(name))) {
      return in.readAllBytes();
    }
  }

  private static JsonNode readJson(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  interface Surgery {
    void apply(Map<String, byte[]> files) throws Exception;
  }

  /** One entry's text changed; with {@code rehash} the manifest's digest follows it. */
  private Path tamper(String name, String entry, UnaryOperator<String> change, boolean rehash)
      throws Exception {
    return tamper(bundle, name, entry, change, rehash);
  }

  private Path tamper(
      Path source, String name, String entry, UnaryOperator<String> change, boolean rehash)
      throws Exception {
    return rewrite(
        source,
        name,
        files -> {
          String before = new String(files.get(entry), StandardCharsets.UTF_8);
          String after = change.apply(before);
          assertThat(after).isNotEqualTo(before);
          files.put(entry, after.getBytes(StandardCharsets.UTF_8));
        },
        rehash);
  }

  /**
   * A copy of the bundle after the surgery; {@code rehash}: digests recomputed, as a forger would.
   */
  private Path rewrite(String name, Surgery surgery, boolean rehash) throws Exception {
    return rewrite(bundle, name, surgery, rehash);
  }

  private Path rewrite(Path source, String name, Surgery surgery, boolean rehash) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(source.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          files.put(e.getName(), in.readAllBytes());
        }
      }
    }
    surgery.apply(files);
    if (rehash) {
      ObjectNode m = (ObjectNode) readJson(files.get("manifest.json"));
      ArrayNode entries = m.putArray("entries");
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (!f.getKey().equals("manifest.json")) {
          entries
              .addObject()
              .put("path", f.getKey())
              .put("size", f.getValue().length)
              .put("sha256", Digests.sha256(Bytes.of(f.getValue())).hex());
        }
      }
      files.put("manifest.json", JSON.writeValueAsBytes(m));
    }
    Path out = dir.resolve("tampered-" + name + ".zip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(f.getKey()));
        zip.write(f.getValue());
        zip.closeEntry();
      }
    }
    return out;
  }
}
