package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.examledger.api.init.LedgerInit;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.secrets.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ledger init} on the real PostgreSQL: creates the checkpoint key and the administrator's
 * key pair owner-only, registers the genesis key, and a second run creates neither a key nor a
 * second genesis.
 */
class InitIT {

  private static final SecureRandom FIXED = seeded();

  private static SecureRandom seeded() {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(42L);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int init(PostgresDatabase db, Path dataDir, Path keysDir, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--keys-dir",
                keysDir.toString(),
                "--ledger.data-dir=" + dataDir,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=",
                "--ledger.node-id=init-it"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        LedgerInit.run(
            args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8), FIXED);
    System.out.print(out.toString(StandardCharsets.UTF_8));
    return code;
  }

  private static long genesisKeys(PostgresDatabase db) throws Exception {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM registry_key WHERE genesis AND role = 'STATION_ADMIN'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void initCreatesKeysOwnerOnlyRegistersGenesisOnceAndIsSafeToRepeat(@TempDir Path tmp)
      throws Exception {
    Path dataDir = tmp.resolve("data");
    Path keysDir = tmp.resolve("admin-keys");
    try (PostgresDatabase db = PostgresDatabase.create()) {
      assertThat(init(db, dataDir, keysDir, "--algorithm", "sm2")).isZero();

      Path logKey = dataDir.resolve("keys").resolve("log-ed25519.pem");
      Path adminKey = keysDir.resolve("admin-01-sm2.pem");
      Path stationSecret = dataDir.resolve("keys").resolve("station-secret");
      for (Path secret : List.of(logKey, adminKey, stationSecret)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
            .as(secret.toString())
            .isEqualTo("rw-------");
      }
      Signers.fromPkcs8Pem(Files.readString(logKey), null, null);
      String adminKeyId =
          Signers.fromPkcs8Pem(Files.readString(adminKey), Sm2UserId.DEFAULT, FIXED)
              .publicKey()
              .keyId()
              .value();
      assertThat(genesisKeys(db)).isEqualTo(1);
      try (Connection c = db.connect();
          ResultSet rs =
              c.createStatement().executeQuery("SELECT key_id, algorithm FROM registry_key")) {
        rs.next();
        assertThat(rs.getString(1).trim()).isEqualTo(adminKeyId);
        assertThat(rs.getString(2)).isEqualTo("SM2_SM3");
      }
      List<Path> adminFiles = files(keysDir);
      String logKeyPem = Files.readString(logKey);
      // 32 random bytes as hex, readable by ./ledger hash-document
      assertThat(Files.readString(stationSecret)).matches("[0-9a-f]{64}\n");
      assertThat(SecretFiles.readStationSecret(stationSecret).key().length()).isEqualTo(32);
      String secretHex = Files.readString(stationSecret);

      assertThat(init(db, dataDir, keysDir)).isZero();
      assertThat(genesisKeys(db)).isEqualTo(1);
      assertThat(files(keysDir)).isEqualTo(adminFiles);
      assertThat(Files.readString(logKey)).isEqualTo(logKeyPem);
      assertThat(Files.readString(stationSecret)).isEqualTo(secretHex);
    }
  }
}
