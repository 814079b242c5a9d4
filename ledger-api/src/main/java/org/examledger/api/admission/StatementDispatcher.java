package org.examledger.api.admission;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.examledger.complaints.FileComplaintCommand;
import org.examledger.exam.CountersignScoreCommand;
import org.examledger.exam.Provenance;
import org.examledger.exam.RecordScoreCommand;
import org.examledger.exam.RecordSuspendedActorStatementCommand;
import org.examledger.exam.RegisterCandidateCommand;
import org.examledger.exam.ScheduleSessionCommand;
import org.examledger.exam.SuspensionRegistry;
import org.examledger.keys.KeyRegistry;
import org.examledger.keys.RegisterGenesisKeyCommand;
import org.examledger.keys.RegisterKeyCommand;
import org.examledger.keys.RevokeKeyCommand;
import org.examledger.statements.ComplaintStatements;
import org.examledger.statements.CountersignScorePayload;
import org.examledger.statements.ExamStatements;
import org.examledger.statements.RecordPayloads;
import org.examledger.statements.RecordScorePayload;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.ReviewStatements;
import org.examledger.statements.RevokeKeyPayload;
import org.examledger.statements.ScheduleSessionPayload;
import org.examledger.statements.StatementPayloadException;
import org.examledger.statements.StatementTypes;

/**
 * Turns an admitted statement into its command, built from the verified payload only, and sends it
 * with the statement's admission record as metadata (for {@link AdmittedStatementInterceptor}). The
 * event's provenance carries the actor from the statement, the submitter (the authenticated caller)
 * and the envelope exactly as received.
 */
public class StatementDispatcher {

  /** Result member saying what the statement did; {@link #EVIDENCE_ONLY} when it did nothing. */
  public static final String EFFECT = "effect";

  /** The statement's actor was suspended: kept as evidence and flagged, without effect. */
  public static final String EVIDENCE_ONLY = "EVIDENCE_ONLY";

  private final CommandGateway commands;
  private final Clock clock;
  private final SuspensionRegistry suspensions;
  private final Predicate<String> knownFlag;

  /**
   * @param knownFlag whether a flag identifier names a flag the ledger shows (a review of anything
   *     else is refused)
   */
  public StatementDispatcher(
      CommandGateway commands,
      Clock clock,
      SuspensionRegistry suspensions,
      Predicate<String> knownFlag) {
    this.commands = commands;
    this.clock = clock;
    this.suspensions = suspensions;
    this.knownFlag = knownFlag;
  }

  /** Whether a dispatch result is a suspended person's statement kept as evidence only. */
  public static boolean evidenceOnly(Map<String, Object> result) {
    return EVIDENCE_ONLY.equals(result.get(EFFECT));
  }

  /**
   * Sends the statement's command and waits for its event to be stored.
   *
   * @return what was written: the statement's type, subject and hash, and type-specific ids
   * @throws AdmissionRefused if the payload does not fit its type ({@code invalid-payload}), or the
   *     statement turned out to be a replay
   */
  public Map<String, Object> dispatch(AdmittedStatement s, String submitterId) {
    Provenance provenance = new Provenance(s.actorId(), submitterId, clock.instant(), s.envelope());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("type", s.type());
    result.put("subject", s.subject());
    result.put("statementHash", s.statementHash());
    result.put("signed", s.signed());
    // both are recorded: who signed the statement, and who delivered it (docs/security.md)
    result.put("actor", s.actorId());
    result.put("submitter", submitterId);
    if (StatementTypes.ASSIGNMENT_ACTS.contains(s.type())
        && suspensions.isSuspended(s.actorId(), provenance.receivedAt())) {
      // BRIEF section 5, "actor not eligible": what a suspended person still signs is kept as
      // evidence and flagged, and has no effect.
      Object eventId =
          send(
              s,
              new RecordSuspendedActorStatementCommand(
                  s.subject(), s.type(), s.statementHash(), provenance));
      result.put("sessionId", s.subject());
      result.put("eventId", eventId);
      result.put(EFFECT, EVIDENCE_ONLY);
      result.put(
          "flag",
          "actor-suspended: '"
              + s.actorId()
              + "' is suspended; the statement is kept as evidence and has no effect");
      return result;
    }
    try {
      switch (s.type()) {
        case StatementTypes.SESSION_SCHEDULE -> {
          ScheduleSessionPayload p = ScheduleSessionPayload.read(s.payload());
          send(
              s,
              new ScheduleSessionCommand(
                  s.subject(),
                  p.occupation(),
                  p.level(),
                  p.examType(),
                  p.passMark(),
                  p.components(),
                  p.rooms(),
                  p.startsAt(),
                  p.endsAt(),
                  provenance));
          result.put("sessionId", s.subject());
        }
        case StatementTypes.CANDIDATE_REGISTER -> {
          RegisterCandidatePayload p = RegisterCandidatePayload.read(s.payload());
          send(
              s,
              new RegisterCandidateCommand(
                  s.subject(),
                  p.candidateId(),
                  p.room(),
                  p.eligibility(),
                  p.documents(),
                  provenance));
          result.put("sessionId", s.subject());
          result.put("candidateId", p.candidateId());
        }
        case StatementTypes.SCORE_RECORD -> {
          RecordScorePayload p = RecordScorePayload.read(s.payload());
          Object eventId =
              send(
                  s,
                  new RecordScoreCommand(
                      s.subject(), p.candidateId(), p.componentId(), p.score(), provenance));
          result.put("sessionId", s.subject());
          result.put("candidateId", p.candidateId());
          result.put("componentId", p.componentId());
          result.put("eventId", eventId);
        }
        case StatementTypes.SCORE_COUNTERSIGN -> {
          CountersignScorePayload p = CountersignScorePayload.read(s.payload());
          Object eventId =
              send(
                  s,
                  new CountersignScoreCommand(
                      s.subject(),
                      p.eventId(),
                      p.candidateId(),
                      p.componentId(),
                      p.score(),
                      provenance));
          result.put("sessionId", s.subject());
          result.put("countersignedEventId", p.eventId());
          result.put("eventId", eventId);
        }
        case StatementTypes.KEYS_REGISTER -> {
          RegisterKeyPayload p = RegisterKeyPayload.read(s.payload());
          String publicKey = p.publicKey().spki().base64();
          if (s.genesis()) {
            registerGenesis(s, p, publicKey, provenance);
          } else {
            send(
                s,
                new RegisterKeyCommand(
                    KeyRegistry.REGISTRY_ID,
                    s.keyId(),
                    s.subject(),
                    p.owner(),
                    p.role(),
                    publicKey,
                    p.validFrom(),
                    provenance));
          }
          result.put("keyId", s.subject());
        }
        case StatementTypes.KEYS_REVOKE -> {
          RevokeKeyPayload p = RevokeKeyPayload.read(s.payload());
          send(
              s,
              new RevokeKeyCommand(
                  KeyRegistry.REGISTRY_ID,
                  s.keyId(),
                  s.subject(),
                  p.revokedAt(),
                  p.reason(),
                  provenance));
          result.put("keyId", s.subject());
        }
        default -> {
          Class<? extends Record> review = ReviewStatements.COMMANDS.get(s.type());
          if (review != null) {
            if (!knownFlag.test(s.subject())) {
              throw new AdmissionRefused(
                  Admission.NOT_FOUND,
                  "unknown-flag",
                  "subject",
                  "no flag '" + s.subject() + "' (GET /api/v1/flags gives each flag's flagId)");
            }
            send(s, RecordPayloads.bind(review, s.subject(), s.payload(), provenance));
            result.put("flagId", s.subject());
            break;
          }
          Class<? extends Record> complaint = ComplaintStatements.COMMANDS.get(s.type());
          if (complaint != null) {
            Object eventId =
                sendToComplaint(
                    s,
                    RecordPayloads.bind(complaint, s.subject(), s.payload(), provenance),
                    complaint == FileComplaintCommand.class);
            result.put("complaintId", s.subject());
            if (eventId != null) {
              result.put("eventId", eventId);
            }
            break;
          }
          Class<? extends Record> command = ExamStatements.COMMANDS.get(s.type());
          if (command == null) {
            throw new AdmissionRefused(
                Admission.BAD_REQUEST,
                "wrong-statement-type",
                "type",
                "unknown statement type \"" + s.type() + "\"; known: " + StatementTypes.ALL);
          }
          // The generic family: payload = the command's members minus sessionId and provenance.
          Object eventId =
              send(s, RecordPayloads.bind(command, s.subject(), s.payload(), provenance));
          result.put("sessionId", s.subject());
          if (eventId != null) {
            result.put("eventId", eventId);
          }
        }
      }
    } catch (StatementPayloadException e) {
      throw new AdmissionRefused(
          Admission.BAD_REQUEST, "invalid-payload", e.field(), e.getMessage());
    }
    return result;
  }

  private void registerGenesis(
      AdmittedStatement s, RegisterKeyPayload p, String publicKey, Provenance provenance) {
    try {
      send(
          s,
          new RegisterGenesisKeyCommand(
              KeyRegistry.REGISTRY_ID,
              s.subject(),
              p.owner(),
              p.role(),
              publicKey,
              p.validFrom(),
              provenance));
    } catch (AggregateStreamCreationException | ConcurrencyException e) {
      throw registryNotEmpty();
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof AggregateStreamCreationException
          || e.getCause() instanceof ConcurrencyException) {
        throw registryNotEmpty();
      }
      throw e;
    }
  }

  private static AdmissionRefused registryNotEmpty() {
    return new AdmissionRefused(
        Admission.CONFLICT,
        "registry-not-empty",
        "keyid",
        "a self-signed genesis key registration is accepted only while the key registry is empty");
  }

  /** A complaint command, with the case's existence answered in the complaint's own terms. */
  private Object sendToComplaint(AdmittedStatement s, Object command, boolean filing) {
    try {
      return send(s, command);
    } catch (CommandExecutionException e) {
      Throwable cause = e.getCause();
      if (filing
          && (cause instanceof AggregateStreamCreationException
              || cause instanceof ConcurrencyException)) {
        throw complaintExists(s);
      }
      if (cause instanceof AggregateNotFoundException) {
        throw unknownComplaint(s);
      }
      throw e;
    } catch (AggregateStreamCreationException | ConcurrencyException e) {
      if (filing) {
        throw complaintExists(s);
      }
      throw e;
    } catch (AggregateNotFoundException e) {
      throw unknownComplaint(s);
    }
  }

  private static AdmissionRefused complaintExists(AdmittedStatement s) {
    return new AdmissionRefused(
        Admission.CONFLICT,
        "complaint-already-exists",
        "subject",
        "a complaint '" + s.subject() + "' already exists; complaints are never replaced");
  }

  private static AdmissionRefused unknownComplaint(AdmittedStatement s) {
    return new AdmissionRefused(
        Admission.NOT_FOUND,
        "unknown-complaint",
        "subject",
        "no complaint '" + s.subject() + "'; file it first (complaint.file/v1)");
  }

  private Object send(AdmittedStatement s, Object command) {
    try {
      return commands.sendAndWait(
          GenericCommandMessage.asCommandMessage(command)
              .andMetaData(AdmittedStatementInterceptor.metaData(s)));
    } catch (StatementReplayedException e) {
      throw Admission.replayed(s);
    } catch (CommandExecutionException e) {
      if (e.getCause() instanceof StatementReplayedException) {
        throw Admission.replayed(s);
      }
      throw e;
    }
  }
}
