package org.examledger.flags;

import static org.examledger.flags.LedgerBuilder.ADMIN;
import static org.examledger.flags.LedgerBuilder.CANDIDATE;
import static org.examledger.flags.LedgerBuilder.CHIEF;
import static org.examledger.flags.LedgerBuilder.DOUBLE_MARKED;
import static org.examledger.flags.LedgerBuilder.EXAMINER;
import static org.examledger.flags.LedgerBuilder.PROCTOR;
import static org.examledger.flags.LedgerBuilder.REVIEWER;
import static org.examledger.flags.LedgerBuilder.SECOND_EXAMINER;
import static org.examledger.flags.LedgerBuilder.SINGLE_MARKED;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.examledger.exam.IdentityCheckResult;
import org.examledger.exam.StaffRole;

/**
 * The table of the rule tests: one scenario per row, built on a clean session in one session id,
 * with every flag the whole engine must return ("rule-id STATUS", in order). Rows marked {@code
 * crossSession} use other sessions or person-wide facts (a suspension) and are left out of the
 * property test that mixes unrelated sessions.
 */
final class Scenarios {

  private Scenarios() {}

  record Case(
      String rule,
      String name,
      BiConsumer<LedgerBuilder, String> scenario,
      List<String> expected,
      boolean crossSession) {

    @Override
    public String toString() {
      return rule + ": " + name;
    }
  }

  private static Case of(
      String rule, String name, BiConsumer<LedgerBuilder, String> scenario, String... expected) {
    return new Case(rule, name, scenario, List.of(expected), false);
  }

  private static Case crossSession(
      String rule, String name, BiConsumer<LedgerBuilder, String> scenario, String... expected) {
    return new Case(rule, name, scenario, List.of(expected), true);
  }

  private static final Duration DAY_AND_AN_HOUR = Duration.ofHours(25);

  static final List<Case> CASES =
      List.of(
          of("clean", "a clean single-marked session", (b, s) -> b.cleanSession(s)),
          of(
              "clean",
              "a clean double-marked session settled by a third mark",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30);
                b.mark(s, CANDIDATE, "essay", 3, CHIEF, 22);
                b.closed(s, 61);
              }),
          // ---- unsigned-change ----
          of(
              "unsigned-change",
              "an unsigned score never countersigned is raised after the window",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.unsigned().score(s, CANDIDATE, "practical", EXAMINER, 30);
                b.after(DAY_AND_AN_HOUR).closed(s, 70);
              },
              "unsigned-change RAISED"),
          of(
              "unsigned-change",
              "an unsigned score within its window is pending",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.unsigned().score(s, CANDIDATE, "practical", EXAMINER, 30);
                b.closed(s, 70);
              },
              "unsigned-change PENDING"),
          of(
              "unsigned-change",
              "an unsigned correction countersigned in time is cured",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                String entry = b.unsigned().correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 32);
                b.after(Duration.ofHours(2));
                b.countersign(s, entry, CANDIDATE, "practical", EXAMINER, 32);
                b.after(DAY_AND_AN_HOUR).closed(s, 72);
              },
              "unsigned-change CURED"),
          of(
              "unsigned-change",
              "a countersignature after the window does not cure",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                String entry = b.unsigned().correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 32);
                b.after(DAY_AND_AN_HOUR);
                b.countersign(s, entry, CANDIDATE, "practical", EXAMINER, 32);
                b.closed(s, 72);
              },
              "unsigned-change RAISED"),
          of(
              "unsigned-change",
              "a countersignature with a bad signature does not cure",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                String entry = b.unsigned().correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 32);
                b.invalid("signature does not verify")
                    .countersign(s, entry, CANDIDATE, "practical", EXAMINER, 32);
                b.after(DAY_AND_AN_HOUR).closed(s, 72);
              },
              "unsigned-change RAISED",
              "bad-signature RAISED"),
          of(
              "unsigned-change",
              "a signed correction does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 32);
                b.after(DAY_AND_AN_HOUR).closed(s, 72);
              }),
          // ---- bad-signature ----
          of(
              "bad-signature",
              "a score whose key was revoked",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.invalid("key revoked").score(s, CANDIDATE, "practical", EXAMINER, 30);
                b.closed(s, 70);
              },
              "bad-signature RAISED"),
          of(
              "bad-signature",
              "a lock whose key was unknown",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.invalid("unknown key").lock(s, CANDIDATE, REVIEWER);
              },
              "bad-signature RAISED"),
          of(
              "bad-signature",
              "an unsigned entry is no bad signature",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.unsigned().score(s, CANDIDATE, "practical", EXAMINER, 30);
                b.closed(s, 70);
              },
              "unsigned-change PENDING"),
          // ---- change-after-lock ----
          of(
              "change-after-lock",
              "a correction after the lock",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.lock(s, CANDIDATE, REVIEWER);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 33);
              },
              "change-after-lock RAISED"),
          of(
              "change-after-lock",
              "a correction after publication",
              (b, s) -> {
                b.cleanSession(s);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 33);
              },
              "change-after-lock RAISED"),
          of(
              "change-after-lock",
              "a correction after a signed reopen does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.lock(s, CANDIDATE, REVIEWER);
                b.reopen(s, CANDIDATE, ADMIN);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 33);
              }),
          of(
              "change-after-lock",
              "an unsigned reopen does not authorise a correction",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.lock(s, CANDIDATE, REVIEWER);
                b.unsigned().reopen(s, CANDIDATE, ADMIN);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 33);
              },
              "change-after-lock RAISED"),
          // ---- actor-not-eligible ----
          of(
              "actor-not-eligible",
              "a suspended examiner's statement kept as evidence",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.suspendedStatement(s, "examiner-11");
                b.scored(s, 40, 30).closed(s, 70);
              },
              "actor-not-eligible RAISED"),
          of(
              "actor-not-eligible",
              "a score by an examiner never assigned",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "practical", "examiner-99", 30);
                b.closed(s, 70);
              },
              "actor-not-eligible RAISED"),
          of(
              "actor-not-eligible",
              "a score by an examiner unassigned before it",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.unassign(s, EXAMINER, StaffRole.EXAMINER);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "actor-not-eligible RAISED",
              "actor-not-eligible RAISED"),
          of(
              "actor-not-eligible",
              "an identity check by someone not assigned as proctor",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, "proctor-99", IdentityCheckResult.MATCH);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "actor-not-eligible RAISED"),
          crossSession(
              "actor-not-eligible",
              "a score by an examiner suspended at the time",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.suspend("K-1", EXAMINER, b.now());
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "practical", SECOND_EXAMINER, 30);
                b.closed(s, 70);
              },
              "actor-not-eligible RAISED"),
          crossSession(
              "actor-not-eligible",
              "a score after reinstatement does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.suspend("K-1", EXAMINER, b.now());
                b.reinstate("K-1", EXAMINER, b.now());
                b.scored(s, 40, 30).closed(s, 70);
              }),
          // ---- pass-mark-crossing ----
          of(
              "pass-mark-crossing",
              "a correction from 57 to the pass mark 60",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 17);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 17, 20);
                b.closed(s, 60);
              },
              "pass-mark-crossing RAISED"),
          of(
              "pass-mark-crossing",
              "a correction to the edge of the window (65)",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 17);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 17, 25);
                b.closed(s, 65);
              },
              "pass-mark-crossing RAISED"),
          of(
              "pass-mark-crossing",
              "a correction beyond the window (66) does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 17);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 17, 26);
                b.closed(s, 66);
              }),
          of(
              "pass-mark-crossing",
              "a correction of a passing total does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 22);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 22, 24);
                b.closed(s, 64);
              }),
          of(
              "pass-mark-crossing",
              "a correction of a double mark lifting the average to the pass mark",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 18);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 20);
                b.correct(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 20, 22);
                b.closed(s, 60);
              },
              "pass-mark-crossing RAISED"),
          // ---- repeated-edits ----
          of(
              "repeated-edits",
              "three corrections of one score",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 30, 31);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 31, 32);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 32, 33);
                b.closed(s, 73);
              },
              "repeated-edits RAISED"),
          of(
              "repeated-edits",
              "one correction of more than 10 points",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 50, 10);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 10, 21);
                b.closed(s, 71);
              },
              "repeated-edits RAISED"),
          of(
              "repeated-edits",
              "two small corrections and one of exactly 10 points do not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 50, 10);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 10, 12);
                b.correct(s, CANDIDATE, "practical", 1, EXAMINER, 12, 14);
                b.correct(s, CANDIDATE, "theory", 1, EXAMINER, 50, 40);
                b.closed(s, 54);
              }),
          // ---- tally-mismatch ----
          of(
              "tally-mismatch",
              "a claimed total above the components' sum",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, 72);
                b.lock(s, CANDIDATE, REVIEWER);
                b.publish(s, CANDIDATE, ADMIN, 70);
              },
              "tally-mismatch RAISED"),
          of(
              "tally-mismatch",
              "a published total that is not the components' sum",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.lock(s, CANDIDATE, REVIEWER);
                b.publish(s, CANDIDATE, ADMIN, 75);
              },
              "tally-mismatch RAISED"),
          of(
              "tally-mismatch",
              "a claimed total equal to the sum does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, 70);
              }),
          // ---- double-marking-divergence ----
          of(
              "double-marking-divergence",
              "diverging marks with the sheet still open are pending",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30);
              },
              "double-marking-divergence PENDING"),
          of(
              "double-marking-divergence",
              "diverging marks on a submitted sheet are raised",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 65, null);
              },
              "double-marking-divergence RAISED"),
          of(
              "double-marking-divergence",
              "diverging marks brought together by a correction are raised",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30);
                b.correct(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30, 24);
                b.closed(s, 62);
              },
              "double-marking-divergence RAISED"),
          of(
              "double-marking-divergence",
              "diverging marks settled by adjudication do not fire",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 30);
                b.adjudicate(s, CANDIDATE, "essay", CHIEF, 25);
                b.closed(s, 65);
              }),
          of(
              "double-marking-divergence",
              "marks within tolerance do not fire",
              (b, s) -> {
                b.prepared(s, DOUBLE_MARKED).started(s);
                b.score(s, CANDIDATE, "theory", EXAMINER, 40);
                b.score(s, CANDIDATE, "essay", EXAMINER, 20);
                b.mark(s, CANDIDATE, "essay", 2, SECOND_EXAMINER, 24);
                b.closed(s, 62);
              }),
          // ---- separation-of-duties ----
          of(
              "separation-of-duties",
              "an examiner also assigned as proctor",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.assign(s, EXAMINER, StaffRole.PROCTOR);
                b.started(s).scored(s, 40, 30).closed(s, 70);
              },
              "separation-of-duties RAISED"),
          of(
              "separation-of-duties",
              "an examiner who locked the sheet",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s).scored(s, 40, 30);
                b.end(s, PROCTOR);
                b.submit(s, CANDIDATE, 70, null);
                b.lock(s, CANDIDATE, EXAMINER);
              },
              "separation-of-duties RAISED"),
          of(
              "separation-of-duties",
              "a proctor assignment withdrawn before any act does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.assign(s, EXAMINER, StaffRole.PROCTOR);
                b.unassign(s, EXAMINER, StaffRole.PROCTOR);
                b.started(s).scored(s, 40, 30).closed(s, 70);
              }),
          // ---- identity-gap ----
          of(
              "identity-gap",
              "a score without any identity check",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "identity-gap RAISED"),
          of(
              "identity-gap",
              "a document mismatch, and then a score",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MISMATCH);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "identity-gap RAISED",
              "identity-gap RAISED"),
          of(
              "identity-gap",
              "a missing document followed by a matching check is cured",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MISSING_DOCUMENT);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "identity-gap CURED"),
          of(
              "identity-gap",
              "a missing document after a matching check is not cured by it",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MISSING_DOCUMENT);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "identity-gap RAISED"),
          of(
              "identity-gap",
              "a missing document between two matching checks is cured by the later one",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MISSING_DOCUMENT);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "identity-gap CURED"),
          of(
              "identity-gap",
              "a candidate without a document, never scored",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.notice(s, PROCTOR);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MISSING_DOCUMENT);
                b.start(s, PROCTOR);
                b.end(s, PROCTOR);
              },
              "identity-gap RAISED"),
          new Case(
              "identity-gap",
              "one document checked in two overlapping sessions",
              (b, s) -> {
                b.cleanSession(s);
                String other = s + "-B";
                b.schedule(
                    other,
                    SINGLE_MARKED,
                    LedgerBuilder.T0.plus(Duration.ofHours(4)),
                    LedgerBuilder.T0.plus(Duration.ofHours(7)));
                b.assign(other, PROCTOR, StaffRole.PROCTOR);
                b.identity(
                    other,
                    "C-0002",
                    PROCTOR,
                    IdentityCheckResult.MATCH,
                    LedgerBuilder.document(CANDIDATE));
              },
              List.of("identity-gap RAISED"),
              true),
          new Case(
              "identity-gap",
              "one document checked in two back-to-back sessions does not fire",
              (b, s) -> {
                b.cleanSession(s);
                String other = s + "-B";
                b.schedule(
                    other,
                    SINGLE_MARKED,
                    LedgerBuilder.T0.plus(Duration.ofHours(5)),
                    LedgerBuilder.T0.plus(Duration.ofHours(8)));
                b.assign(other, PROCTOR, StaffRole.PROCTOR);
                b.identity(
                    other,
                    "C-0002",
                    PROCTOR,
                    IdentityCheckResult.MATCH,
                    LedgerBuilder.document(CANDIDATE));
              },
              List.of(),
              true),
          // ---- proctoring-gap ----
          of(
              "proctoring-gap",
              "a session started with the notice waived",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.startWaived(s, PROCTOR, "proctor arrived late");
                b.scored(s, 40, 30).closed(s, 70);
              },
              "proctoring-gap RAISED"),
          of(
              "proctoring-gap",
              "a session started without the notice and without a waiver",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED);
                b.identity(s, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
                b.start(s, PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "proctoring-gap RAISED"),
          of(
              "proctoring-gap",
              "an incident unresolved when the session ended",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.incident(s, "I-1", PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              },
              "proctoring-gap RAISED"),
          of(
              "proctoring-gap",
              "an incident resolved only after the end stays raised",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.incident(s, "I-1", PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
                b.resolve(s, "I-1", PROCTOR);
              },
              "proctoring-gap RAISED"),
          of(
              "proctoring-gap",
              "an incident open while the session runs is pending",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.incident(s, "I-1", PROCTOR);
              },
              "proctoring-gap PENDING"),
          of(
              "proctoring-gap",
              "an incident resolved before the end does not fire",
              (b, s) -> {
                b.prepared(s, SINGLE_MARKED).started(s);
                b.incident(s, "I-1", PROCTOR);
                b.resolve(s, "I-1", PROCTOR);
                b.scored(s, 40, 30).closed(s, 70);
              }));
}
