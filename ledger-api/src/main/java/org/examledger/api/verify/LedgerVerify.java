package org.examledger.api.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.KeyFormatException;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.merkle.FileNodeStore;
import org.examledger.verify.LedgerVerifier;
import org.examledger.verify.VerificationReport;

/**
 * {@code ./ledger verify [--data-dir DIR | --db-url URL --db-user U --db-password P] [--log-key
 * FILE | --log-vkey VKEY] [--witnessed-checkpoint FILE [--witness-vkey VKEY]] [--json]}: verifies
 * the ledger in the configured instance's database (docs/operations.md, "Verification"). Plain
 * JDBC, read only, no application context: it runs while the service is stopped and never writes. A
 * witnessed checkpoint (a cosigned note kept outside the database) must be extended by the stored
 * log: that is how a restored older backup is told from the ledger that was witnessed. Exit codes:
 * 0 everything holds, 1 verification failed, 2 usage or configuration error (including an embedded
 * database locked by a running service).
 */
public final class LedgerVerify {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  /** LogProperties' default origin, used only when the log has no checkpoint to read it from. */
  static final String DEFAULT_ORIGIN = "examledger.local/ledger";

  /**
   * H2 error code "Database may be already in use" (org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1).
   */
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /**
   * H2 error code "Database not found" with IFEXISTS
   * (ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1).
   */
  private static final int H2_DATABASE_NOT_FOUND = 90146;

  private static final String USAGE_TEXT =
      "usage: ledger verify [--data-dir DIR | --db-url JDBC_URL [--db-user U] [--db-password P]]\n"
          + "                     [--log-key FILE | --log-vkey VKEY]\n"
          + "                     [--witnessed-checkpoint FILE]... [--witness-vkey VKEY]... [--json]";

  private LedgerVerify() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** The options after parsing; null members take their defaults from the environment. */
  private record Options(
      Path dataDir,
      String url,
      String user,
      String password,
      Path logKey,
      String logVkey,
      List<Path> witnessedCheckpoints,
      List<String> witnessVkeys,
      boolean json) {}

  /**
   * Runs the verification and prints the report to {@code out}, progress and errors to {@code err}.
   *
   * @param env the environment (LEDGER_DATA_DIR, LEDGER_DB_URL, LEDGER_DB_USER, LEDGER_DB_PASSWORD)
   * @return the exit code: 0 all holds, 1 verification failed, 2 usage or configuration error
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("ledger verify: " + e.getMessage());
      err.println(USAGE_TEXT);
      return USAGE;
    }
    if (options == null) {
      out.println(USAGE_TEXT);
      return OK;
    }
    String url =
        options.url() != null
            ? options.url()
            : "jdbc:h2:file:"
                + options.dataDir().toAbsolutePath().normalize().resolve("ledger")
                + ";IFEXISTS=TRUE";
    try (Connection connection = connect(url, options)) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      JdbcLedgerSource source = new JdbcLedgerSource(connection);
      NoteVerifierKey logKey = logKey(options, source);
      List<Checkpoint> witnessed = witnessed(options, logKey);
      if (!options.json()) {
        out.println("ledger verify: " + redact(url));
        out.println("ledger verify: log key " + logKey);
      }
      Path nodes = Files.createTempFile("ledger-verify", ".nodes");
      VerificationReport report;
      try (FileNodeStore scratch = FileNodeStore.open(nodes)) {
        report =
            new LedgerVerifier(logKey, n -> err.println("ledger verify: " + n + " entries checked"))
                .verify(source, scratch, witnessed);
      } finally {
        Files.deleteIfExists(nodes);
      }
      connection.rollback();
      if (options.json()) {
        out.println(
            new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(report.toJson()));
      } else {
        out.print(report.toText());
      }
      return report.ok() ? OK : FAILED;
    } catch (ConfigurationException e) {
      err.println("ledger verify: " + e.getMessage());
      return USAGE;
    } catch (LedgerReadException e) {
      err.println("ledger verify: " + e.getMessage());
      err.println(
          "ledger verify: is this a ledger database? (run the service once to create the schema)");
      return USAGE;
    } catch (SQLException | IOException e) {
      err.println("ledger verify: " + e.getMessage());
      return USAGE;
    } catch (RuntimeException e) {
      // Stored data so far off that the reader itself fails (e.g. a root hash column rewritten to
      // another length): the ledger did not verify, whatever the cause.
      err.println("ledger verify: verification could not complete: " + e);
      return FAILED;
    }
  }

  private static Options parse(String[] args, Map<String, String> env) {
    Path dataDir = Path.of(env.getOrDefault("LEDGER_DATA_DIR", "data"));
    String url = blankToNull(env.get("LEDGER_DB_URL"));
    String user = blankToNull(env.get("LEDGER_DB_USER"));
    String password = env.getOrDefault("LEDGER_DB_PASSWORD", "");
    Path logKey = null;
    String logVkey = null;
    List<Path> witnessedCheckpoints = new ArrayList<>();
    List<String> witnessVkeys = new ArrayList<>();
    boolean json = false;
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      if (a.equals("--json")) {
        json = true;
        continue;
      }
      if (a.equals("--help") || a.equals("-h")) {
        return null;
      }
      if (!List.of(
              "--data-dir",
              "--db-url",
              "--db-user",
              "--db-password",
              "--log-key",
              "--log-vkey",
              "--witnessed-checkpoint",
              "--witness-vkey")
          .contains(a)) {
        throw new IllegalArgumentException("unknown option '" + a + "'");
      }
      if (i + 1 >= rest.size()) {
        throw new IllegalArgumentException(a + " needs a value");
      }
      String value = rest.get(++i);
      switch (a) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--db-url" -> url = value;
        case "--db-user" -> user = value;
        case "--db-password" -> password = value;
        case "--log-key" -> logKey = Path.of(value);
        case "--witnessed-checkpoint" -> witnessedCheckpoints.add(Path.of(value));
        case "--witness-vkey" -> witnessVkeys.add(value);
        default -> logVkey = value;
      }
    }
    if (logKey != null && logVkey != null) {
      throw new IllegalArgumentException("give --log-key or --log-vkey, not both");
    }
    if (logKey == null && logVkey == null) {
      logKey = dataDir.resolve("keys").resolve("log-ed25519.pem");
    }
    if (!witnessVkeys.isEmpty() && witnessedCheckpoints.isEmpty()) {
      throw new IllegalArgumentException("--witness-vkey needs --witnessed-checkpoint FILE");
    }
    if (user == null) {
      user = url == null ? "sa" : "";
    }
    return new Options(
        dataDir, url, user, password, logKey, logVkey, witnessedCheckpoints, witnessVkeys, json);
  }

  private static Connection connect(String url, Options options)
      throws SQLException, ConfigurationException {
    try {
      return DriverManager.getConnection(url, options.user(), options.password());
    } catch (SQLException e) {
      if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        throw new ConfigurationException(
            "the embedded database "
                + redact(url)
                + " is locked, probably by a running service (./ledger serve holds the H2 file"
                + " open): stop the service and run verify again. ("
                + e.getMessage()
                + ")");
      }
      if (e.getErrorCode() == H2_DATABASE_NOT_FOUND) {
        throw new ConfigurationException(
            "no ledger database at "
                + redact(url)
                + ": give --data-dir of an instance (or --db-url)");
      }
      throw new ConfigurationException("cannot connect to " + redact(url) + ": " + e.getMessage());
    }
  }

  /**
   * The log's verifier key: --log-vkey as given, or derived from the log key file, named after the
   * log's origin (read from the first stored checkpoint, the name the log signs under).
   */
  private static NoteVerifierKey logKey(Options options, JdbcLedgerSource source)
      throws ConfigurationException {
    if (options.logVkey() != null) {
      try {
        return NoteVerifierKey.parse(options.logVkey());
      } catch (NoteFormatException e) {
        throw new ConfigurationException("--log-vkey: " + e.getMessage());
      }
    }
    Path file = options.logKey();
    if (!Files.isRegularFile(file)) {
      throw new ConfigurationException(
          "no log key file "
              + file
              + ": give --log-key FILE (the service's ledger.log.key-file) or --log-vkey VKEY"
              + " (logged by the service at start, served at GET /api/v1/log/key)");
    }
    Signer signer;
    try {
      signer = Signers.fromPkcs8Pem(Files.readString(file), Sm2UserId.DEFAULT, new SecureRandom());
    } catch (IOException | KeyFormatException | IllegalArgumentException e) {
      throw new ConfigurationException("cannot read the log key " + file + ": " + e.getMessage());
    }
    if (signer.publicKey().algorithm() != SignatureAlgorithm.ED25519) {
      throw new ConfigurationException(
          "log key " + file + " is " + signer.publicKey().algorithm() + ", not Ed25519");
    }
    String origin = DEFAULT_ORIGIN;
    String firstNote = source.firstCheckpointNote();
    if (firstNote != null) {
      try {
        origin = Checkpoint.parse(SignedNote.parse(firstNote).text()).origin();
      } catch (NoteFormatException e) {
        // the verifier reports the malformed checkpoint itself; the default name is as good
      }
    }
    return NoteVerifierKey.ed25519(origin, signer.publicKey());
  }

  /**
   * The checkpoints of the --witnessed-checkpoint files: each a signed note that must carry a valid
   * log signature and a valid cosignature of every --witness-vkey.
   */
  private static List<Checkpoint> witnessed(Options options, NoteVerifierKey logKey)
      throws ConfigurationException {
    List<NoteVerifierKey> witnesses = new ArrayList<>();
    for (String vkey : options.witnessVkeys()) {
      try {
        witnesses.add(NoteVerifierKey.parse(vkey.strip()));
      } catch (NoteFormatException e) {
        throw new ConfigurationException("--witness-vkey " + vkey + ": " + e.getMessage());
      }
    }
    List<Checkpoint> checkpoints = new ArrayList<>();
    for (Path file : options.witnessedCheckpoints()) {
      try {
        WitnessPolicy policy = new WitnessPolicy(logKey, witnesses, witnesses.size());
        checkpoints.add(policy.verify(SignedNote.parse(Files.readString(file))));
      } catch (IOException e) {
        throw new ConfigurationException(
            "--witnessed-checkpoint " + file + ": cannot read it: " + e);
      } catch (NoteFormatException | NoteVerificationException | IllegalArgumentException e) {
        throw new ConfigurationException(
            "--witnessed-checkpoint "
                + file
                + " is not a checkpoint of this log to check against: "
                + e.getMessage());
      }
    }
    return checkpoints;
  }

  /** A JDBC URL without a password parameter, for messages. */
  static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A setting is wrong or the database cannot be opened; exit code 2. */
  private static final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigurationException(String message) {
      super(message);
    }
  }
}
