package org.examledger.api.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The group-commit protocol with dispatchers that record what they were asked: statements waiting
 * while a group is written form the next group; a statement refused in a group is decided alone and
 * the rest of its group is stored without it; a failed commit hands every statement back. (On the
 * real application and PostgreSQL: GroupCommitIT.)
 */
class GroupCommitTest {

  private final ExecutorService requests = Executors.newCachedThreadPool();
  private final List<String> groupedCalls = Collections.synchronizedList(new ArrayList<>());
  private final List<String> aloneCalls = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstHeld = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);
  private final Set<String> refusedInGroups =
      Collections.synchronizedSet(new java.util.HashSet<>());
  private final List<List<String>> aheadCalls = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> replayedAhead = Collections.synchronizedSet(new java.util.HashSet<>());
  private volatile String failCommitOf;
  private volatile String databaseGoneAt;
  private volatile String errorAt;
  private GroupCommit groups;

  @AfterEach
  void stop() {
    releaseFirst.countDown();
    if (groups != null) {
      groups.close();
    }
    requests.shutdownNow();
  }

  private static AdmittedStatement statement(String type, String subject, String nonce) {
    return new AdmittedStatement(
        type,
        subject,
        JsonNodeFactory.instance.objectNode(),
        "examiner-01",
        "key-1",
        Instant.parse("2026-11-29T08:00:00Z"),
        nonce,
        null,
        "hash-" + nonce,
        false);
  }

  private static AdmittedStatement score(String nonce) {
    return statement(StatementTypes.SCORE_RECORD, "S-1", nonce);
  }

  private GroupCommit start(int writers) {
    groups =
        new GroupCommit(
            (s, submitter) -> {
              groupedCalls.add(s.nonce());
              if (s.nonce().equals("first") && firstHeld.getCount() > 0) {
                firstHeld.countDown();
                await(releaseFirst);
              }
              if (refusedInGroups.contains(s.nonce())) {
                throw new AdmissionRefused(409, "score-already-recorded", "componentId", "no");
              }
              if (s.nonce().equals(errorAt)) {
                throw new AssertionError("a bug, not a refusal");
              }
              if (s.nonce().equals(databaseGoneAt)) {
                throw new org.springframework.dao.DataAccessResourceFailureException(
                    "connection refused");
              }
              if (s.nonce().equals(failCommitOf)) {
                CurrentUnitOfWork.get()
                    .onPrepareCommit(
                        u -> {
                          throw new IllegalStateException("another node appended first");
                        });
              }
              return Map.of("by", "group", "nonce", s.nonce());
            },
            (s, submitter) -> {
              aloneCalls.add(s.nonce());
              if (refusedInGroups.contains(s.nonce())) {
                throw new AdmissionRefused(409, "score-already-recorded", "componentId", "alone");
              }
              return Map.of("by", "alone", "nonce", s.nonce());
            },
            (unitOfWork, statements) -> {
              aheadCalls.add(statements.stream().map(AdmittedStatement::nonce).toList());
              return statements.stream().noneMatch(s -> replayedAhead.contains(s.nonce()));
            },
            NoTransactionManager.INSTANCE,
            new GroupCommitProperties(writers, 64));
    return groups;
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private Future<Map<String, Object>> submit(AdmittedStatement s) {
    return requests.submit(() -> groups.dispatch(s, "clerk-01"));
  }

  /**
   * Holds the writer in the first statement's dispatch until {@code waiting} all wait in its queue,
   * then lets it go: they are then taken together as one group.
   *
   * @return the answers, the first statement's first
   */
  private List<Future<Map<String, Object>>> holdWriterWhile(List<AdmittedStatement> waiting)
      throws Exception {
    List<Future<Map<String, Object>>> answers = new ArrayList<>();
    answers.add(submit(score("first")));
    await(firstHeld);
    for (AdmittedStatement s : waiting) {
      // one at a time, so that they queue in this order
      answers.add(submit(s));
      int queued = answers.size() - 1;
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> groups.queued() == queued);
    }
    releaseFirst.countDown();
    return answers;
  }

  private static Map<String, Object> answer(Future<Map<String, Object>> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  /** Answers {@code from} to {@code to} (inclusive) all failed with {@code cause}. */
  private static void assertFailedWith(
      List<Future<Map<String, Object>>> answers,
      int from,
      int to,
      Class<? extends Throwable> cause) {
    for (int i = from; i <= to; i++) {
      int at = i;
      assertThatThrownBy(() -> answer(answers.get(at))).hasCauseInstanceOf(cause);
    }
  }

  private static List<AdmittedStatement> scores(String... nonces) {
    return java.util.Arrays.stream(nonces).map(GroupCommitTest::score).toList();
  }

  @Test
  void statementsThatWaitWhileAGroupIsWrittenAreWrittenTogetherEachWithItsOwnAnswer()
      throws Exception {
    start(1);
    List<Future<Map<String, Object>>> answers =
        holdWriterWhile(scores("n1", "n2", "n3", "n4", "n5"));
    assertThat(answer(answers.get(0))).containsEntry("nonce", "first").containsEntry("by", "group");
    for (int i = 1; i <= 5; i++) {
      assertThat(answer(answers.get(i)))
          .containsEntry("nonce", "n" + i)
          .containsEntry("by", "group");
    }
    // the first alone (it was taken before the others came), then the five in one transaction
    assertThat(groups.groups()).isEqualTo(2);
    assertThat(groups.groupedStatements()).isEqualTo(6);
    assertThat(groups.decidedAlone()).isZero();
    assertThat(groupedCalls).containsExactly("first", "n1", "n2", "n3", "n4", "n5");
    assertThat(aloneCalls).isEmpty();
  }

  @Test
  void aStatementRefusedInItsGroupIsDecidedAloneAndTheRestOfTheGroupIsStoredWithoutIt()
      throws Exception {
    start(1);
    refusedInGroups.add("n2");
    List<Future<Map<String, Object>>> answers = holdWriterWhile(scores("n1", "n2", "n3"));
    assertThat(answer(answers.get(1))).containsEntry("by", "group");
    assertThat(answer(answers.get(3))).containsEntry("by", "group");
    // its answer is the refusal it gets alone, as without grouping
    assertThatThrownBy(() -> answer(answers.get(2)))
        .hasCauseInstanceOf(AdmissionRefused.class)
        .cause()
        .hasMessage("alone");
    // the group was rolled back at n2 and written again without it
    assertThat(groupedCalls).containsExactly("first", "n1", "n2", "n1", "n3");
    assertThat(aloneCalls).containsExactly("n2");
    assertThat(groups.groups()).isEqualTo(2);
    assertThat(groups.groupedStatements()).isEqualTo(3);
    assertThat(groups.decidedAlone()).isEqualTo(1);
  }

  @Test
  void aReplayFoundByTheGroupsAdmissionRowsIsFoundAgainAtItsTurnAndTheRestStored()
      throws Exception {
    start(1);
    // n2 was admitted before: the batch of the group's rows refuses it, then its own insert does
    replayedAhead.add("n2");
    refusedInGroups.add("n2");
    List<Future<Map<String, Object>>> answers = holdWriterWhile(scores("n1", "n2", "n3"));
    assertThat(answer(answers.get(1))).containsEntry("by", "group");
    assertThat(answer(answers.get(3))).containsEntry("by", "group");
    assertThatThrownBy(() -> answer(answers.get(2))).hasCauseInstanceOf(AdmissionRefused.class);
    // the rows of every group of more than one first (the first statement, alone in its group,
    // inserts its own); the refused batch is followed by one statement at a time up to the
    // replay, and the rest of the group is admitted and written again without it
    assertThat(aheadCalls).containsExactly(List.of("n1", "n2", "n3"), List.of("n1", "n3"));
    assertThat(groupedCalls).containsExactly("first", "n1", "n2", "n1", "n3");
    assertThat(aloneCalls).containsExactly("n2");
    assertThat(groups.groupedStatements()).isEqualTo(3);
  }

  @Test
  void afterMaxRefusalsTheRestOfAGroupIsDecidedAlone() throws Exception {
    start(1);
    List<String> nonces = new ArrayList<>();
    for (int i = 1; i <= GroupCommit.MAX_REFUSALS + 2; i++) {
      nonces.add("n" + i);
      if (i <= GroupCommit.MAX_REFUSALS) {
        refusedInGroups.add("n" + i);
      }
    }
    List<Future<Map<String, Object>>> answers =
        holdWriterWhile(scores(nonces.toArray(String[]::new)));
    assertFailedWith(answers, 1, GroupCommit.MAX_REFUSALS, AdmissionRefused.class);
    for (int i = GroupCommit.MAX_REFUSALS + 1; i < answers.size(); i++) {
      assertThat(answer(answers.get(i))).containsEntry("by", "alone");
    }
    assertThat(groups.groupedStatements()).isEqualTo(1);
    assertThat(groups.decidedAlone()).isEqualTo(GroupCommit.MAX_REFUSALS + 2);
  }

  @Test
  void whenAGroupsCommitFailsEveryStatementOfItIsDecidedAlone() throws Exception {
    start(1);
    failCommitOf = "n2";
    List<Future<Map<String, Object>>> answers = holdWriterWhile(scores("n1", "n2", "n3"));
    for (int i = 1; i <= 3; i++) {
      assertThat(answer(answers.get(i))).containsEntry("by", "alone");
    }
    assertThat(aloneCalls).containsExactlyInAnyOrder("n1", "n2", "n3");
    assertThat(groups.groups()).isEqualTo(1);
    assertThat(groups.decidedAlone()).isEqualTo(3);
  }

  @Test
  void whenTheDatabaseIsGoneEveryStatementOfTheGroupIsAnsweredWithItAtOnce() throws Exception {
    start(1);
    databaseGoneAt = "n2";
    List<Future<Map<String, Object>>> answers = holdWriterWhile(scores("n1", "n2", "n3"));
    // the 503 each would get alone, without each waiting again for a connection
    assertFailedWith(
        answers, 1, 3, org.springframework.dao.DataAccessResourceFailureException.class);
    assertThat(aloneCalls).isEmpty();
    assertThat(groups.decidedAlone()).isZero();
  }

  @Test
  void anErrorAnswersItsGroupAndTheWriterGoesOnWithNothingLeftOfIt() throws Exception {
    start(1);
    errorAt = "n2";
    List<Future<Map<String, Object>>> answers = holdWriterWhile(scores("n1", "n2"));
    assertFailedWith(answers, 1, 2, AssertionError.class);
    // the next statement is a group of its own, not part of a unit of work left behind
    assertThat(answer(submit(score("n3")))).containsEntry("by", "group");
    assertThat(groups.groupedStatements()).isEqualTo(2);
  }

  @Test
  void afterCloseEveryStatementIsDecidedAloneAndNoneWaitsForEver() throws Exception {
    start(1);
    assertThat(answer(submit(score("n1")))).containsEntry("by", "group");
    groups.close();
    groups.close();
    assertThat(answer(submit(score("n2")))).containsEntry("by", "alone");
    assertThat(groups.queued()).isZero();
  }

  @Test
  void statementsNotAboutASessionAndAllStatementsWithoutWritersAreDecidedAlone() {
    start(1);
    assertThat(groups.dispatch(statement(StatementTypes.KEYS_REVOKE, "key-2", "k1"), "admin-01"))
        .containsEntry("by", "alone");
    assertThat(groups.dispatch(statement("complaint.file/v1", "CMP-1", "c1"), "admin-01"))
        .containsEntry("by", "alone");
    groups.close();
    start(0);
    assertThat(groups.dispatch(score("s1"), "clerk-01")).containsEntry("by", "alone");
    assertThat(groupedCalls).isEmpty();
  }

  @Test
  void theSessionTypesAreTheSessionAggregatesStatements() {
    assertThat(GroupCommit.SESSION_TYPES)
        .contains(
            StatementTypes.SESSION_SCHEDULE,
            StatementTypes.CANDIDATE_REGISTER,
            StatementTypes.SCORE_RECORD,
            StatementTypes.SCORE_COUNTERSIGN,
            "exam.session.open/v1")
        .doesNotContain(StatementTypes.KEYS_REGISTER, StatementTypes.KEYS_REVOKE);
    assertThat(GroupCommit.SESSION_TYPES).noneMatch(t -> t.startsWith("complaint."));
  }
}
