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
import org.examledger.complaints.ApprovalLevel;
import org.examledger.complaints.ApproveReinstatementCommand;
import org.examledger.complaints.AssignInvestigatorCommand;
import org.examledger.complaints.ComplaintChannel;
import org.examledger.complaints.ComplaintOutcome;
import org.examledger.complaints.DecideComplaintCommand;
import org.examledger.complaints.EvidenceKind;
import org.examledger.complaints.FileComplaintCommand;
import org.examledger.complaints.LinkEvidenceCommand;
import org.examledger.complaints.ReferComplaintCommand;
import org.examledger.complaints.ReopenComplaintCommand;
import org.examledger.complaints.RespondentRole;
import org.examledger.complaints.SubmitSelfCriticismCommand;
import org.examledger.crypto.Signers;
import org.examledger.envelope.Statement;
import org.examledger.exam.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The complaint family ({@link ComplaintStatements#COMMANDS}): one golden statement per type, built
 * from a sample command and bound back onto the same command by {@link RecordPayloads}.
 */
class ComplaintStatementGoldenTest {

  // RFC 8032 section 7.1 TEST 1 secret key.
  private static final Bytes SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final Instant ISSUED = Instant.parse("2026-06-01T01:00:00Z");
  private static final String CASE = "CPL-2026-0007";
  private static final Provenance PROVENANCE = new Provenance("actor-01", "actor-01", ISSUED, null);
  private static final StatementSigner SIGNER =
      new StatementSigner("actor-01", Signers.ed25519FromSeed(SEED));

  static Map<String, Record> samples() {
    Map<String, Record> m = new LinkedHashMap<>();
    m.put(
        "complaint.file/v1",
        new FileComplaintCommand(
            CASE,
            "examiner-07",
            RespondentRole.EXAMINER,
            "S-2026-CNC-4",
            "C-2026-0001",
            ComplaintChannel.THROUGH_STATION,
            "practical score lowered after an argument",
            PROVENANCE));
    m.put(
        "complaint.investigator.assign/v1",
        new AssignInvestigatorCommand(CASE, "supervisor-01", PROVENANCE));
    m.put(
        "complaint.evidence.link/v1",
        new LinkEvidenceCommand(
            CASE, EvidenceKind.DOCUMENT, "0a".repeat(32), "scanned paper script", PROVENANCE));
    m.put(
        "complaint.refer/v1",
        new ReferComplaintCommand(
            CASE, "provincial guidance centre", "second complaint this year", PROVENANCE));
    m.put(
        "complaint.decide/v1",
        new DecideComplaintCommand(
            CASE, ComplaintOutcome.VERIFIED, "change not supported by the script", PROVENANCE));
    m.put(
        "complaint.reopen/v1", new ReopenComplaintCommand(CASE, "marking notes found", PROVENANCE));
    m.put(
        "complaint.self-criticism.submit/v1",
        new SubmitSelfCriticismCommand(
            CASE, "7f".repeat(32), "I changed a score without signing", PROVENANCE));
    m.put(
        "complaint.reinstatement.approve/v1",
        new ApproveReinstatementCommand(CASE, ApprovalLevel.STATION, "retrained", PROVENANCE));
    return m;
  }

  static Stream<String> types() {
    return ComplaintStatements.COMMANDS.keySet().stream().sorted();
  }

  @Test
  void everyComplaintType_hasASample() {
    assertThat(samples().keySet()).isEqualTo(ComplaintStatements.COMMANDS.keySet());
    samples()
        .forEach(
            (type, command) ->
                assertThat(command.getClass())
                    .as(type)
                    .isEqualTo(ComplaintStatements.COMMANDS.get(type)));
  }

  @ParameterizedTest
  @MethodSource("types")
  void complaintType_golden_matchesAndBindsBack(String type) throws IOException {
    Record command = samples().get(type);
    JsonNode payload = ExamStatementGoldenTest.payloadOf(command);
    Statement statement = SIGNER.statement(type, CASE, payload, ISSUED, "n-" + type);
    if (Boolean.getBoolean("golden.write")) {
      Files.write(
          Path.of("src/test/resources/statements/golden", type.replace('/', '-') + ".json"),
          statement.canonicalBytes().toByteArray());
    }
    Bytes golden = StatementGoldenTest.golden(type);
    assertThat(statement.canonicalBytes().utf8String()).isEqualTo(golden.utf8String());
    Statement read = Statement.fromCanonical(golden);
    assertThat(read.subject()).isEqualTo(CASE);
    assertThat(
            RecordPayloads.bind(
                ComplaintStatements.COMMANDS.get(type), read.subject(), read.payload(), PROVENANCE))
        .isEqualTo(command);
  }

  @Test
  void complaintPayload_sessionIdIsAMemberNotTheSubject() {
    assertThat(RecordPayloads.subjectMember(FileComplaintCommand.class)).isEqualTo("complaintId");
    assertThat(RecordPayloads.members(FileComplaintCommand.class))
        .containsExactly(
            "respondentId", "respondentRole", "sessionId", "candidateId", "channel", "summary");
  }

  /** docs/formats/statements.md section 3.8 has a row per type naming each payload member. */
  @Test
  void formatDoc_listsEveryComplaintTypeWithItsMembers() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "formats", "statements.md"));
    ComplaintStatements.COMMANDS.forEach(
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
