package org.examledger.statements;

import java.util.LinkedHashMap;
import java.util.Map;
import org.examledger.exam.AdjudicateScoreCommand;
import org.examledger.exam.AssignStaffCommand;
import org.examledger.exam.CancelSessionCommand;
import org.examledger.exam.CorrectScoreCommand;
import org.examledger.exam.EndSessionCommand;
import org.examledger.exam.LockResultSheetCommand;
import org.examledger.exam.OpenSessionCommand;
import org.examledger.exam.PublishResultSheetCommand;
import org.examledger.exam.RecordCandidateNoticeReadCommand;
import org.examledger.exam.RecordIdentityCheckCommand;
import org.examledger.exam.RecordIncidentCommand;
import org.examledger.exam.RecordProhibitedItemsCheckCommand;
import org.examledger.exam.ReopenResultSheetCommand;
import org.examledger.exam.ResolveIncidentCommand;
import org.examledger.exam.StartSessionCommand;
import org.examledger.exam.SubmitResultSheetCommand;
import org.examledger.exam.UnassignStaffCommand;

/**
 * The exam statements whose payload is exactly their command's members (bound by {@link
 * RecordPayloads}); the subject is always the sessionId. docs/formats/statements.md lists them.
 */
public final class ExamStatements {

  public static final Map<String, Class<? extends Record>> COMMANDS = commands();

  private ExamStatements() {}

  private static Map<String, Class<? extends Record>> commands() {
    Map<String, Class<? extends Record>> m = new LinkedHashMap<>();
    m.put("exam.session.open/v1", OpenSessionCommand.class);
    m.put("exam.session.start/v1", StartSessionCommand.class);
    m.put("exam.session.end/v1", EndSessionCommand.class);
    m.put("exam.session.cancel/v1", CancelSessionCommand.class);
    m.put("exam.staff.assign/v1", AssignStaffCommand.class);
    m.put("exam.staff.unassign/v1", UnassignStaffCommand.class);
    m.put("exam.proctor.notice-read/v1", RecordCandidateNoticeReadCommand.class);
    m.put("exam.proctor.prohibited-items/v1", RecordProhibitedItemsCheckCommand.class);
    m.put("exam.incident.record/v1", RecordIncidentCommand.class);
    m.put("exam.incident.resolve/v1", ResolveIncidentCommand.class);
    m.put("exam.identity.check/v1", RecordIdentityCheckCommand.class);
    m.put("exam.score.correct/v1", CorrectScoreCommand.class);
    m.put("exam.score.adjudicate/v1", AdjudicateScoreCommand.class);
    m.put("exam.sheet.submit/v1", SubmitResultSheetCommand.class);
    m.put("exam.sheet.lock/v1", LockResultSheetCommand.class);
    m.put("exam.sheet.reopen/v1", ReopenResultSheetCommand.class);
    m.put("exam.sheet.publish/v1", PublishResultSheetCommand.class);
    return Map.copyOf(m);
  }
}
