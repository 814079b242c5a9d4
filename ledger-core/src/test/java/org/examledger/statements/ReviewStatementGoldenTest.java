package org.examledger.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signers;
import org.examledger.envelope.Statement;
import org.examledger.exam.Provenance;
import org.examledger.reviews.AcknowledgeFlagCommand;
import org.examledger.reviews.FlagResolution;
import org.examledger.reviews.ResolveFlagCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flag reviews ({@link ReviewStatements#COMMANDS}): one golden statement per type, built from a
 * sample command and bound back onto the same command by {@link RecordPayloads}.
 */
class ReviewStatementGoldenTest {

  // RFC 8032 section 7.1 TEST 1 secret key.
  private static final Bytes SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final Instant ISSUED = Instant.parse("2026-06-01T01:00:00Z");
  private static final String FLAG = "unsigned-change:0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21";
  private static final Provenance PROVENANCE = new Provenance("actor-01", "actor-01", ISSUED, null);
  private static final StatementSigner SIGNER =
      new StatementSigner("actor-01", Signers.ed25519FromSeed(SEED));

  static Map<String, Record> samples() {
    Map<String, Record> m = new LinkedHashMap<>();
    m.put(
        "flag.acknowledge/v1",
        new AcknowledgeFlagCommand(FLAG, "asked the clerk for the paper sheet", PROVENANCE));
    m.put(
        "flag.resolve/v1",
        new ResolveFlagCommand(
            FLAG, FlagResolution.EXPLAINED, "the paper sheet carries the signature", PROVENANCE));
    return m;
  }

  static Stream<String> types() {
    return ReviewStatements.COMMANDS.keySet().stream().sorted();
  }

  @Test
  void everyReviewType_hasASample() {
    assertThat(samples().keySet()).isEqualTo(ReviewStatements.COMMANDS.keySet());
    samples()
        .forEach(
            (type, command) ->
                assertThat(command.getClass())
                    .as(type)
                    .isEqualTo(ReviewStatements.COMMANDS.get(type)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void reviewType_golden_matchesAndBindsBack(String type) throws IOException {
    Record command = samples().get(type);
    JsonNode payload = ExamStatementGoldenTest.payloadOf(command);
    Statement statement = SIGNER.statement(type, FLAG, payload, ISSUED, "n-" + type);
    if (Boolean.getBoolean("golden.write")) {
      Files.write(
          Path.of("src/test/resources/statements/golden", type.replace('/', '-') + ".json"),
          statement.canonicalBytes().toByteArray());
    }
    Bytes golden = StatementGoldenTest.golden(type);
    assertThat(statement.canonicalBytes().utf8String()).isEqualTo(golden.utf8String());
    Statement read = Statement.fromCanonical(golden);
    assertThat(read.subject()).isEqualTo(FLAG);
    assertThat(
            RecordPayloads.bind(
                ReviewStatements.COMMANDS.get(type), read.subject(), read.payload(), PROVENANCE))
        .isEqualTo(command);
  }

  /** docs/formats/statements.md section 3.9 has a row per type naming each payload member. */
  @Test
  void formatDoc_listsEveryReviewTypeWithItsMembers() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "formats", "statements.md"));
    ReviewStatements.COMMANDS.forEach(
        (type, command) -> {
          String row =
              lines.stream()
                  .filter(l -> l.startsWith("| `" + type + "` |"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no row for " + type));
          assertThat(row).as(type).contains("`" + command.getSimpleName() + "`");
          for (String member : RecordPayloads.members(command)) {
            assertThat(row).as(type).contains("`" + member + "`");
          }
        });
  }
}
