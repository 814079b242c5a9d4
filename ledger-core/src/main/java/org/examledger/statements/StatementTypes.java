package org.examledger.statements;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The statement type names (docs/formats/statements.md): "area.object.verb/revision". A new
 * revision is a new name; a verifier keeps reading every revision it ever accepted.
 */
public final class StatementTypes {

  /** Subject: sessionId. Payload: {@link ScheduleSessionPayload}. */
  public static final String SESSION_SCHEDULE = "exam.session.schedule/v1";

  /** Subject: sessionId. Payload: {@link RegisterCandidatePayload}. */
  public static final String CANDIDATE_REGISTER = "exam.candidate.register/v1";

  /** Subject: sessionId. Payload: {@link RecordScorePayload}. May be unsigned where allowed. */
  public static final String SCORE_RECORD = "exam.score.record/v1";

  /** Subject: sessionId. Payload: {@link CountersignScorePayload}. */
  public static final String SCORE_COUNTERSIGN = "exam.score.countersign/v1";

  /** Subject: the new key's keyId. Payload: {@link RegisterKeyPayload}. */
  public static final String KEYS_REGISTER = "keys.register/v1";

  /** Subject: the revoked key's keyId. Payload: {@link RevokeKeyPayload}. */
  public static final String KEYS_REVOKE = "keys.revoke/v1";

  /**
   * Every type the ledger admits: the above, {@link ExamStatements#COMMANDS}, {@link
   * ComplaintStatements#COMMANDS} and {@link ReviewStatements#COMMANDS}.
   */
  public static final List<String> ALL =
      Stream.of(
              Stream.of(
                  SESSION_SCHEDULE,
                  CANDIDATE_REGISTER,
                  SCORE_RECORD,
                  SCORE_COUNTERSIGN,
                  KEYS_REGISTER,
                  KEYS_REVOKE),
              ExamStatements.COMMANDS.keySet().stream().sorted(),
              ComplaintStatements.COMMANDS.keySet().stream().sorted(),
              ReviewStatements.COMMANDS.keySet().stream().sorted())
          .flatMap(s -> s)
          .toList();

  /**
   * The statements staff make by virtue of a session assignment. One signed by a person suspended
   * at the time is kept as evidence only (an event without effect) and flagged.
   */
  public static final Set<String> ASSIGNMENT_ACTS =
      Set.of(
          SCORE_RECORD,
          SCORE_COUNTERSIGN,
          "exam.score.correct/v1",
          "exam.score.adjudicate/v1",
          "exam.identity.check/v1",
          "exam.proctor.notice-read/v1",
          "exam.proctor.prohibited-items/v1",
          "exam.incident.record/v1",
          "exam.incident.resolve/v1");

  private StatementTypes() {}
}
