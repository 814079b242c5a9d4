package org.examledger.reviews;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.examledger.complaints.ActorDirectory;
import org.examledger.complaints.ComplaintRuleViolation;
import org.examledger.complaints.ComplaintRuleViolation.Kind;
import org.examledger.exam.Provenance;
import org.examledger.keys.ActorRole;

/**
 * The review of one flag (identified as the flag engine names it: rule and first triggering event).
 * Only a supervisor reviews; a flag is acknowledged at most once and resolved once; a resolution
 * needs a comment. That the flag exists is checked by the service before the command.
 */
public class FlagReview {

  private static final int MAX_TEXT = 2000;

  @AggregateIdentifier private String flagId;
  private boolean acknowledged;
  private boolean resolved;

  protected FlagReview() {
    // required by Axon to rebuild the aggregate from its events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(AcknowledgeFlagCommand command, ActorDirectory directory) {
    Provenance p = requireSupervisor(command.provenance(), directory);
    if (resolved) {
      throw violation(Kind.CONFLICT, "flag-already-resolved", "flagId", "flag is resolved");
    }
    if (acknowledged) {
      throw violation(
          Kind.CONFLICT, "flag-already-acknowledged", "flagId", "flag was already acknowledged");
    }
    String comment = command.comment() == null ? "" : command.comment();
    requireLength(comment);
    apply(new FlagAcknowledgedEvent(command.flagId(), comment, p));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(ResolveFlagCommand command, ActorDirectory directory) {
    Provenance p = requireSupervisor(command.provenance(), directory);
    if (resolved) {
      throw violation(
          Kind.CONFLICT, "flag-already-resolved", "flagId", "flag was already resolved");
    }
    if (command.resolution() == null) {
      throw violation(Kind.INVALID, "missing-field", "resolution", "resolution is required");
    }
    if (command.comment() == null || command.comment().isBlank()) {
      throw violation(
          Kind.INVALID, "missing-field", "comment", "a resolution needs a comment saying why");
    }
    requireLength(command.comment());
    apply(new FlagResolvedEvent(command.flagId(), command.resolution(), command.comment(), p));
  }

  @EventSourcingHandler
  void on(FlagAcknowledgedEvent event) {
    flagId = event.flagId();
    acknowledged = true;
  }

  @EventSourcingHandler
  void on(FlagResolvedEvent event) {
    flagId = event.flagId();
    resolved = true;
  }

  private static Provenance requireSupervisor(Provenance p, ActorDirectory directory) {
    if (p == null || p.receivedAt() == null || p.actorId() == null || !p.signed()) {
      throw violation(
          Kind.INVALID, "unsigned-review", "provenance", "a flag review must be signed");
    }
    if (!directory.holds(p.actorId(), ActorRole.SUPERVISOR, p.receivedAt())) {
      throw violation(
          Kind.NOT_PERMITTED,
          "not-a-supervisor",
          "actor",
          "only a supervisor reviews flags; '" + p.actorId() + "' holds no SUPERVISOR key");
    }
    return p;
  }

  private static void requireLength(String text) {
    if (text.length() > MAX_TEXT) {
      throw violation(
          Kind.INVALID,
          "text-too-long",
          "comment",
          "comment is limited to " + MAX_TEXT + " characters; was " + text.length());
    }
  }

  private static ComplaintRuleViolation violation(
      Kind kind, String rule, String field, String message) {
    return new ComplaintRuleViolation(kind, rule, field, message);
  }
}
