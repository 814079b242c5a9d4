package org.examledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger keygen}: a new key pair; the private key into an owner-only file. */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    header = "Create a key pair; private key owner-only, public key and key id printed.",
    description = {
      "Creates a key pair for signing statements. The private key goes to --out (PKCS#8 PEM,",
      "readable by its owner only; encrypted with PBES2/AES-256 when --password-file is given),",
      "the public key to --out with '.pub' appended. Prints the key id and the public key to",
      "register (statement keys.register/v1, signed by a station administrator).",
      "Refuses to overwrite an existing file."
    })
final class Keygen implements Callable<Integer> {

  enum Algorithm {
    ed25519(SignatureAlgorithm.ED25519),
    sm2(SignatureAlgorithm.SM2_SM3);

    final SignatureAlgorithm algorithm;

    Algorithm(SignatureAlgorithm algorithm) {
      this.algorithm = algorithm;
    }
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--algorithm",
      defaultValue = "ed25519",
      description = "ed25519 (default) or sm2 (SM2 with SM3, GM/T 0003).")
  Algorithm algorithm;

  @Option(names = "--actor", required = true, description = "Who the key is for, e.g. examiner-07.")
  String actor;

  @Option(names = "--out", required = true, description = "The private key file to create.")
  Path out;

  @Option(
      names = "--password-file",
      description = "Encrypt the private key with the password on this file's first line.")
  Path passwordFile;

  @Option(names = "--quiet", description = "Print only the key id.")
  boolean quiet;

  @Override
  public Integer call() {
    Path pub = out.resolveSibling(out.getFileName() + ".pub");
    if (Files.exists(out)) {
      throw CliException.usage(out + " exists; refusing to overwrite it");
    }
    if (Files.exists(pub)) {
      throw CliException.usage(pub + " exists; refusing to overwrite it");
    }
    char[] password = passwordFile == null ? null : CliFiles.password(passwordFile);
    SecureRandom random = new SecureRandom();
    Signer signer = Signers.generate(algorithm.algorithm, random, Sm2UserId.DEFAULT);
    String pem;
    if (password != null) {
      pem = Signers.toEncryptedPkcs8Pem(signer, password, random);
      Arrays.fill(password, '\0');
    } else {
      pem = Signers.toPkcs8Pem(signer);
    }
    CliFiles.writeOwnerOnly(out, pem);
    PublicKey key = signer.publicKey();
    CliFiles.write(pub, key.toPem().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var w = spec.commandLine().getOut();
    if (quiet) {
      w.println(key.keyId());
      return LedgerCli.OK;
    }
    w.println("actor:       " + actor);
    w.println("algorithm:   " + key.algorithm());
    w.println("key id:      " + key.keyId());
    w.println("public key:  " + key.spki().base64());
    w.println("private key: " + out + (password != null ? " (encrypted)" : "") + ", owner-only");
    w.println("public key:  " + pub);
    w.println();
    w.println("To register it, a station administrator signs keys.register/v1 with subject");
    w.println(key.keyId() + " and the payload");
    w.println(
        "{\"owner\":\""
            + actor
            + "\",\"role\":\"EXAMINER\",\"publicKey\":\""
            + key.spki().base64()
            + "\",\"validFrom\":\"<RFC 3339 time, e.g. 2026-06-01T00:00:00Z>\"}");
    w.println("(role: STATION_ADMIN, EXAMINER, PROCTOR or CLERK).");
    return LedgerCli.OK;
  }
}
