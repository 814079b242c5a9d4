package org.examledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashDocumentTest {

  private static final String SECRET_HEX =
      "4f1c9a2be07d3356a81fe2c4d9b06a7735e8c1f04b9d2a6e7f3c58b1a0d4e692";

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private static Run run(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LedgerCli.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path secret(String permissions) throws Exception {
    Path f = dir.resolve("station-secret");
    Files.writeString(f, SECRET_HEX + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  /** The reference: HMAC-SHA-256 under the secret's bytes, over the normalised number. */
  private static String hmac(String normalised) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(HexFormat.of().parseHex(SECRET_HEX), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void numberOnStandardInput_printsTheDocumentAsAStatementCarriesIt() throws Exception {
    Run r =
        run(
            "110105 19491231 002x\n",
            "hash-document",
            "--secret-file",
            secret("rw-------").toString(),
            "--type",
            "ID_CARD");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("type").asText()).isEqualTo("ID_CARD");
    assertThat(doc.get("keyedHash").asText()).isEqualTo(hmac("11010519491231002X"));
    assertThat(doc.get("suffix").asText()).isEqualTo("002X");
    assertThat(doc.size()).isEqualTo(3);
    assertThat(r.out()).doesNotContain("19491231");
  }

  @Test
  void numberAsArgument_givesTheSameHashAsOnStandardInput() throws Exception {
    String file = secret("rw-------").toString();
    Run arg =
        run("", "hash-document", "--secret-file", file, "--type", "ADMISSION_TICKET", "ZK-0042");
    Run stdin =
        run("ZK-0042\n", "hash-document", "--secret-file", file, "--type", "ADMISSION_TICKET", "-");
    assertThat(arg.code()).as(arg.err()).isZero();
    assertThat(arg.out()).isEqualTo(stdin.out());
    assertThat(arg.out()).contains(hmac("ZK0042")).contains("\"suffix\":\"0042\"");
  }

  @Test
  void secretReadableByGroup_isRefusedWithTheChmod() throws Exception {
    Path file = secret("rw-r-----");
    Run r =
        run(
            "11010519491231002X\n",
            "hash-document",
            "--secret-file",
            file.toString(),
            "--type",
            "ID_CARD");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElse(""))
        .startsWith("ledger hash-document: station secret file " + file.toAbsolutePath())
        .endsWith("chmod 600 " + file.toAbsolutePath());
    assertThat(r.err()).doesNotContain(SECRET_HEX);
  }

  @Test
  void idCardWithWrongCheckCharacter_isRefusedWithoutEchoingIt() throws Exception {
    Run r =
        run(
            "110105194912310021\n",
            "hash-document",
            "--secret-file",
            secret("rw-------").toString(),
            "--type",
            "ID_CARD");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            "ledger hash-document: that is not a valid resident identity number (its birth date"
                + " or check character is wrong): look for a typo")
        .doesNotContain("110105194912310021");
  }

  @Test
  void nothingOnStandardInput_isUsageError() throws Exception {
    Run r =
        run(
            "",
            "hash-document",
            "--secret-file",
            secret("rw-------").toString(),
            "--type",
            "ID_CARD");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("ledger hash-document: no document number on standard input");
    Run blank =
        run(
            " \n",
            "hash-document",
            "--secret-file",
            secret("rw-------").toString(),
            "--type",
            "ID_CARD");
    assertThat(blank.err()).startsWith("ledger hash-document: no document number given");
  }

  @Test
  void unknownType_isUsageErrorListingTheTypes() throws Exception {
    Run r =
        run(
            "1\n",
            "hash-document",
            "--secret-file",
            secret("rw-------").toString(),
            "--type",
            "PASSPORT");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("ID_CARD, ADMISSION_TICKET, STUDENT_CARD, OTHER");
  }
}
