package org.examledger.api.init;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.examledger.api.LedgerApplication;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.AdmissionRefused;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.api.config.LedgerProperties;
import org.examledger.api.secrets.StationSecretFile;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.keys.ActorRole;
import org.examledger.secrets.SecretFiles;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./ledger init [--keys-dir DIR] [--algorithm ed25519|sm2] [--actor NAME] [spring args]}.
 *
 * <ol>
 *   <li>Creates {@code ${ledger.data-dir}/keys/log-ed25519.pem} (the log's checkpoint-signing key,
 *       PKCS#8 PEM, owner-only) if it does not exist.
 *   <li>Creates the station secret {@code ledger.security.station-secret-file} (default {@code
 *       ${ledger.data-dir}/keys/station-secret}: 32 random bytes as hex, owner-only) if it does not
 *       exist: the HMAC key stations hash identity document numbers with.
 *   <li>If the key registry is empty: generates the administrator's key pair, writes the private
 *       key owner-only (0600) to {@code <keys-dir>/<actor>-<algorithm>.pem} and the public key
 *       beside it, and registers the public key with a self-signed genesis {@code keys.register/v1}
 *       statement through admission. The server never sees the private key.
 *   <li>If the registry already has keys, it creates no key pair and no genesis: init is safe to
 *       run twice.
 * </ol>
 *
 * Runs the application without its web server against the configured database; on the embedded
 * database run it while the service is stopped (the H2 file is locked by a running service).
 */
public final class LedgerInit {

  static final String SUBMITTER = "ledger-init";
  static final String LOG_KEY_FILE = "log-ed25519.pem";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private LedgerInit() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, new SecureRandom()));
  }

  /**
   * @return the process exit code: 0 when the ledger is initialised (now or before), 2 for bad
   *     arguments, 1 when the genesis registration was refused
   */
  public static int run(String[] args, PrintStream out, SecureRandom random) {
    Path keysDir = Path.of("data", "keys");
    String algorithmName = "ed25519";
    String actor = "admin-01";
    List<String> springArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("--keys-dir") || a.equals("--algorithm") || a.equals("--actor"))
          && i + 1 >= args.length) {
        out.println("ledger init: " + a + " needs a value");
        return 2;
      }
      switch (a) {
        case "--keys-dir" -> keysDir = Path.of(args[++i]);
        case "--algorithm" -> algorithmName = args[++i].toLowerCase(Locale.ROOT);
        case "--actor" -> actor = args[++i];
        default -> springArgs.add(a);
      }
    }
    SignatureAlgorithm algorithm;
    switch (algorithmName) {
      case "ed25519" -> algorithm = SignatureAlgorithm.ED25519;
      case "sm2" -> algorithm = SignatureAlgorithm.SM2_SM3;
      default -> {
        out.println("ledger init: --algorithm must be ed25519 or sm2; was " + algorithmName);
        return 2;
      }
    }
    SpringApplication app = new SpringApplication(LedgerApplication.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    springArgs.add("--ledger.demo.enabled=false");
    try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
      Path logKey = context.getBean(LedgerProperties.class).dataDir().resolve("keys");
      ensureLogKey(logKey.resolve(LOG_KEY_FILE), random, out);
      ensureStationSecret(context.getBean(StationSecretFile.class).path(), random, out);
      KeyRegistryView registry = context.getBean(KeyRegistryView.class);
      if (!registry.isEmpty()) {
        out.println(
            "ledger init: the key registry already has keys; no new administrator key and no"
                + " second genesis");
        return 0;
      }
      return genesis(context, keysDir, algorithm, algorithmName, actor, random, out);
    }
  }

  private static int genesis(
      ConfigurableApplicationContext context,
      Path keysDir,
      SignatureAlgorithm algorithm,
      String algorithmName,
      String actor,
      SecureRandom random,
      PrintStream out) {
    Signer signer = Signers.generate(algorithm, random, Sm2UserId.DEFAULT);
    Path privateFile = keysDir.resolve(actor + "-" + algorithmName + ".pem");
    Path publicFile = keysDir.resolve(actor + "-" + algorithmName + ".pub.pem");
    writeOwnerOnly(privateFile, Signers.toPkcs8Pem(signer));
    try {
      Files.writeString(publicFile, signer.publicKey().toPem(), StandardCharsets.US_ASCII);
      Instant now = context.getBean(Clock.class).instant();
      String keyId = signer.publicKey().keyId().value();
      String envelope =
          new StatementSigner(actor, signer)
              .sign(
                  StatementTypes.KEYS_REGISTER,
                  keyId,
                  new RegisterKeyPayload(actor, ActorRole.STATION_ADMIN, signer.publicKey(), now)
                      .toJson(),
                  now,
                  "genesis-" + keyId)
              .toJson();
      AdmittedStatement admitted =
          context.getBean(Admission.class).admit(envelope, Set.of(StatementTypes.KEYS_REGISTER));
      context.getBean(StatementDispatcher.class).dispatch(admitted, SUBMITTER);
      out.println("ledger init: registered genesis administrator '" + actor + "' key " + keyId);
      out.println("ledger init: private key (keep it safe, owner-only): " + privateFile);
      out.println("ledger init: public key: " + publicFile);
      return 0;
    } catch (AdmissionRefused e) {
      deleteQuietly(privateFile);
      deleteQuietly(publicFile);
      out.println("ledger init: genesis refused (" + e.rule() + "): " + e.getMessage());
      return 1;
    } catch (IOException e) {
      deleteQuietly(privateFile);
      deleteQuietly(publicFile);
      throw new UncheckedIOException(e);
    }
  }

  private static void ensureLogKey(Path file, SecureRandom random, PrintStream out) {
    if (Files.exists(file)) {
      out.println("ledger init: checkpoint-signing key exists: " + file);
      return;
    }
    writeOwnerOnly(
        file, Signers.toPkcs8Pem(Signers.generate(SignatureAlgorithm.ED25519, random, null)));
    out.println("ledger init: created checkpoint-signing key " + file);
  }

  private static void ensureStationSecret(Path file, SecureRandom random, PrintStream out) {
    if (SecretFiles.createStationSecret(file, random)) {
      out.println(
          "ledger init: created the station secret "
              + file
              + " (owner-only; copy it to the stations' machines for ./ledger hash-document)");
    } else {
      out.println("ledger init: station secret exists: " + file);
    }
  }

  /** Creates the file with mode 0600 from the start, so the key is never readable by others. */
  private static void writeOwnerOnly(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException(
          "refusing to overwrite the existing key file " + file + "; move it away first", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // the refusal is what the user needs to see; a leftover file is named in no key registry
    }
  }
}
