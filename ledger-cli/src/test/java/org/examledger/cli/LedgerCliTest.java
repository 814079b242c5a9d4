package org.examledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each command's bad input: one line on stderr naming what and where, exit 2, nothing written; and
 * the happy paths that need no server (keygen, sign).
 */
class LedgerCliTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
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

  private static void assertOneLineError(Run r, int code, String... fragments) {
    assertThat(r.code()).as(r.err()).isEqualTo(code);
    String firstLine = r.err().lines().findFirst().orElse("");
    for (String f : fragments) {
      assertThat(firstLine).contains(f);
    }
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in");
  }

  private Path keygen(String name, String... extra) {
    Path key = dir.resolve(name);
    String[] base = {"keygen", "--actor", "examiner-07", "--out", key.toString()};
    String[] args = Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    Run r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return key;
  }

  private Path payload(String json) throws Exception {
    Path p = dir.resolve("payload-" + System.nanoTime() + ".json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  void keygen_writesOwnerOnlyKeyAndPrintsKeyId() throws Exception {
    Path key = dir.resolve("k.pem");
    Run r = run("keygen", "--algorithm", "sm2", "--actor", "examiner-07", "--out", key.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.getPosixFilePermissions(key))
        .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    PublicKey pub = PublicKey.fromPem(Files.readString(dir.resolve("k.pem.pub")));
    assertThat(r.out()).contains("key id:      " + pub.keyId()).contains("SM2_SM3");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void keygen_existingFile_refusesToOverwrite() throws Exception {
    Path key = dir.resolve("k.pem");
    Files.writeString(key, "precious");
    Run r = run("keygen", "--actor", "a", "--out", key.toString());
    assertOneLineError(r, 2, "ledger keygen: ", key.toString(), "refusing to overwrite");
    assertThat(Files.readString(key)).isEqualTo("precious");
  }

  @Test
  void keygen_unknownAlgorithm_isUsageError() {
    Run r =
        run("keygen", "--algorithm", "rsa", "--actor", "a", "--out", dir.resolve("k").toString());
    assertOneLineError(r, 2, "--algorithm", "rsa");
    assertThat(dir.resolve("k")).doesNotExist();
  }

  @Test
  void sign_producesEnvelopeThatVerifiesUnderTheKey() throws Exception {
    Path key = keygen("k.pem");
    Path env = dir.resolve("env.json");
    Run r =
        run(
            "sign",
            "--key",
            key.toString(),
            "--actor",
            "examiner-07",
            "--type",
            "exam.score.record/v1",
            "--subject",
            "S-1",
            "--payload",
            payload("{\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":\"35\"}")
                .toString(),
            "--issued-at",
            "2026-06-01T09:30:00Z",
            "--nonce",
            "n-1",
            "--out",
            env.toString());
    assertThat(r.code()).as(r.err()).isZero();
    PublicKey pub = PublicKey.fromPem(Files.readString(dir.resolve("k.pem.pub")));
    Statement s =
        Envelopes.verify(
            Envelope.parse(Files.readString(env)), id -> Verifiers.forKey(pub, Sm2UserId.DEFAULT));
    assertThat(s.actorId()).isEqualTo("examiner-07");
    assertThat(s.subject()).isEqualTo("S-1");
    assertThat(s.nonce()).isEqualTo("n-1");
    assertThat(s.issuedAt().toString()).isEqualTo("2026-06-01T09:30:00Z");
    assertThat(s.payload().get("score").asText()).isEqualTo("35");
  }

  @Test
  void sign_encryptedKeyWithoutOrWithWrongPassword_isUsageError() throws Exception {
    Path pw = dir.resolve("pw");
    Files.writeString(pw, "correct horse\n");
    Path key = keygen("enc.pem", "--password-file", pw.toString());
    assertThat(Files.readString(key)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
    Path p = payload("{}");
    Run without =
        run(
            "sign",
            "--key",
            key.toString(),
            "--actor",
            "a",
            "--type",
            "exam.session.open/v1",
            "--subject",
            "S-1",
            "--payload",
            p.toString());
    assertOneLineError(without, 2, key.toString(), "password-protected", "--password-file");
    Path wrong = dir.resolve("wrong");
    Files.writeString(wrong, "battery staple\n");
    Run bad =
        run(
            "sign",
            "--key",
            key.toString(),
            "--password-file",
            wrong.toString(),
            "--actor",
            "a",
            "--type",
            "exam.session.open/v1",
            "--subject",
            "S-1",
            "--payload",
            p.toString());
    assertOneLineError(bad, 2, "key file " + key);
    Run good =
        run(
            "sign",
            "--key",
            key.toString(),
            "--password-file",
            pw.toString(),
            "--actor",
            "a",
            "--type",
            "exam.session.open/v1",
            "--subject",
            "S-1",
            "--payload",
            p.toString());
    assertThat(good.code()).as(good.err()).isZero();
    assertThat(good.out())
        .contains("\"payloadType\":\"application/vnd.examledger.statement+json\"");
  }

  @Test
  void sign_badInputs_eachNamedOnOneLine() throws Exception {
    Path key = keygen("k.pem");
    Path ok = payload("{}");
    String[] base = {"sign", "--key", key.toString(), "--actor", "a", "--subject", "S-1"};
    assertOneLineError(
        run(concat(base, "--type", "exam.nope/v1", "--payload", ok.toString())),
        2,
        "unknown statement type 'exam.nope/v1'");
    Path missing = dir.resolve("missing.json");
    assertOneLineError(
        run(concat(base, "--type", "exam.session.open/v1", "--payload", missing.toString())),
        2,
        "payload file " + missing + ": no such file");
    Path notJson = payload("{\"a\":");
    assertOneLineError(
        run(concat(base, "--type", "exam.session.open/v1", "--payload", notJson.toString())),
        2,
        "payload file " + notJson + ": not I-JSON");
    Path array = payload("[1]");
    assertOneLineError(
        run(concat(base, "--type", "exam.session.open/v1", "--payload", array.toString())),
        2,
        "expected a JSON object, found ARRAY");
    assertOneLineError(
        run(
            concat(
                base,
                "--type",
                "exam.session.open/v1",
                "--payload",
                ok.toString(),
                "--issued-at",
                "yesterday")),
        2,
        "--issued-at",
        "'yesterday'");
    Path pubAsKey = dir.resolve("k.pem.pub");
    assertOneLineError(
        run(
            "sign",
            "--key",
            pubAsKey.toString(),
            "--actor",
            "a",
            "--subject",
            "S-1",
            "--type",
            "exam.session.open/v1",
            "--payload",
            ok.toString()),
        2,
        "key file " + pubAsKey,
        "PEM");
  }

  @Test
  void submit_missingEnvelopeOrUnreachableServer_isUsageError() throws Exception {
    Path missing = dir.resolve("env.json");
    assertOneLineError(
        run("submit", "--server", "http://127.0.0.1:1", missing.toString()),
        2,
        "envelope file " + missing + ": no such file");
    Files.writeString(missing, "{}");
    assertOneLineError(
        run("submit", "--server", "http://127.0.0.1:1", missing.toString()),
        2,
        "cannot connect to http://127.0.0.1:1");
    assertOneLineError(
        run("submit", "--server", "ftp://x", missing.toString()), 2, "--server", "ftp://x");
  }

  @Test
  void export_withoutSelectionOrOverExistingFile_isUsageError() throws Exception {
    Path out = dir.resolve("b.zip");
    assertOneLineError(
        run("export", "--server", "http://127.0.0.1:1", "--out", out.toString()),
        2,
        "select something");
    Files.writeString(out, "x");
    assertOneLineError(
        run(
            "export",
            "--server",
            "http://127.0.0.1:1",
            "--session",
            "S-1",
            "--out",
            out.toString()),
        2,
        "refusing to overwrite");
    assertOneLineError(
        run(
            "export",
            "--server",
            "http://127.0.0.1:1",
            "--session",
            "S-1",
            "--from",
            "soon",
            "--out",
            dir.resolve("c.zip").toString()),
        2,
        "--from",
        "'soon'");
  }

  @Test
  void verifyBundle_missingTruncatedOrForeignFile_isUsageError() throws Exception {
    Path missing = dir.resolve("none.zip");
    assertOneLineError(run("verify-bundle", missing.toString()), 2, missing + ": no such file");

    Path notZip = dir.resolve("not.zip");
    Files.writeString(notZip, "hello");
    assertOneLineError(run("verify-bundle", notZip.toString()), 2, notZip + ": not a zip file");

    Path foreign = dir.resolve("foreign.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(foreign))) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hi".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertOneLineError(
        run("verify-bundle", foreign.toString()), 2, "not an evidence bundle (no manifest.json)");

    byte[] whole = Files.readAllBytes(foreign);
    Path truncated = dir.resolve("truncated.zip");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    assertOneLineError(run("verify-bundle", truncated.toString()), 2, truncated.toString());

    Path otherFormat = dir.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(otherFormat))) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write("{\"format\":\"something-else/v9\"}".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertOneLineError(run("verify-bundle", otherFormat.toString()), 2, "\"something-else/v9\"");
  }

  @Test
  void replay_missingOrForeignBundleOrBadTime_isUsageError() throws Exception {
    Path missing = dir.resolve("none.zip");
    assertOneLineError(run("replay", missing.toString()), 2, missing + ": no such file");
    Path foreign = dir.resolve("foreign.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(foreign))) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hi".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertOneLineError(
        run("replay", foreign.toString()), 2, "not an evidence bundle (no manifest.json)");
    assertOneLineError(
        run("replay", foreign.toString(), "--as-of", "2026-13-01"),
        2,
        "--as-of must be an RFC 3339 time");
  }

  @Test
  void replay_bundleWhoseEventIsNotItsType_isUsageErrorNamingTheFile() throws Exception {
    Path bundle = dir.resolve("odd.zip");
    String event =
        "{\"eventId\":\"e-1\",\"payloadType\":\"org.examledger.exam.ScoreRecordedEvent\","
            + "\"payload\":{\"score\":\"not a number\"}}";
    String manifest =
        "{\"format\":\"examledger-evidence-bundle/v1\",\"events\":[{\"leafIndex\":0,"
            + "\"eventId\":\"e-1\",\"file\":\"events/0.json\"}],\"entries\":[],"
            + "\"checkpoints\":[]}";
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bundle))) {
      z.putNextEntry(new ZipEntry("manifest.json"));
      z.write(manifest.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
      z.putNextEntry(new ZipEntry("events/0.json"));
      z.write(event.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    assertOneLineError(
        run("replay", bundle.toString()),
        2,
        "events/0.json: the payload is not a ScoreRecordedEvent");
  }

  @Test
  void verifyBundle_wrongKeyFile_isUsageError() throws Exception {
    Path key = keygen("k.pem");
    Path bundle = dir.resolve("b.zip");
    Files.writeString(bundle, "x");
    assertOneLineError(
        run("verify-bundle", bundle.toString(), "--log-vkey", key.toString()),
        2,
        "--log-vkey: not a verifier key");
    assertOneLineError(
        run("verify-bundle", bundle.toString(), "--log-vkey", dir.resolve("nokey").toString()),
        2,
        "no such file");
    assertOneLineError(
        run("verify-bundle", bundle.toString(), "--witness-threshold", "1"),
        2,
        bundle + ": not a zip file");
  }

  @Test
  void noCommandOrUnknownOption_isUsageError() {
    assertOneLineError(run(), 2, "a command is required");
    assertOneLineError(run("verify-bundle", "b.zip", "--frobnicate"), 2, "--frobnicate");
    assertOneLineError(run("replay"), 2, "replay");
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
