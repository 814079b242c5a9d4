package org.examledger.api.admission;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.examledger.exam.CountersignScoreCommand;
import org.examledger.exam.Provenance;
import org.examledger.exam.RecordScoreCommand;
import org.examledger.exam.RegisterCandidateCommand;
import org.examledger.exam.ScheduleSessionCommand;
import org.examledger.keys.KeyRegistry;
import org.examledger.keys.RegisterGenesisKeyCommand;
import org.examledger.keys.RegisterKeyCommand;
import org.examledger.keys.RevokeKeyCommand;
import org.examledger.statements.CountersignScorePayload;
import org.examledger.statements.ExamStatements;
import org.examledger.statements.RecordPayloads;
import org.examledger.statements.RecordScorePayload;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.RegisterKeyPayload;
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

  private final CommandGateway commands;
  private final Clock clock;

  public StatementDispatcher(CommandGateway commands, Clock clock) {
    this.commands = commands;
    this.clock = clock;
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
