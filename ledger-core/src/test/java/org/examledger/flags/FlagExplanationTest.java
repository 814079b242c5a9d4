package org.examledger.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.examledger.flags.LedgerBuilder.ADMIN;
import static org.examledger.flags.LedgerBuilder.CANDIDATE;
import static org.examledger.flags.LedgerBuilder.EXAMINER;
import static org.examledger.flags.LedgerBuilder.PROCTOR;
import static org.examledger.flags.LedgerBuilder.SINGLE_MARKED;

import java.time.Duration;
import java.util.List;
import org.examledger.exam.StaffRole;
import org.junit.jupiter.api.Test;

/** The words a supervisor reads, the subject and the triggering events, exactly. */
class FlagExplanationTest {

  private final FlagEngine engine = new FlagEngine(FlagThresholds.defaults());

  private Flag only(List<Flag> flags, String ruleId) {
    List<Flag> found = flags.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(found).as(flags.toString()).hasSize(1);
    return found.get(0);
  }

  @Test
  void explainsAnUnsignedChangeAfterTheLockAsTheIssueWordsIt() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1").scored("S1", 3, 57);
    b.end("S1", PROCTOR);
    b.submit("S1", CANDIDATE, 60, null);
    String lock = b.lock("S1", CANDIDATE, LedgerBuilder.REVIEWER);
    String change = b.unsigned().correct("S1", CANDIDATE, "practical", 1, EXAMINER, 57, 60);
    b.after(Duration.ofHours(25)).publish("S1", CANDIDATE, ADMIN, 63);

    List<Flag> flags = engine.evaluate(b.events());

    Flag afterLock = only(flags, "change-after-lock");
    assertThat(afterLock.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component practical changed from 57 to 60 by"
                + " examiner-07 after the sheet was locked, unsigned");
    assertThat(afterLock.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(afterLock.subject())
        .isEqualTo(new FlagSubject("S1", CANDIDATE, "practical", EXAMINER));
    assertThat(afterLock.eventIds()).containsExactly(lock, change);

    Flag unsigned = only(flags, "unsigned-change");
    assertThat(unsigned.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component practical changed from 57 to 60 by"
                + " examiner-07, unsigned; not countersigned within the 24 h window");
    assertThat(unsigned.status()).isEqualTo(FlagStatus.RAISED);
  }

  @Test
  void explainsACuredUnsignedEntryWithItsCountersignature() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1");
    b.score("S1", CANDIDATE, "theory", EXAMINER, 40);
    String entry = b.unsigned().score("S1", CANDIDATE, "practical", EXAMINER, 30);
    b.after(Duration.ofHours(3));
    String countersignature = b.countersign("S1", entry, CANDIDATE, "practical", EXAMINER, 30);

    Flag flag = only(engine.evaluate(b.events()), "unsigned-change");

    assertThat(flag.status()).isEqualTo(FlagStatus.CURED);
    assertThat(flag.eventIds()).containsExactly(entry, countersignature);
    assertThat(flag.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component practical recorded as 30 by examiner-07,"
                + " unsigned; countersigned by examiner-07 at 2026-06-01T10:11:00Z, within the"
                + " 24 h window");
  }

  @Test
  void explainsAPassMarkCrossing() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1").scored("S1", 40, 17);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 17, 20);

    Flag flag = only(engine.evaluate(b.events()), "pass-mark-crossing");

    assertThat(flag.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component practical changed from 17 to 20 by"
                + " examiner-07, lifting the total in session S1 from 57 to 60, within 5 points"
                + " at or above the pass mark 60");
  }

  @Test
  void explainsOnePersonInEveryRole() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED);
    String proctor = b.assign("S1", EXAMINER, StaffRole.PROCTOR);
    b.started("S1").scored("S1", 40, 30);
    b.end("S1", PROCTOR);
    b.submit("S1", CANDIDATE, 70, null);
    String lock = b.lock("S1", CANDIDATE, EXAMINER);

    Flag flag = only(engine.evaluate(b.events()), "separation-of-duties");

    assertThat(flag.explanation())
        .isEqualTo("examiner-07 is proctor, examiner and approver of session S1");
    assertThat(flag.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(flag.subject()).isEqualTo(new FlagSubject("S1", null, null, EXAMINER));
    assertThat(flag.eventIds()).hasSize(3).contains(proctor, lock);
  }

  @Test
  void explainsRepeatedEditsWithTheirPath() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1").scored("S1", 40, 30);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 30, 31);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 31, 29);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 29, 33);

    Flag flag = only(engine.evaluate(b.events()), "repeated-edits");

    assertThat(flag.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component practical changed 3 times (30 to 31 to 29 to"
                + " 33) by examiner-07, 7 points in all; threshold: 3 changes or more than 10"
                + " points");
  }

  @Test
  void explainsAWaivedNotice() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED);
    b.startWaived("S1", PROCTOR, "proctor arrived late");

    Flag flag = only(engine.evaluate(b.events()), "proctoring-gap");

    assertThat(flag.explanation())
        .isEqualTo(
            "session S1 started by proctor-01 without the Candidate Notice read in room R1;"
                + " waived: proctor arrived late");
  }

  @Test
  void namesTheSanctionBehindASuspendedExaminersScore() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1");
    String sanction = b.suspend("K-1", EXAMINER, b.now());
    String score = b.score("S1", CANDIDATE, "theory", EXAMINER, 40);

    Flag flag = only(engine.evaluate(b.events()), "actor-not-eligible");

    assertThat(flag.eventIds()).containsExactly(sanction, score);
    assertThat(flag.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component theory recorded as 40 by examiner-07, while"
                + " examiner-07 was suspended");
  }

  @Test
  void explainsABadSignatureWithTheCallersReason() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1");
    String score =
        b.invalid("key k-7 revoked at 2026-05-01T00:00:00Z")
            .score("S1", CANDIDATE, "theory", EXAMINER, 40);

    Flag flag = only(engine.evaluate(b.events()), "bad-signature");

    assertThat(flag.eventIds()).containsExactly(score);
    assertThat(flag.explanation())
        .isEqualTo(
            "score of candidate C-0001 in component theory recorded as 40 by examiner-07,"
                + " signature invalid: key k-7 revoked at 2026-05-01T00:00:00Z");
  }
}
