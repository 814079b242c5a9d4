package org.examledger.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
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
import org.examledger.exam.AdjudicateScoreCommand;
import org.examledger.exam.AssignStaffCommand;
import org.examledger.exam.CancelSessionCommand;
import org.examledger.exam.CorrectScoreCommand;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.EndSessionCommand;
import org.examledger.exam.IdentityCheckMethod;
import org.examledger.exam.IdentityCheckResult;
import org.examledger.exam.IncidentCategory;
import org.examledger.exam.LockResultSheetCommand;
import org.examledger.exam.OpenSessionCommand;
import org.examledger.exam.Provenance;
import org.examledger.exam.PublishResultSheetCommand;
import org.examledger.exam.RecordCandidateNoticeReadCommand;
import org.examledger.exam.RecordIdentityCheckCommand;
import org.examledger.exam.RecordIncidentCommand;
import org.examledger.exam.RecordProhibitedItemsCheckCommand;
import org.examledger.exam.ReopenResultSheetCommand;
import org.examledger.exam.ResolveIncidentCommand;
import org.examledger.exam.StaffRole;
import org.examledger.exam.StartSessionCommand;
import org.examledger.exam.SubmitResultSheetCommand;
import org.examledger.exam.UnassignStaffCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic family ({@link ExamStatements#COMMANDS}): one golden statement per type, built from a
 * sample command's members and bound back onto the same command by {@link RecordPayloads}.
 */
class ExamStatementGoldenTest {

  // RFC 8032 section 7.1 TEST 1 secret key.
  private static final Bytes SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final Instant ISSUED = Instant.parse("2026-06-01T01:00:00Z");
  private static final String SESSION = "S-2026-CNC-4";
  private static final Provenance PROVENANCE = new Provenance("actor-01", "actor-01", ISSUED, null);
  private static final StatementSigner SIGNER =
      new StatementSigner("actor-01", Signers.ed25519FromSeed(SEED));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DocumentRef ID_CARD =
      DocumentRef.keyed(
          DocumentType.ID_CARD, "110105194912310021", Bytes.utf8("station-0001 test secret"));

  static Map<String, Record> samples() {
    Map<String, Record> m = new LinkedHashMap<>();
    m.put("exam.session.open/v1", new OpenSessionCommand(SESSION, PROVENANCE));
    m.put(
        "exam.session.start/v1",
        new StartSessionCommand(SESSION, "notice read in R102 late", PROVENANCE));
    m.put("exam.session.end/v1", new EndSessionCommand(SESSION, PROVENANCE));
    m.put(
        "exam.session.cancel/v1",
        new CancelSessionCommand(SESSION, "power outage in the workshop", PROVENANCE));
    m.put(
        "exam.staff.assign/v1",
        new AssignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, PROVENANCE));
    m.put(
        "exam.staff.unassign/v1",
        new UnassignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, PROVENANCE));
    m.put(
        "exam.proctor.notice-read/v1",
        new RecordCandidateNoticeReadCommand(SESSION, "R101", null, PROVENANCE));
    m.put(
        "exam.proctor.prohibited-items/v1",
        new RecordProhibitedItemsCheckCommand(
            SESSION, "R101", List.of("phone handed in by C-2026-0001"), PROVENANCE));
    m.put(
        "exam.incident.record/v1",
        new RecordIncidentCommand(
            SESSION,
            "I-1",
            IncidentCategory.values()[0],
            "candidate left the room for 5 minutes",
            "C-2026-0001",
            PROVENANCE));
    m.put(
        "exam.incident.resolve/v1",
        new ResolveIncidentCommand(SESSION, "I-1", "escorted; no material found", PROVENANCE));
    m.put(
        "exam.identity.check/v1",
        new RecordIdentityCheckCommand(
            SESSION,
            "C-2026-0001",
            List.of(ID_CARD),
            IdentityCheckMethod.values()[0],
            IdentityCheckResult.values()[0],
            PROVENANCE));
    m.put(
        "exam.score.correct/v1",
        new CorrectScoreCommand(
            SESSION,
            "C-2026-0001",
            "theory",
            new BigDecimal("33"),
            CorrectionReason.ADDITION_ERROR,
            "page 3 not added",
            PROVENANCE));
    m.put(
        "exam.score.adjudicate/v1",
        new AdjudicateScoreCommand(
            SESSION,
            "C-2026-0001",
            "practical",
            new BigDecimal("47.5"),
            "shaft diameter re-measured",
            PROVENANCE));
    m.put(
        "exam.sheet.submit/v1",
        new SubmitResultSheetCommand(SESSION, "C-2026-0001", new BigDecimal("80.5"), PROVENANCE));
    m.put("exam.sheet.lock/v1", new LockResultSheetCommand(SESSION, "C-2026-0001", PROVENANCE));
    m.put(
        "exam.sheet.reopen/v1",
        new ReopenResultSheetCommand(
            SESSION, "C-2026-0001", "transcription error found", "chief-01", PROVENANCE));
    m.put(
        "exam.sheet.publish/v1", new PublishResultSheetCommand(SESSION, "C-2026-0001", PROVENANCE));
    return m;
  }

  static Stream<String> types() {
    return ExamStatements.COMMANDS.keySet().stream().sorted();
  }

  /** The payload a signer builds from a command: its members, decimals as plain strings. */
  static ObjectNode payloadOf(Record command) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (RecordComponent c : command.getClass().getRecordComponents()) {
      if (!RecordPayloads.members(command.getClass()).contains(c.getName())) {
        continue;
      }
      Object value;
      try {
        value = c.getAccessor().invoke(command);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (value instanceof BigDecimal d) {
        node.put(c.getName(), d.toPlainString());
      } else if (value != null) {
        node.set(c.getName(), JSON.valueToTree(value));
      }
    }
    return node;
  }

  @Test
  void everyGenericType_hasASample() {
    assertThat(samples().keySet()).isEqualTo(ExamStatements.COMMANDS.keySet());
    samples()
        .forEach(
            (type, command) ->
                assertThat(command.getClass())
                    .as(type)
                    .isEqualTo(ExamStatements.COMMANDS.get(type)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void genericType_golden_matchesAndBindsBack(String type) throws IOException {
    Record command = samples().get(type);
    JsonNode payload = payloadOf(command);
    Statement statement = SIGNER.statement(type, SESSION, payload, ISSUED, "n-" + type);
    if (Boolean.getBoolean("golden.write")) {
      Files.write(
          Path.of("src/test/resources/statements/golden", type.replace('/', '-') + ".json"),
          statement.canonicalBytes().toByteArray());
    }
    Bytes golden = StatementGoldenTest.golden(type);
    assertThat(statement.canonicalBytes().utf8String()).isEqualTo(golden.utf8String());
    Statement read = Statement.fromCanonical(golden);
    assertThat(read.type()).isEqualTo(type);
    assertThat(read.subject()).isEqualTo(SESSION);
    assertThat(
            RecordPayloads.bind(
                ExamStatements.COMMANDS.get(type), read.subject(), read.payload(), PROVENANCE))
        .isEqualTo(command);
  }

  /** docs/formats/statements.md section 3.7 has a row per type naming each payload member. */
  @Test
  void formatDoc_listsEveryGenericTypeWithItsMembers() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "formats", "statements.md"));
    ExamStatements.COMMANDS.forEach(
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
