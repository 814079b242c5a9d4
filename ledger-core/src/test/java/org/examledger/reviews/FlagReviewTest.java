package org.examledger.reviews;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.examledger.complaints.ActorDirectory;
import org.examledger.exam.Provenance;
import org.examledger.keys.ActorRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlagReviewTest {

  private static final String FLAG = "unsigned-change:e-1";
  private static final Instant T0 = Instant.parse("2026-06-20T02:00:00Z");
  private static final Provenance SUPERVISOR =
      new Provenance("supervisor-01", "supervisor-01", T0, "{\"payloadType\":\"x\"}");

  private FixtureConfiguration<FlagReview> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(FlagReview.class);
    fixture.registerInjectableResource(
        (ActorDirectory)
            (person, role, at) -> person.startsWith("supervisor") && role == ActorRole.SUPERVISOR);
  }

  @Test
  void supervisorAcknowledgesAFlag() {
    fixture
        .givenNoPriorActivity()
        .when(new AcknowledgeFlagCommand(FLAG, "looking", SUPERVISOR))
        .expectEvents(new FlagAcknowledgedEvent(FLAG, "looking", SUPERVISOR));
  }

  @Test
  void supervisorResolvesAnAcknowledgedFlagWithAComment() {
    fixture
        .given(new FlagAcknowledgedEvent(FLAG, "looking", SUPERVISOR))
        .when(new ResolveFlagCommand(FLAG, FlagResolution.CONFIRMED, "score restored", SUPERVISOR))
        .expectEvents(
            new FlagResolvedEvent(FLAG, FlagResolution.CONFIRMED, "score restored", SUPERVISOR));
  }

  @Test
  void cannotAcknowledgeTwice() {
    fixture
        .given(new FlagAcknowledgedEvent(FLAG, "looking", SUPERVISOR))
        .when(new AcknowledgeFlagCommand(FLAG, "again", SUPERVISOR))
        .expectNoEvents()
        .expectExceptionMessage("flag was already acknowledged");
  }

  @Test
  void cannotResolveTwice() {
    fixture
        .given(new FlagResolvedEvent(FLAG, FlagResolution.EXPLAINED, "why", SUPERVISOR))
        .when(new ResolveFlagCommand(FLAG, FlagResolution.CONFIRMED, "again", SUPERVISOR))
        .expectNoEvents()
        .expectExceptionMessage("flag was already resolved");
  }

  @Test
  void resolutionNeedsAComment() {
    fixture
        .givenNoPriorActivity()
        .when(new ResolveFlagCommand(FLAG, FlagResolution.EXPLAINED, " ", SUPERVISOR))
        .expectNoEvents()
        .expectExceptionMessage("a resolution needs a comment saying why");
  }

  @Test
  void onlyASupervisorReviews() {
    fixture
        .givenNoPriorActivity()
        .when(
            new AcknowledgeFlagCommand(
                FLAG,
                "mine",
                new Provenance("admin-01", "admin-01", T0, "{\"payloadType\":\"x\"}")))
        .expectNoEvents()
        .expectExceptionMessage(
            "only a supervisor reviews flags; 'admin-01' holds no SUPERVISOR key");
  }
}
