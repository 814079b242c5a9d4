package org.examledger.statements;

import java.util.List;

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

  /** Every type the ledger admits: the above and {@link ExamStatements#COMMANDS}. */
  public static final List<String> ALL =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  SESSION_SCHEDULE,
                  CANDIDATE_REGISTER,
                  SCORE_RECORD,
                  SCORE_COUNTERSIGN,
                  KEYS_REGISTER,
                  KEYS_REVOKE),
              ExamStatements.COMMANDS.keySet().stream().sorted())
          .toList();

  private StatementTypes() {}
}
