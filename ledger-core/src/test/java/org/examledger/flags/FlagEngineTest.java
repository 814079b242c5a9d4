package org.examledger.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.examledger.flags.LedgerBuilder.CANDIDATE;
import static org.examledger.flags.LedgerBuilder.EXAMINER;
import static org.examledger.flags.LedgerBuilder.SINGLE_MARKED;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.IncidentCategory;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.SessionEndedEvent;
import org.junit.jupiter.api.Test;

/** The engine's contract: as-of evaluation, thresholds, ordering and its refusals. */
class FlagEngineTest {

  private final FlagEngine engine = new FlagEngine(FlagThresholds.defaults());

  /** An unsigned practical score; returns its id. The builder's clock is then just after it. */
  private static String unsignedScore(LedgerBuilder b) {
    b.prepared("S1", SINGLE_MARKED).started("S1");
    b.score("S1", CANDIDATE, "theory", EXAMINER, 40);
    return b.unsigned().score("S1", CANDIDATE, "practical", EXAMINER, 30);
  }

  private static Instant receivedAt(LedgerBuilder b, String eventId) {
    return b.events().stream()
        .filter(e -> e.eventId().equals(eventId))
        .findFirst()
        .orElseThrow()
        .receivedAt();
  }

  private static List<FlagStatus> statuses(List<Flag> flags) {
    return flags.stream().map(Flag::status).toList();
  }

  @Test
  void anUnsignedEntryIsPendingUntilTheCureWindowEndsThenRaised() {
    LedgerBuilder b = new LedgerBuilder();
    Instant at = receivedAt(b, unsignedScore(b));

    assertThat(statuses(engine.evaluate(b.events(), at.plus(Duration.ofHours(24)))))
        .containsExactly(FlagStatus.PENDING);
    assertThat(statuses(engine.evaluate(b.events(), at.plus(Duration.ofHours(24)).plusSeconds(1))))
        .containsExactly(FlagStatus.RAISED);
  }

  @Test
  void aCountersignatureCuresOnlyOnceItIsKnown() {
    LedgerBuilder b = new LedgerBuilder();
    String entry = unsignedScore(b);
    Instant at = receivedAt(b, entry);
    b.after(Duration.ofHours(2));
    b.countersign("S1", entry, CANDIDATE, "practical", EXAMINER, 30);

    assertThat(statuses(engine.evaluate(b.events(), at.plus(Duration.ofHours(1)))))
        .containsExactly(FlagStatus.PENDING);
    assertThat(statuses(engine.evaluate(b.events(), at.plus(Duration.ofHours(3)))))
        .containsExactly(FlagStatus.CURED);
    assertThat(statuses(engine.evaluate(b.events(), at.plus(Duration.ofDays(30)))))
        .containsExactly(FlagStatus.CURED);
  }

  @Test
  void withoutAsOfTheEngineJudgesAtTheLatestEvent() {
    LedgerBuilder b = new LedgerBuilder();
    unsignedScore(b);
    b.after(Duration.ofHours(23)).end("S1", LedgerBuilder.PROCTOR);

    assertThat(statuses(engine.evaluate(b.events()))).containsExactly(FlagStatus.PENDING);

    b.after(Duration.ofHours(2)).end("S1", LedgerBuilder.PROCTOR);
    assertThat(statuses(engine.evaluate(b.events()))).containsExactly(FlagStatus.RAISED);
  }

  @Test
  void ignoresEventsReceivedAfterAsOf() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1");
    Instant before = b.now();
    b.suspendedStatement("S1", "examiner-11");

    assertThat(engine.evaluate(b.events(), before.minusSeconds(1))).isEmpty();
    assertThat(engine.evaluate(b.events(), before)).hasSize(1);
  }

  @Test
  void aShorterCureWindowRaisesWhatTheDefaultCures() {
    LedgerBuilder b = new LedgerBuilder();
    String entry = unsignedScore(b);
    b.after(Duration.ofHours(2));
    b.countersign("S1", entry, CANDIDATE, "practical", EXAMINER, 30);

    FlagEngine strict =
        new FlagEngine(FlagThresholds.defaults().withCureWindow(Duration.ofHours(1)));

    assertThat(statuses(engine.evaluate(b.events()))).containsExactly(FlagStatus.CURED);
    assertThat(statuses(strict.evaluate(b.events()))).containsExactly(FlagStatus.RAISED);
    assertThat(strict.evaluate(b.events()).get(0).explanation()).endsWith("after the 1 h window");
  }

  @Test
  void repeatedEditThresholdsAreOverridable() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1").scored("S1", 40, 30);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 30, 34);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 34, 36);

    assertThat(engine.evaluate(b.events())).isEmpty();
    assertThat(
            new FlagEngine(FlagThresholds.defaults().withRepeatedEditCount(2)).evaluate(b.events()))
        .extracting(Flag::ruleId)
        .containsExactly("repeated-edits");
    assertThat(
            new FlagEngine(FlagThresholds.defaults().withRepeatedEditDelta(BigDecimal.valueOf(5)))
                .evaluate(b.events()))
        .extracting(Flag::ruleId)
        .containsExactly("repeated-edits");
  }

  @Test
  void aWiderPassMarkWindowCatchesALargerLift() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED).started("S1").scored("S1", 40, 17);
    b.correct("S1", CANDIDATE, "practical", 1, EXAMINER, 17, 27);

    assertThat(engine.evaluate(b.events())).isEmpty();
    assertThat(
            new FlagEngine(FlagThresholds.defaults().withPassMarkWindow(BigDecimal.TEN))
                .evaluate(b.events()))
        .extracting(Flag::ruleId)
        .containsExactly("pass-mark-crossing");
  }

  @Test
  void ordersFlagsByFirstTriggeringEventThenRuleId() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED);
    b.startWaived("S1", LedgerBuilder.PROCTOR, "late");
    b.score("S1", CANDIDATE, "theory", EXAMINER, 40);
    b.unsigned().score("S1", CANDIDATE, "practical", "examiner-99", 30);

    List<Flag> flags = engine.evaluate(b.events());

    assertThat(flags)
        .extracting(Flag::ruleId)
        .containsExactly("proctoring-gap", "identity-gap", "actor-not-eligible", "unsigned-change");
  }

  @Test
  void ruleIdsNameEveryRuleOfTheBriefButBunching() {
    assertThat(FlagEngine.ruleIds())
        .containsExactly(
            "unsigned-change",
            "bad-signature",
            "change-after-lock",
            "actor-not-eligible",
            "pass-mark-crossing",
            "repeated-edits",
            "tally-mismatch",
            "double-marking-divergence",
            "separation-of-duties",
            "identity-gap",
            "proctoring-gap");
  }

  @Test
  void noEventsNoFlags() {
    assertThat(engine.evaluate(List.of())).isEmpty();
  }

  @Test
  void rejectsTheSameEventIdTwice() {
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", SINGLE_MARKED);
    List<LedgerEvent> events = new ArrayList<>(b.events());
    events.add(events.get(1));

    assertThatThrownBy(() -> engine.evaluate(events))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event id e2 occurs twice, at positions 1 and 6");
  }

  @Test
  void rejectsAPayloadThatIsNotALedgerEvent() {
    assertThatThrownBy(() -> new LedgerEvent("x1", "hello", SignatureStatus.VALID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event x1 (String) has no provenance; expected an event record of ledger-core");
  }

  @Test
  void rejectsAValidSignatureWithoutAnEnvelope() {
    Provenance unsigned = new Provenance("p", "p", LedgerBuilder.T0, null);

    assertThatThrownBy(
            () ->
                new LedgerEvent("x1", new SessionEndedEvent("S1", unsigned), SignatureStatus.VALID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event x1 is said to be validly signed but its provenance has no envelope");
  }

  @Test
  void rejectsAnEventWithoutReceivedAt() {
    Provenance timeless = new Provenance("p", "p", null, "{}");

    assertThatThrownBy(
            () ->
                new LedgerEvent("x1", new SessionEndedEvent("S1", timeless), SignatureStatus.VALID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event x1 has no provenance.receivedAt");
  }

  @Test
  void rejectsAScoreEventWithoutItsScore() {
    Provenance signed = new Provenance("examiner-07", "examiner-07", LedgerBuilder.T0, "{}");
    ScoreCorrectedEvent damaged =
        new ScoreCorrectedEvent(
            "S1", CANDIDATE, "practical", 1, null, null, CorrectionReason.OTHER, "x", signed);

    assertThatThrownBy(() -> new LedgerEvent("x1", damaged, SignatureStatus.VALID))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("event x1 (ScoreCorrectedEvent) lacks newScore, oldScore");
  }

  @Test
  void acceptsAnIncidentAboutNoCandidate() {
    Provenance signed = new Provenance("proctor-01", "proctor-01", LedgerBuilder.T0, "{}");

    assertThat(
            new LedgerEvent(
                    "x1",
                    new IncidentRecordedEvent(
                        "S1", "I-1", IncidentCategory.ENVIRONMENT, "fire alarm", null, signed),
                    SignatureStatus.VALID)
                .type())
        .isEqualTo("IncidentRecordedEvent");
  }

  @Test
  void anInvalidSignatureStatusNeedsAReason() {
    assertThatThrownBy(() -> SignatureStatus.invalid(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an invalid signature status needs a reason");
  }

  @Test
  void defaultThresholdsAreTheBriefs() {
    FlagThresholds defaults = FlagThresholds.defaults();

    assertThat(defaults.cureWindow()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.passMarkWindow()).isEqualByComparingTo("5");
    assertThat(defaults.repeatedEditCount()).isEqualTo(3);
    assertThat(defaults.repeatedEditDelta()).isEqualByComparingTo("10");
  }

  @Test
  void thresholdsRejectNonsense() {
    assertThatThrownBy(() -> FlagThresholds.defaults().withCureWindow(Duration.ofHours(-1)))
        .hasMessage("the cure window must not be negative; found PT-1H");
    assertThatThrownBy(() -> FlagThresholds.defaults().withPassMarkWindow(BigDecimal.valueOf(-1)))
        .hasMessage("the pass-mark window must not be negative; found -1");
    assertThatThrownBy(() -> FlagThresholds.defaults().withRepeatedEditCount(0))
        .hasMessage("the repeated-edit count must be at least 1; found 0");
    assertThatThrownBy(
            () -> FlagThresholds.defaults().withRepeatedEditDelta(BigDecimal.valueOf(-2)))
        .hasMessage("the repeated-edit delta must not be negative; found -2");
  }

  @Test
  void flagsAreImmutable() {
    LedgerBuilder b = new LedgerBuilder();
    unsignedScore(b);
    List<Flag> flags = engine.evaluate(b.events());

    assertThatThrownBy(() -> flags.get(0).eventIds().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> flags.add(flags.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
